/**
 * Issue 13 §10 through the CLI: an embedded store holding 60 days of incidents, deliveries,
 * seen ids and poll locks keeps 30 days of them after `tocsin run --once`.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store';
import { runCli } from '../support/cli';
import { oneFeed, startWorld, type World } from '../support/world';
import { delivery, incident } from '../store/records';

const DAY = 86_400_000;
const EMPTY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';

describe('retention in tocsin run --once', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld('embedded', (url) => oneFeed('wire', `${url}/wire.xml`), { TOCSIN_RETENTION_DAYS: '30' });
    w.feeds.set('/wire.xml', { body: EMPTY_FEED });
  });
  afterAll(() => w.close());

  it('shrinks a store filled with 60 days of data to 30 days', async () => {
    const start = Date.now();
    let now = start;
    const store = new SqliteStore(w.env.TOCSIN_DATA_DIR as string, { clock: () => now });
    for (let d = 0; d < 60; d++) {
      now = start - d * DAY - DAY / 2;
      await store.putIncident(incident(`inc-${d}`, new Date(now).toISOString()));
      await store.putDelivery(delivery(`inc-${d}`, 'discord', '1'));
      await store.markSeen('old-wire', [`item-${d}`]);
      await store.tryLock(`poll-old-wire-${d}`, 'replica-a', 60_000);
    }
    await store.close();

    const r = await runCli(['run', '--once'], { ...w.env, LOG_LEVEL: 'info' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/"msg":"retention: pruned old records"/);

    const db = new Database(path.join(w.env.TOCSIN_DATA_DIR as string, 'tocsin.db'), { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
      expect(count('SELECT COUNT(*) FROM incidents')).toBe(30);
      expect(count(`SELECT COUNT(*) FROM incidents WHERE id IN ('inc-0', 'inc-29')`)).toBe(2);
      expect(count('SELECT COUNT(*) FROM deliveries')).toBe(30);
      expect(count(`SELECT COUNT(*) FROM seen WHERE source_id = 'old-wire'`)).toBe(30);
      // Old poll locks had long expired; only this run's own may remain.
      expect(count(`SELECT COUNT(*) FROM locks WHERE key LIKE 'poll-old-wire-%'`)).toBe(0);
    } finally {
      db.close();
    }
  });
});
