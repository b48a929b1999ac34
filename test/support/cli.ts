import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'tocsin.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a child process, with only the environment the test gives it. */
export function runCli(args: string[], env: Record<string, string | undefined>, opts: { timeoutMs?: number; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', HTTP_PORT: '0', TOCSIN_ALLOW_PRIVATE_FETCH: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tocsin ${args.join(' ')} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A config folder of the test's own: its `sources.yaml`, and the shipped rules,
 * places and actors (linked, not copied) so detection is the real one.
 */
export function makeConfigDir(sourcesYaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-config-'));
  fs.writeFileSync(path.join(dir, 'sources.yaml'), sourcesYaml);
  for (const entry of fs.readdirSync(path.join(ROOT, 'config'))) {
    if (entry === 'sources.yaml') continue;
    fs.symlinkSync(path.join(ROOT, 'config', entry), path.join(dir, entry));
  }
  return dir;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-data-'));
}
