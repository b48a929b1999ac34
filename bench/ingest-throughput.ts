/**
 * Ingest throughput: news feeds fetched from a local HTTP server and taken through the
 * whole pipeline — bounded fetch, decoding, repair, parsing, normalisation, detection,
 * incident grouping, routing and the outbox (embedded store) — by the real `pollSource`
 * of the real runtime. Baseline: bare rss-parser `parseString` of the same bytes.
 * value = items/s through the pipeline; ratio = rss-parser time / pipeline time for the
 * same bytes (higher is better; 1 would mean the pipeline costs no more than parsing alone).
 *
 * Corpus: our own synthetic items, 1 in 25 an attack report (a dozen cities), the rest
 * everyday news; 40 feeds of 50 items, three measured rounds after a warm-up.
 * `ingest-throughput` is the steady case — each poll's feed has 5 new items on top of 45
 * already seen, as a busy feed polled every few minutes does; `ingest-throughput-all-new`
 * is the worst case, every item of every poll new (detection and grouping of all of them).
 *
 *   node bin/run-ts.js bench/ingest-throughput.ts
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { loadConfig, startRuntime, type Runtime } from '../src/app';
import { freshSourceState } from '../src/model';
import { pollSource } from '../src/pipeline/poll-source';
import { makeConfigDir, makeDataDir } from '../test/support/cli';
import { rss, type TestItem } from '../test/support/feed-server';
import { round, runWhenMain } from './support';
import type { BenchResult } from './types';

const FEEDS = 40;
const ITEMS = 50;
const ROUNDS = 3;
/** New items per poll in the steady case: a busy news feed polled every few minutes. */
const FRESH_PER_POLL = 5;
const CITIES = ['Lyon', 'Hamburg', 'Madrid', 'Vienna', 'Brussels', 'Amsterdam', 'Berlin', 'Marseille', 'Manchester', 'Rotterdam', 'Strasbourg', 'Liverpool'];
const CALM = [
  ['Parliament debates the budget for {N} hours', 'Members argued over spending plans and a new tax on sugar; the vote is expected on Thursday after a long session.'],
  ['Storm brings heavy rain to the coast', 'Forecasters expect more wind tomorrow and warn of floods in {N} low-lying towns along the river.'],
  ['Central bank holds rates at {N} per cent', 'Economists had expected the decision; the governor said inflation was easing but remained above target.'],
  ['Local team wins the cup after extra time', 'A late goal sealed a {N}-2 victory in front of a sold-out stadium, the club’s first title in a decade.'],
  ['New railway line opens between two cities', 'The line cuts the journey by {N} minutes; passengers praised the quiet carriages and free wifi.'],
] as const;

/** Item `k` of feed `feed`: 1 in 25 an attack report in one of a dozen cities, the rest everyday news. */
function feedItem(tag: string, feed: number, k: number): TestItem {
  const guid = `${tag}-f${feed}-${k}`;
  const pubDate = new Date(Date.UTC(2026, 10, 1) + k * 60_000).toUTCString();
  const link = `https://news.example/${guid}`;
  if (k % 25 === 7) {
    const city = CITIES[Math.floor(k / 25) % CITIES.length] as string;
    const n = 3 + (k % 9);
    return { title: `Gunman kills ${n} in attack at ${city} market`, description: `A gunman opened fire on shoppers at a market in ${city}, killing ${n} people, police said.`, guid, link, pubDate };
  }
  const [t, d] = CALM[k % CALM.length] as readonly [string, string];
  return { title: t.replace('{N}', String(k % 97)), description: d.replace('{N}', String(k % 89)), guid, link, pubDate };
}

/** A feed at round `r`: its newest ITEMS items, `fresh` of them new since round r-1. */
function feedBody(tag: string, feed: number, r: number, fresh: number): Buffer {
  const top = r * fresh + ITEMS;
  const items = Array.from({ length: ITEMS }, (_, i) => feedItem(tag, feed, top - 1 - i));
  return Buffer.from(rss(`Feed ${feed}`, items));
}

