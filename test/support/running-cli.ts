import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './cli';

/** One JSON log line of the running bot (pino), or `{ msg: line }` for anything else. */
export type LogLine = Record<string, unknown> & { msg?: string };

export interface RunningCli {
  child: ChildProcess;
  logs: LogLine[];
  stdout(): string;
  /** Resolves with the first log line (past or future) that matches; rejects after `timeoutMs`. */
  waitForLog(pred: (l: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Sends a signal. */
  signal(sig: NodeJS.Signals): void;
  /** SIGTERM, then resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** `tocsin <args>` left running (e.g. `run`), its JSON logs collected from stderr. */
export function startCli(args: string[], env: Record<string, string | undefined>): RunningCli {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tocsin.js'), ...args], {
    cwd: ROOT,
    // Test feeds are served on 127.0.0.1, which the fetch guard refuses unless allowed.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', HTTP_PORT: '0', TOCSIN_ALLOW_PRIVATE_FETCH: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let out = '';
  let partial = '';
  let waiters: { pred: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines.filter(Boolean)) {
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      waiters = waiters.filter((w) => (w.pred(line) ? (w.resolve(line), false) : true));
    }
  });
  return {
    child,
    logs,
    stdout: () => out,
    waitForLog(pred, timeoutMs = 120_000) {
      const past = logs.find(pred);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; logs:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`)), timeoutMs);
        waiters.push({ pred, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
    signal: (sig) => child.kill(sig),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
