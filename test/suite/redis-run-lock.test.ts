/**
 * Two test runs on one Redis would flush each other's databases; the run lock makes the second
 * wait. This run itself holds the lock (taken in global setup), and a second taker is refused.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { describeRedis } from '../support/redis';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { takeRunLock, KEY, LOCK_DB } = require('../support/redis-run-lock') as {
  takeRunLock: (url: string, o?: { key?: string; waitMs?: number; inherited?: string; log?: (s: string) => void }) => Promise<(() => Promise<void>) & { token: string }>;
  KEY: string;
  LOCK_DB: number;
};

describeRedis('the test-run lock on Redis', () => {
  const url = () => process.env.TOCSIN_TEST_REDIS_URL as string;

  it('is held by this very run while its tests run', async () => {
    const u = new URL(url());
    u.pathname = `/${LOCK_DB}`;
    const r = new Redis(u.toString());
    try {
      expect(await r.get(KEY)).toBeTruthy();
      expect(await r.pttl(KEY)).toBeGreaterThan(0); // expires by itself if the run is killed
    } finally {
      r.disconnect();
    }
  });

  it('makes a second run wait, says why, and lets it in once released', async () => {
    const key = `tocsin:test-run-lock:unit-${randomUUID()}`;
    const release = await takeRunLock(url(), { key });
    const said: string[] = [];
    await expect(takeRunLock(url(), { key, waitMs: 300, log: (s) => said.push(s) })).rejects.toThrow(/another test run has held the Redis/);
    expect(said.join('')).toMatch(/TOCSIN_TEST_REDIS_URL/);
    await release();
    const again = await takeRunLock(url(), { key, waitMs: 300 });
    await again();
  });

  it('lets a run started inside the holding run in at once, and no one else', async () => {
    const key = `tocsin:test-run-lock:unit-${randomUUID()}`;
    const parent = await takeRunLock(url(), { key });
    try {
      const child = await takeRunLock(url(), { key, waitMs: 300, inherited: parent.token });
      await child(); // a child's release leaves the parent's lock alone
      await expect(takeRunLock(url(), { key, waitMs: 300, inherited: 'someone-else', log: () => {} })).rejects.toThrow(/another test run/);
    } finally {
      await parent();
    }
    await (await takeRunLock(url(), { key, waitMs: 300 }))();
  });
});
