/** Small helpers shared by the benchmarks. */
import type { Benchmark } from './types';

/** The value below which `p` (0–1) of the sorted samples fall (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Lets a benchmark file run alone: `node bin/run-ts.js bench/<file>.ts` prints its JSON lines. */
export function runWhenMain(filename: string, run: Benchmark): void {
  if (process.argv[1] !== filename) return;
  run()
    .then((results) => {
      for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
