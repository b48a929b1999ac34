/**
 * Issue 8: two replicas on one Redis poll each source once per slot. Two Schedulers, each
 * with its own Redis connection, tick together (several times per slot) on one shared
 * clock; the real pollSource fetches from a local server that counts requests per source.
 */
import type { SourceConfig } from '../../src/config/sources-config';
import type { Outbox } from '../../src/delivery/outbox-port';
import { NO_METRICS, type PipelineDeps } from '../../src/pipeline/deps';
import { pollSource } from '../../src/pipeline/poll-source';
import { Scheduler } from '../../src/scheduler';
import { fetchLocal } from '../support/local-fetch';
import { RedisStore, SqliteStore, type Store } from '../../src/store';
import { makeDataDir } from '../support/cli';
import { rss, startFeedServer, type FeedServer } from '../support/feed-server';
import { describeRedis, freshRedisUrl } from '../support/redis';

const SOURCES = 12;
const EVERY_MS = 60_000;
/** Past the interval and its largest jitter (10% of it). */
const SLOT_STEP_MS = EVERY_MS * 1.1 + 1000;
const SLOTS = 4;
const TICKS_PER_SLOT = 3;

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const noOutbox: Outbox = {
  enqueue: () => Promise.reject(new Error('nothing should be delivered here')),
  start: () => undefined,
  drain: () => Promise.resolve({ pending: 0, dead: 0 }),
  pendingCount: () => Promise.resolve(0),
  deadLetters: () => Promise.resolve([]),
  close: () => Promise.resolve(),
};

function pipelineDeps(store: Store, clock: () => Date): PipelineDeps {
  return {
    store,
    outbox: noOutbox,
    detect: () => [],
    fetch: fetchLocal,
    fetchMaxBytes: 1024 * 1024,
    log: silent,
    metrics: NO_METRICS,
    clock,
    random: Math.random,
    fallbackSubscriptions: [],
    requestLevelPoll: () => undefined,
    messageOptions: {},
    notifyOps: () => Promise.resolve(),
    scrub: (t) => t,
  };
}

function localSources(base: string): SourceConfig[] {
  return Array.from({ length: SOURCES }, (_, i) => ({ id: `r${i}`, type: 'feed', url: `${base}/r/${i}.xml`, every: '1m', everyMs: EVERY_MS, language: 'en', options: {} }));
}

async function calmFeeds(): Promise<FeedServer> {
  const feeds = await startFeedServer();
  for (let i = 0; i < SOURCES; i++) {
    feeds.set(`/r/${i}.xml`, { body: rss(`Feed ${i}`, [{ title: `Council meeting ${i}`, description: 'Members discussed the budget.', guid: `calm-${i}` }]) });
  }
  return feeds;
}

describe('one scheduler', () => {
  it('starts every due source from one tick, beyond the per-host limit, as earlier polls end', async () => {
    const feeds = await calmFeeds();
    const store = new SqliteStore(makeDataDir());
    const clock = () => new Date('2026-11-02T08:00:00Z');
    const deps = pipelineDeps(store, clock);
    const lags: number[] = [];
    const scheduler = new Scheduler({
      sources: localSources(feeds.url),
      store,
      log: silent,
      clock,
      owner: 'only',
      maxPerHost: 2,
      poll: (s) => pollSource(s, deps),
      onPollStart: (_id, lag) => lags.push(lag),
    });
    try {
      await scheduler.tick();
      await scheduler.idle(10_000);
      // All on one host, two at a time: the queue drains as polls end, not one tick per two sources.
      expect(new Set(feeds.requests.map((r) => r.path)).size).toBe(SOURCES);
      expect(lags).toEqual(Array(SOURCES).fill(0));
      const states = await store.listSourceStates();
      expect(states.every((st) => st.baselined && Date.parse(st.nextDue ?? '') >= clock().getTime() + EVERY_MS)).toBe(true);
    } finally {
      await scheduler.stop();
      await store.close();
      await feeds.close();
    }
  });
});

describeRedis('two replicas on one Redis', () => {
  let feeds: FeedServer;
  const stores: RedisStore[] = [];
  let now = Date.parse('2026-11-02T08:00:00Z');

  beforeAll(async () => {
    feeds = await calmFeeds();
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await feeds?.close();
  });

  it('polls every source exactly once per slot, whichever replica claims it', async () => {
    const url = await freshRedisUrl();
    const sources = localSources(feeds.url);
    const clock = () => new Date(now);
    const polledBy = new Map<string, number>();
    const replica = (name: string): Scheduler => {
      const store = new RedisStore(url);
      stores.push(store);
      const deps = pipelineDeps(store, clock);
      return new Scheduler({
        sources,
        store,
        log: silent,
        clock,
        owner: name,
        poll: async (s) => {
          polledBy.set(name, (polledBy.get(name) ?? 0) + 1);
          const r = await pollSource(s, deps);
          if (!r.ok) throw new Error(`${s.id}: ${r.error}`);
        },
      });
    };
    const replicas = [replica('replica-a'), replica('replica-b')];

    for (let slot = 0; slot < SLOTS; slot++) {
      const before = feeds.requests.length;
      for (let t = 0; t < TICKS_PER_SLOT; t++) {
        await Promise.all(replicas.map((r) => r.tick()));
        await Promise.all(replicas.map((r) => r.idle(10_000)));
      }
      const perSource = new Map<string, number>();
      for (const req of feeds.requests.slice(before)) perSource.set(req.path, (perSource.get(req.path) ?? 0) + 1);
      expect(Object.fromEntries(perSource)).toEqual(Object.fromEntries(sources.map((s) => [new URL(s.url).pathname, 1])));
      now += SLOT_STEP_MS;
    }
    // Both replicas took part, so the single polls above are the claims at work, not one idle replica.
    expect(polledBy.get('replica-a') ?? 0).toBeGreaterThan(0);
    expect(polledBy.get('replica-b') ?? 0).toBeGreaterThan(0);
    expect((polledBy.get('replica-a') ?? 0) + (polledBy.get('replica-b') ?? 0)).toBe(SOURCES * SLOTS);
  });
});
