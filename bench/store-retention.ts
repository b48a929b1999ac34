/**
 * Embedded store size over a simulated stretch at 5,000 sources, with retention
 * (TOCSIN_RETENTION_DAYS=30, pruned once a simulated day) and, as the baseline in the same
 * run, without pruning. Each simulated day every source leaves 4 poll locks (one per
 * 6-hour poll slot; a real bot polling more often leaves more) and marks 10 new item ids;
 * 40 incidents a day are recorded with 2 deliveries each. The store's clock is moved, so
 * a day takes seconds. Figures are the file's size on disk (WAL checkpointed) after 60
 * simulated days; after day 30 the pruned store should stay flat (freed pages reused).
 *
 *   node bin/run-ts.js bench/store-retention.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../src/store';
import { delivery, incident } from '../test/store/records';
import { round, runWhenMain } from './support';
import type { BenchResult } from './types';

const SOURCES = 5000;
const POLLS_PER_DAY = 4;
const ITEMS_PER_DAY = 10;
const INCIDENTS_PER_DAY = 40;
const DAYS = 60;
const RETENTION_DAYS = 30;
const DAY = 86_400_000;

function fileMb(dir: string): number {
  const bytes = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('tocsin.db'))
    .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  return bytes / 1024 / 1024;
}

/** Sizes (MB) after day 30 and after the last day. */
async function simulate(prune: boolean): Promise<{ day30: number; end: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-bench-retention-'));
  const start = Date.parse('2026-01-01T00:00:00Z');
  let now = start;
  let store = new SqliteStore(dir, { clock: () => now });
  let day30 = 0;
  try {
    for (let day = 0; day < DAYS; day++) {
      for (let slot = 0; slot < POLLS_PER_DAY; slot++) {
        now = start + day * DAY + (slot * DAY) / POLLS_PER_DAY;
        for (let s = 0; s < SOURCES; s++) await store.tryLock(`poll-source-${s}-${new Date(now).toISOString()}`, 'replica-a', 60_000);
      }
      for (let s = 0; s < SOURCES; s++) {
        const ids = Array.from({ length: ITEMS_PER_DAY }, (_, i) => `https://news-${s}.example/${day}/story-${i}-${'x'.repeat(24)}`);
        await store.markSeen(`source-${s}`, ids);
      }
      for (let i = 0; i < INCIDENTS_PER_DAY; i++) {
        const id = `inc-${day}-${i}`;
        await store.putIncident(incident(id, new Date(now).toISOString()));
        await store.putDelivery(delivery(id, 'discord', '1'));
        await store.putDelivery(delivery(id, 'slack', 'C1'));
      }
      if (prune) await store.prune(new Date(now - RETENTION_DAYS * DAY));
      if (day === RETENTION_DAYS - 1) {
        await store.close();
        day30 = fileMb(dir);
        store = new SqliteStore(dir, { clock: () => now });
      }
    }
    await store.close();
    return { day30, end: fileMb(dir) };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function storeRetention(): Promise<BenchResult[]> {
  const kept = await simulate(true);
  const grown = await simulate(false);
  const lines: BenchResult[] = [
    {
      name: 'store-size-after-60-days-5000-sources',
      value: round(kept.end, 1),
      unit: 'MB',
      baseline: `the same 60 simulated days without pruning: ${round(grown.end, 1)} MB`,
      ratio: round(kept.end / grown.end, 3),
    },
    {
      name: 'store-growth-days-30-to-60-with-retention',
      value: round(kept.end - kept.day30, 1),
      unit: 'MB',
      baseline: `growth over the same 30 days without pruning: ${round(grown.end - grown.day30, 1)} MB (day 30: ${round(kept.day30, 1)} MB)`,
      ratio: round((kept.end - kept.day30) / (grown.end - grown.day30), 3),
    },
  ];
  return lines;
}

runWhenMain(__filename, storeRetention);