interface Measured {
  items: number;
  fresh: number;
  bytes: number;
  pipelineS: number;
  parserS: number;
  /** rss-parser fetching the feeds itself (parseURL): the naive fetch-and-parse loop. */
  parseUrlS: number;
}

/** Round 0 warms up (and fills the seen-set); rounds 1..ROUNDS are timed, pipeline then parser over the same bytes. */
async function measure(runtime: Runtime, bodies: Map<string, Buffer>, tag: string, fresh: number): Promise<Measured> {
  const parser = new Parser();
  const m: Measured = { items: 0, fresh: 0, bytes: 0, pipelineS: 0, parserS: 0, parseUrlS: 0 };
  for (let r = 0; r <= ROUNDS; r++) {
    const roundBodies = Array.from({ length: FEEDS }, (_, f) => feedBody(tag, f, r, fresh));
    roundBodies.forEach((b, f) => bodies.set(`/f/${f}.xml`, b));
    const t0 = process.hrtime.bigint();
    for (const s of runtime.config.sources) {
      const res = await pollSource(s, runtime.deps);
      if (!res.ok) throw new Error(`${s.id}: ${res.error}`);
      if (r > 0) m.fresh += res.items ?? 0;
    }
    const t1 = process.hrtime.bigint();
    for (const b of roundBodies) await parser.parseString(b.toString('utf8'));
    const t2 = process.hrtime.bigint();
    for (const s of runtime.config.sources) await parser.parseURL(s.url);
    const t3 = process.hrtime.bigint();
    if (r === 0) continue;
    m.pipelineS += Number(t1 - t0) / 1e9;
    m.parserS += Number(t2 - t1) / 1e9;
    m.parseUrlS += Number(t3 - t2) / 1e9;
    m.items += FEEDS * ITEMS;
    m.bytes += roundBodies.reduce((n, b) => n + b.length, 0);
  }
  return m;
}

function result(name: string, m: Measured, what: string): BenchResult {
  return {
    name,
    value: Math.round(m.items / m.pipelineS),
    unit: 'items/s',
    baseline: `bare rss-parser parseString of the same ${round(m.bytes / 1e6, 1)} MB: ${Math.round(m.items / m.parserS)} items/s (ratio = parser time / pipeline time, higher is better); ${what}, ${m.fresh} of ${m.items} items new; rss-parser parseURL from the same server: ${Math.round(m.items / m.parseUrlS)} items/s`,
    ratio: round(m.parserS / m.pipelineS, 3),
  };
}

export async function run(): Promise<BenchResult[]> {
  const bodies = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const yaml = ['sources:', ...Array.from({ length: FEEDS }, (_, f) => `  - {id: f${f}, type: feed, url: '${base}/f/${f}.xml', every: 1m, language: en}`)].join('\n');
  const env = { TOCSIN_CONFIG_DIR: makeConfigDir(`${yaml}\n`), TOCSIN_DATA_DIR: makeDataDir(), LOG_LEVEL: 'error', HTTP_PORT: '0' };
  const runtime = await startRuntime(loadConfig(env), { writeConsole: () => undefined });
  // Past the baseline: every new item is processed.
  for (const s of runtime.config.sources) await runtime.store.putSourceState({ ...freshSourceState(s.id), baselined: true });
  try {
    const steady = await measure(runtime, bodies, 'steady', FRESH_PER_POLL);
    const allNew = await measure(runtime, bodies, 'all', ITEMS);
    return [
      result('ingest-throughput', steady, `${FEEDS} feeds of ${ITEMS} items, ${FRESH_PER_POLL} new per poll`),
      result('ingest-throughput-all-new', allNew, `${FEEDS} feeds of ${ITEMS} items, every item new`),
    ];
  } finally {
    await runtime.close(5000);
    server.close();
  }
}

runWhenMain(__filename, run);
