import Redis from 'ioredis';

/**
 * One Redis database per test file: files run one at a time per worker, so
 * worker N uses databases from a slice of its own, and each file flushes its database first.
 */
export function testRedisAvailable(): boolean {
  return Boolean(process.env.TOCSIN_TEST_REDIS_URL);
}

let counter = 0;
export async function freshRedisUrl(): Promise<string> {
  const base = process.env.TOCSIN_TEST_REDIS_URL;
  if (!base) throw new Error('no test Redis');
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  // 16 databases: worker 1 gets 1–7, worker 2 gets 8–14; db 0 and 15 are left to people.
  const db = ((worker - 1) % 2) * 7 + 1 + (counter++ % 7);
  const u = new URL(base);
  u.pathname = `/${db}`;
  const r = new Redis(u.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect();
  await r.flushdb();
  r.disconnect();
  return u.toString();
}

/** `describe` that runs only where a Redis answers (and says why when it does not). */
export const describeRedis: jest.Describe = (testRedisAvailable() ? describe : describe.skip) as jest.Describe;
