/**
 * Poll scale: 5,000 feed sources every 60 s against one local server (its own process),
 * nine in ten answering 304, on the embedded store (SQLite), through the real runtime
 * (`startRuntime`) and the real Scheduler and pollSource. Sources start in steady state —
 * baselined, with the server's ETag, due times spread over the first interval — so the run
 * measures polling, not a cold start.
 *
 * - `poll-scale-lag-p95`: seconds from a source's due time to its poll starting, p95 over
 *   every poll of the run. Baseline: the poll interval; ratio = p95 / interval (lower is better).
 * - `poll-scale-rss`: peak resident memory of the process in MB. Baseline: resident memory of
 *   the same runtime started with every source loaded, before polling; ratio = peak / that.
 *
 *   node bin/run-ts.js bench/poll-scale.ts      (POLL_SCALE_SECONDS, POLL_SCALE_SOURCES to change)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig, startRuntime } from '../src/app';
import { freshSourceState } from '../src/model';
import { pollSource } from '../src/pipeline/poll-source';
import { Scheduler } from '../src/scheduler';
import { makeConfigDir, makeDataDir } from '../test/support/cli';
import { answers304, SCALE_ETAG, scaleFeedBody } from './poll-scale-server';
import { peakRssMb, percentile, round, runWhenMain, sleep } from './support';
import type { BenchResult } from './types';

const INTERVAL_MS = 60_000;

async function startServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../bin/run-ts.js'), path.join(__dirname, 'poll-scale-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`feed server exited ${code}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, stop: () => child.kill('SIGTERM') };
}

export async function run(): Promise<BenchResult[]> {
  const count = Number(process.env.POLL_SCALE_SOURCES ?? 5000);
  const seconds = Number(process.env.POLL_SCALE_SECONDS ?? 150);
  const server = await startServer();
  const yaml = ['sources:', ...Array.from({ length: count }, (_, n) => `  - {id: s${n}, type: feed, url: '${server.url}/s/${n}.xml', every: 1m, language: en}`)].join('\n');
  const env = { TOCSIN_CONFIG_DIR: makeConfigDir(`${yaml}\n`), TOCSIN_DATA_DIR: makeDataDir(), LOG_LEVEL: 'error', HTTP_PORT: '0' };
  const runtime = await startRuntime(loadConfig(env), { writeConsole: () => undefined });
  const t0 = Date.now() + 2000;
  for (let n = 0; n < count; n++) {
    const state = { ...freshSourceState(`s${n}`), baselined: true, bodyHash: createHash('sha256').update(scaleFeedBody(n)).digest('base64url') };
    await runtime.store.putSourceState({ ...state, ...(answers304(n) ? { etag: SCALE_ETAG } : {}), nextDue: new Date(t0 + Math.floor((n / count) * INTERVAL_MS)).toISOString() });
  }
  const idleRssMb = process.memoryUsage().rss / (1024 * 1024);

  const lags: number[] = [];
  const outcomes = { ok: 0, failed: 0 };
  const scheduler = new Scheduler({
    sources: runtime.config.sources,
    store: runtime.store,
    poll: async (s) => {
      const r = await pollSource(s, runtime.deps);
      outcomes[r.ok ? 'ok' : 'failed']++;
    },
    log: runtime.log,
    clock: () => new Date(),
    owner: 'bench',
    onPollStart: (_id, lagMs) => lags.push(lagMs),
  });
  scheduler.start();
  await sleep(seconds * 1000);
  await scheduler.stop();
  const peak = peakRssMb();
  await runtime.close(2000);
  server.stop();

  const p95 = percentile(lags, 0.95) / 1000;
  const detail = `${count} sources every 60 s, 90% answering 304, embedded store, ${seconds} s run, ${lags.length} polls (${outcomes.failed} failed), lag p50 ${round(percentile(lags, 0.5) / 1000, 3)} s, max ${round(Math.max(...lags) / 1000, 3)} s`;
  return [
    { name: 'poll-scale-lag-p95', value: round(p95, 3), unit: 's', baseline: `the poll interval, 60 s (lower is better; ${detail})`, ratio: round(p95 / (INTERVAL_MS / 1000), 4) },
    { name: 'poll-scale-rss', value: round(peak, 1), unit: 'MB', baseline: `resident memory with all ${count} sources loaded, before polling: ${round(idleRssMb, 1)} MB (lower is better)`, ratio: round(peak / idleRssMb, 2) },
  ];
}

runWhenMain(__filename, run);
