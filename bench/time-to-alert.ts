/**
 * Time to alert: a real `tocsin run` process (embedded store) polls local feeds every 30 s
 * and posts to the recording fake Discord. 50 attack reports (50 different cities, so 50
 * incidents) appear on the feeds one every 3 s, spread round-robin over 10 sources — ten
 * sources at 30 s instead of one, so 50 events take ~3 minutes instead of 25; each
 * source still sees one new event per interval. value = p95 seconds from the moment the
 * item is on the feed to the moment the Discord server records the message;
 * ratio = p95 / poll interval (lower is better; the goal is ≤ 1.2).
 *
 *   node bin/run-ts.js bench/time-to-alert.ts
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { makeConfigDir, makeDataDir, runCli } from '../test/support/cli';
import { startFakeDiscord } from '../test/support/fake-platforms';
import { rss, startFeedServer, type TestItem } from '../test/support/feed-server';
import { percentile, round, runWhenMain, sleep } from './support';
import type { BenchResult } from './types';

const INTERVAL_S = 30;
const SOURCES = 10;
const EVENTS = 50;
const GAP_MS = 3000;
const CHANNEL = '222222222222222222';
/** One city per event, each in its own country or far apart, so every event is an incident of its own. */
const CITIES = [
  'Vienna', 'Brussels', 'Sofia', 'Prague', 'Copenhagen', 'Tallinn', 'Helsinki', 'Athens', 'Budapest', 'Dublin',
  'Rome', 'Riga', 'Vilnius', 'Valletta', 'Amsterdam', 'Oslo', 'Warsaw', 'Lisbon', 'Bucharest', 'Bratislava',
  'Ljubljana', 'Madrid', 'Stockholm', 'Bern', 'London', 'Berlin', 'Paris', 'Ankara', 'Kyiv', 'Minsk',
  'Belgrade', 'Zagreb', 'Sarajevo', 'Tirana', 'Skopje', 'Podgorica', 'Chisinau', 'Cairo', 'Nairobi', 'Lagos',
  'Kabul', 'Karachi', 'Dhaka', 'Jakarta', 'Manila', 'Bangkok', 'Hanoi', 'Seoul', 'Lima', 'Ottawa',
];
const calm: TestItem[] = [{ title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' }];

export async function run(): Promise<BenchResult[]> {
  const feeds = await startFeedServer();
  const discord = await startFakeDiscord();
  const items: TestItem[][] = Array.from({ length: SOURCES }, () => [...calm]);
  const publish = (s: number) => feeds.set(`/t/${s}.xml`, { body: rss(`Feed ${s}`, items[s] as TestItem[]) });
  for (let s = 0; s < SOURCES; s++) publish(s);
  const yaml = ['sources:', ...Array.from({ length: SOURCES }, (_, s) => `  - {id: t${s}, type: feed, url: '${feeds.url}/t/${s}.xml', every: ${INTERVAL_S}s, language: en}`)].join('\n');
  const env: Record<string, string> = {
    TOCSIN_CONFIG_DIR: makeConfigDir(`${yaml}\n`),
    TOCSIN_DATA_DIR: makeDataDir(),
    DISCORD_TOKEN: 'bench-discord-token-0001',
    DISCORD_GATEWAY: 'off',
    DISCORD_API_URL: discord.url,
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
  };
  const sub = await runCli(['subscribe', `discord:${CHANNEL}`], env);
  if (sub.code !== 0) throw new Error(`subscribe failed: ${sub.stderr}`);
  const child = spawn(process.execPath, [path.resolve(__dirname, '../bin/tocsin.js'), 'run'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    // The first poll of each source records its baseline.
    while (new Set(feeds.requests.map((r) => r.path)).size < SOURCES) await sleep(200);
    await sleep(2000);
    const published: number[] = [];
    for (let k = 0; k < EVENTS; k++) {
      const city = CITIES[k] as string;
      const s = k % SOURCES;
      (items[s] as TestItem[]).unshift({
        title: `Gunman kills ${3 + (k % 7)} in attack at ${city} market`,
        description: `A gunman opened fire on shoppers at a market in ${city}, killing ${3 + (k % 7)} people, police said.`,
        guid: `event-${k}`,
        link: `https://news.example/event-${k}`,
        pubDate: new Date().toUTCString(),
      });
      publish(s);
      published.push(Date.now());
      await sleep(GAP_MS);
    }
    const posts = () => discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL}/messages`));
    const deadline = Date.now() + (INTERVAL_S * 1.5 + 10) * 1000;
    while (posts().length < EVENTS && Date.now() < deadline) await sleep(500);
    const delays: number[] = [];
    published.forEach((at, k) => {
      const post = posts().find((r) => JSON.stringify(r.body).includes(`news.example/event-${k}"`));
      if (post) delays.push((Date.parse(post.at) - at) / 1000);
    });
    const p95 = percentile(delays, 0.95);
    return [
      {
        name: 'time-to-alert-p95',
        value: round(p95, 2),
        unit: 's',
        baseline: `poll interval ${INTERVAL_S} s (ratio = p95 / interval, lower is better); ${delays.length} of ${EVENTS} events delivered, p50 ${round(percentile(delays, 0.5), 2)} s, max ${round(Math.max(...delays), 2)} s; 10 sources at 30 s, a real tocsin run, embedded store`,
        ratio: round(p95 / INTERVAL_S, 3),
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await Promise.all([feeds.close(), discord.close()]);
  }
}

runWhenMain(__filename, run);
