/**
 * Status page render time: `GET /` answered from an embedded store holding 5,000 sources
 * (one in twenty failing), 1,000 recent incidents and 13 authorities' levels: store reads,
 * view model and HTML with the world map. Baseline, same run: the same store reads and a
 * plain JSON.stringify of the data. Median of 30 runs after the map's first projection.
 *
 *   node bin/run-ts.js bench/status-page-render.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { statusRoutes } from '../src/http';
import { buildStatusView, renderStatusPage } from '../src/status-page';
import type { Incident, LevelReading, SourceState } from '../src/model';
import { SqliteStore } from '../src/store';
import { percentile, round, runWhenMain } from './support';
import type { BenchResult } from './types';

const SOURCES = 5000;
const INCIDENTS = 1000;
const RUNS = 30;
const COUNTRIES = ['GB', 'FR', 'US', 'AU', 'NL', 'BE', 'ES', 'SE', 'NO', 'DK', 'AT', 'NZ', 'CA'];

function source(i: number, now: number): SourceState {
  const failing = i % 20 === 0;
  const s: SourceState = { id: `feed-${i}`, baselined: true, consecutiveFailures: failing ? 3 : 0, health: failing ? 'failing' : 'healthy', lastPoll: new Date(now).toISOString() };
  if (failing) Object.assign(s, { lastError: 'HTTP 503 Service Unavailable', failingSince: new Date(now - 3_600_000).toISOString() });
  return s;
}

function incident(i: number, now: number): Incident {
  const at = new Date(now - (i % 160) * 3_600_000).toISOString();
  const country = COUNTRIES[i % COUNTRIES.length]!;
  return {
    id: `inc-${i}`, kind: 'attack', version: 1, firstSeen: at, lastSeen: at, eventTime: at, severity: i % 3 ? 'high' : 'critical',
    title: `Explosion near station number ${i} <leaves> several "people" injured`, summary: 'Police said a device exploded near the entrance.',
    countries: [country], places: [{ name: `Town ${i}`, country }], actors: [], claimedBy: [], casualties: { killed: i % 7, injured: i % 13 },
    reports: Array.from({ length: 4 }, (_, r) => ({ itemId: `${i}-${r}`, sourceId: `feed-${r * 7}`, url: `https://news.example/${i}/${r}`, title: `Report ${r} on incident ${i}`, language: ['en', 'fr', 'de', 'es'][r]!, at })),
    terms: ['explosion', 'station'], changes: [],
  };
}

function level(country: string, i: number, now: number): LevelReading {
  return { authority: `auth-${country.toLowerCase()}`, country, scope: 'national', rank: (i % 5) + 1, of: 5, name: `Niveau ${i}`, name_en: `Level ${i}`, since: new Date(now - 86_400_000).toISOString(), url: 'https://gov.example/level', observedAt: new Date(now).toISOString() };
}

export async function run(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-bench-status-'));
  const store = new SqliteStore(dir);
  try {
    const now = Date.now();
    for (let i = 0; i < SOURCES; i++) await store.putSourceState(source(i, now));
    for (let i = 0; i < INCIDENTS; i++) await store.putIncident(incident(i, now));
    for (const [i, c] of COUNTRIES.entries()) await store.putLevel(level(c, i, now));
    const authoritySources = Object.fromEntries(COUNTRIES.map((c, i) => [`auth-${c.toLowerCase()}`, [`feed-${i}`]]));
    const page = statusRoutes({ store, authoritySources, clock: () => new Date() }).find((r) => r.path === '/')!;
    const req = { method: 'GET', path: '/', query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0) };
    const since = new Date(now - 7 * 86_400_000).toISOString();

    const first = await page.handle(req); // projects the map once; later renders reuse it
    const size = Buffer.byteLength(String(first.body));
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await page.handle(req);
      ours.push(performance.now() - t);
      t = performance.now();
      const [levels, incidents, sources] = await Promise.all([store.listLevels(), store.listIncidents({ since, limit: INCIDENTS }), store.listSourceStates()]);
      JSON.stringify({ levels, incidents, sources });
      base.push(performance.now() - t);
    }
    // The pure part alone (view model + HTML), against JSON.stringify of the same records.
    const [levels, incidents, sources] = await Promise.all([store.listLevels(), store.listIncidents({ since, limit: INCIDENTS }), store.listSourceStates()]);
    const pure: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      renderStatusPage(buildStatusView({ levels, incidents, sources, authoritySources, now: new Date(), since }));
      pure.push(performance.now() - t);
      t = performance.now();
      JSON.stringify({ levels, incidents, sources });
      plain.push(performance.now() - t);
    }
    const ms = percentile(ours, 0.5);
    const baseMs = percentile(base, 0.5);
    return [{
      name: 'status-page-render',
      value: round(ms, 1),
      unit: `ms (median of ${RUNS}, ${SOURCES} sources, ${INCIDENTS} incidents, ${Math.round(size / 1024)} KB page; goal under 200)`,
      baseline: `the same store reads and JSON.stringify of the same data (${round(baseMs, 1)} ms)`,
      ratio: round(ms / baseMs),
    }, {
      name: 'status-page-render-pure',
      value: round(percentile(pure, 0.5), 1),
      unit: `ms (median of ${RUNS}: view model and HTML only, no store reads)`,
      baseline: `JSON.stringify of the same records (${round(percentile(plain, 0.5), 1)} ms)`,
      ratio: round(percentile(pure, 0.5) / percentile(plain, 0.5)),
    }];
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(__filename, run);
