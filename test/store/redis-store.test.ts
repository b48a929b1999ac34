import net from 'node:net';
import Redis from 'ioredis';
import { openStore, RedisStore, SEEN_IDS_PER_SOURCE, StoreUnavailableError, type Store } from '../../src/store';
import { describeRedis, freshRedisUrl } from '../support/redis';
import { delivery, eventually, incident, level, sourceState, subscription } from './records';
import { runStoreContract } from './store-contract';
import { runRetentionContract } from './retention-contract';

describeRedis('RedisStore against a real Redis', () => {
  runStoreContract('RedisStore', async () => new RedisStore(await freshRedisUrl()));
  runRetentionContract('RedisStore', async (clock) => new RedisStore(await freshRedisUrl(), { clock, retentionMs: 30 * 86_400_000 }));

  it('keeps every key under its prefix, so two prefixes share a database without meeting', async () => {
    const url = await freshRedisUrl();
    const a = new RedisStore(url, { prefix: 'bot-a:' });
    const b = new RedisStore(url, { prefix: 'bot-b:' });
    const raw = new Redis(url);
    try {
      await a.markSeen('s', ['x']);
      await a.putSubscription(subscription('discord', '1'));
      await a.putIncident(incident('i1', '2026-03-22T18:00:00.000Z'));
      await a.putDelivery(delivery('i1', 'discord', '1'));
      await a.putLevel(level('uk-mi5', 'national', 4));
      await a.putSourceState(sourceState('s'));
      await a.tryLock('k', 'owner', 60_000);

      expect(await b.filterUnseen('s', ['x'])).toEqual(['x']);
      expect(await b.listSubscriptions()).toEqual([]);
      expect(await b.listIncidents({ since: '2026-01-01T00:00:00Z' })).toEqual([]);
      expect(await b.tryLock('k', 'other', 60_000)).toBe(true);
      const keys = await raw.keys('*');
      expect(keys.length).toBeGreaterThan(7);
      expect(keys.filter((k) => !k.startsWith('bot-a:') && !k.startsWith('bot-b:'))).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      raw.disconnect();
    }
  });

  it(`bounds the seen set of a source to ${SEEN_IDS_PER_SOURCE} members in Redis`, async () => {
    const url = await freshRedisUrl();
    const store = new RedisStore(url);
    const raw = new Redis(url);
    try {
      await store.markSeen('feed', Array.from({ length: SEEN_IDS_PER_SOURCE + 250 }, (_, i) => `id-${i}`));
      await store.markSeen('feed', ['one-more']);
      expect(await raw.zcard('tocsin:seen:feed')).toBe(SEEN_IDS_PER_SOURCE);
    } finally {
      await store.close();
      raw.disconnect();
    }
  });

  it('opens through openStore when a Redis URL is given', async () => {
    const store = await openStore({ redisUrl: await freshRedisUrl(), dataDir: '/nonexistent/never-used' });
    try {
      expect(store.kind).toBe('redis');
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('rejects while Redis is away and recovers by itself when it is back', async () => {
    const proxy = await TcpProxy.start(new URL(process.env.TOCSIN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'));
    const url = new URL(await freshRedisUrl());
    url.port = String(proxy.port);
    const store = new RedisStore(url.toString(), { timeoutMs: 2000 });
    try {
      await store.markSeen('s', ['a']);
      expect(await store.filterUnseen('s', ['a', 'b'])).toEqual(['b']);

      await proxy.stop();
      // Never "not seen": the call fails instead.
      await expect(store.filterUnseen('s', ['a', 'b'])).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.tryLock('k', 'o', 1000)).rejects.toBeInstanceOf(StoreUnavailableError);

      await proxy.restart();
      await eventually(async () => store.ping().then(() => true, () => false), 100, 100);
      expect(await store.filterUnseen('s', ['a', 'b'])).toEqual(['b']);
    } finally {
      await store.close();
      await proxy.stop();
    }
  });
});

describe('RedisStore where nothing listens', () => {
  let store: Store;
  beforeAll(() => {
    store = new RedisStore('redis://127.0.0.1:1/0');
  });
  afterAll(async () => {
    await store.close();
  });

  it('rejects filterUnseen and ping with StoreUnavailableError', async () => {
    await expect(store.filterUnseen('s', ['a'])).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rejects every other call too, never answering "empty"', async () => {
    const chan = { platform: 'discord' as const, id: '1' };
    const calls: [string, () => Promise<unknown>][] = [
      ['markSeen', () => store.markSeen('s', ['a'])],
      ['getSourceState', () => store.getSourceState('s')],
      ['putSourceState', () => store.putSourceState(sourceState('s'))],
      ['listSourceStates', () => store.listSourceStates()],
      ['getLevel', () => store.getLevel('uk-mi5', 'national')],
      ['putLevel', () => store.putLevel(level('uk-mi5', 'national', 3))],
      ['listLevels', () => store.listLevels()],
      ['putSubscription', () => store.putSubscription(subscription('discord', '1'))],
      ['getSubscription', () => store.getSubscription(chan)],
      ['deleteSubscription', () => store.deleteSubscription(chan)],
      ['listSubscriptions', () => store.listSubscriptions()],
      ['getIncident', () => store.getIncident('i')],
      ['putIncident', () => store.putIncident(incident('i', '2026-03-22T18:00:00.000Z'))],
      ['listIncidents', () => store.listIncidents({ since: '2026-01-01T00:00:00Z' })],
      ['getDelivery', () => store.getDelivery('i', chan)],
      ['putDelivery', () => store.putDelivery(delivery('i', 'discord', '1'))],
      ['listDeliveries', () => store.listDeliveries('i')],
      ['tryLock', () => store.tryLock('k', 'o', 1000)],
      ['unlock', () => store.unlock('k', 'o')],
    ];
    for (const [name, call] of calls) {
      const outcome = await call().then(
        (value) => ({ resolved: value }),
        (err: unknown) => ({ rejected: err instanceof StoreUnavailableError ? 'StoreUnavailableError' : String(err) }),
      );
      expect({ name, outcome }).toEqual({ name, outcome: { rejected: 'StoreUnavailableError' } });
    }
  });

  it('says why, without the URL', async () => {
    const err = await store.ping().catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/ping.*ECONNREFUSED/);
  });
});

describe('openStore with a malformed Redis URL', () => {
  it('rejects without echoing the URL', async () => {
    const err = await openStore({ redisUrl: 'user:s3cret@localhost:6379', dataDir: '/tmp' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/redis:\/\//);
    expect(String((err as Error).message)).not.toContain('s3cret');
  });
});

/** A TCP relay to the real Redis that can be cut and restored, to play an outage. */
class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private constructor(private readonly target: URL, public port: number) {}

  static async start(target: URL): Promise<TcpProxy> {
    const p = new TcpProxy(target, 0);
    await p.listen();
    return p;
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 6379), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.port, '127.0.0.1', () => {
      this.port = (server.address() as net.AddressInfo).port;
      resolve();
    }));
  }

  restart(): Promise<void> {
    return this.listen();
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
