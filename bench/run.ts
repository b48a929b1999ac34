/**
 * `npm run bench`: runs each benchmark in a process of its own (so one's memory and
 * timers do not weigh on the next) and prints their JSON lines
 * `{name, value, unit, baseline, ratio}` on stdout. About 8 minutes in all.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BENCHMARKS = ['detect-throughput', 'ingest-throughput', 'time-to-alert', 'poll-scale', 'grouping-scale', 'status-page-render', 'store-retention', 'localised-render'];

function runOne(name: string): Promise<boolean> {
  const file = path.join(__dirname, `${name}.ts`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`bench: ${name} is not there, skipped\n`);
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../bin/run-ts.js'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) process.stdout.write(`${line}\n`);
    });
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(`bench: ${name} failed (exit ${code})\n`);
      resolve(code === 0);
    });
  });
}

async function main(): Promise<void> {
  let ok = true;
  for (const name of BENCHMARKS) ok = (await runOne(name)) && ok;
  process.exitCode = ok ? 0 : 1;
}

void main();
