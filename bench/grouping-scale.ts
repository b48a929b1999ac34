/**
 * Grouping cost as open incidents grow: CPU milliseconds to group one report (the runtime's
 * `groupReport`: lock, index look-up, decision, write) into the embedded store holding
 * 10,000 open incidents, against the same kind of store holding 10, measured in the same run
 * in alternating batches (the best batch of each counts, so a busy machine weighs less).
 * ratio = cost with 10 / cost with 10,000 (higher is better; the goal is ≥ 0.5, within 2×).
 *
 *   node bin/run-ts.js bench/grouping-scale.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { distinctiveTerms, openIncident, type ReportInput } from '../src/incidents';
import type { Detection, Place } from '../src/model';
import { groupReport } from '../src/pipeline/record-incident';
import { SqliteStore } from '../src/store';
import { round } from './support';
import type { BenchResult } from './types';

const NOW = Date.parse('2026-11-03T12:00:00Z');
const BATCH = 100;
const ROUNDS = 4;

/** Every generated city of the gazetteer, with its coordinates: the world's spread of places. */
function places(): Place[] {
  const file = path.resolve(__dirname, '../config/places/coordinates.yaml');
  const doc = parse(fs.readFileSync(file, 'utf8')) as { coordinates: Record<string, Record<string, [number, number]>> };
  return Object.entries(doc.coordinates).flatMap(([country, cities]) =>
    Object.entries(cities).map(([name, [lat, lon]]) => ({ name, country, lat, lon })),
  );
}

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

function report(id: string, place: Place, atMs: number, words: string): ReportInput {
  const detection: Detection = {
    kind: 'attack', severity: 'high', countries: [place.country], places: [place], actors: [], claimed: false,
    casualties: { killed: 3 }, language: 'en', score: 2, explanation: { rules: [], terms: [], exclusions: [], notes: [] },
  };
  const title = `Explosion at ${place.name} market kills three ${words}`;
  const summary = `An explosion at a busy market in ${place.name} killed three people and wounded ${words.length}, police said.`;
  const at = new Date(atMs).toISOString();
  return { detection, report: { itemId: id, sourceId: 'bench', title, language: 'en', at }, title, summary, terms: distinctiveTerms(`${title} ${summary}`) };
}

/** A store holding `open` incidents: events of the last week all over the world. */
async function storeWith(open: number, all: Place[], dir: string): Promise<SqliteStore> {
  const store = new SqliteStore(dir);
  const r = rng(7);
  for (let i = 0; i < open; i++) {
    const at = NOW - r(7 * 86_400_000);
    const input = report(`open-${i}`, all[r(all.length)] as Place, at, `w${r(100_000)} w${r(100_000)}`);
    await store.putIncident(openIncident(input, new Date(at)));
  }
  return store;
}

/** CPU time, not wall time: the store is in-process and synchronous, and the machine may be shared. */
async function batchMs(store: SqliteStore, all: Place[], round: number): Promise<number> {
  const r = rng(100 + round);
  let now = new Date(NOW);
  const deps = { store, clock: () => now, random: Math.random, messageOptions: {} };
  const start = process.cpuUsage();
  for (let i = 0; i < BATCH; i++) {
    now = new Date(NOW + (round * BATCH + i) * 1000);
    await groupReport(report(`new-${round}-${i}`, all[r(all.length)] as Place, now.getTime(), `w${r(100_000)} w${r(100_000)}`), deps);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / BATCH;
}

export async function run(): Promise<BenchResult[]> {
  const all = places();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-bench-grouping-'));
  const small = await storeWith(10, all, path.join(dir, 'small'));
  const large = await storeWith(10_000, all, path.join(dir, 'large'));
  try {
    await batchMs(small, all, 0); // warm-up: JIT and statement preparation
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let i = 1; i <= ROUNDS; i++) {
      bestSmall = Math.min(bestSmall, await batchMs(small, all, i));
      bestLarge = Math.min(bestLarge, await batchMs(large, all, i));
    }
    return [{
      name: 'grouping-10000-open-incidents',
      value: round(bestLarge, 3),
      unit: 'ms/report',
      baseline: `the same grouping with 10 open incidents (${round(bestSmall, 3)} ms/report)`,
      ratio: round(bestSmall / bestLarge, 2),
    }];
  } finally {
    await small.close();
    await large.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone (`node bin/run-ts.js bench/grouping-scale.ts`): run-ts puts this file in argv[1].
if (require.main === module || process.argv[1] === __filename) {
  run().then((results) => {
    for (const r of results) console.log(JSON.stringify(r));
  }).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
