import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, SqliteStore, StoreUnavailableError } from '../../src/store';
import { SCHEMA_VERSION } from '../../src/store/sqlite-schema';
import { delivery, incident, level, sourceState, subscription } from './records';
import { runStoreContract } from './store-contract';
import { runRetentionContract } from './retention-contract';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-store-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

runStoreContract('SqliteStore', async () => new SqliteStore(tempDir()));
runRetentionContract('SqliteStore', async (clock) => new SqliteStore(tempDir(), { clock }));

describe('SqliteStore', () => {
  it('keeps everything across a close and reopen', async () => {
    const dir = tempDir();
    const first = new SqliteStore(dir);
    await first.putSourceState(sourceState('bbc-world'));
    await first.markSeen('bbc-world', ['a', 'b']);
    await first.putLevel(level('uk-mi5', 'national', 4));
    await first.putSubscription(subscription('slack', 'C1'));
    await first.putIncident(incident('i1', '2026-03-22T18:00:00.000Z'));
    await first.putDelivery(delivery('i1', 'slack', 'C1'));
    expect(await first.tryLock('k', 'a', 60_000)).toBe(true);
    await first.close();

    const again = new SqliteStore(dir);
    try {
      expect(again.kind).toBe('embedded');
      expect(await again.getSourceState('bbc-world')).toEqual(sourceState('bbc-world'));
      expect(await again.filterUnseen('bbc-world', ['a', 'c', 'b'])).toEqual(['c']);
      expect(await again.listLevels()).toEqual([level('uk-mi5', 'national', 4)]);
      expect(await again.listSubscriptions()).toEqual([subscription('slack', 'C1')]);
      expect(await again.listIncidents({ since: '2026-01-01T00:00:00Z' })).toEqual([incident('i1', '2026-03-22T18:00:00.000Z')]);
      expect(await again.listDeliveries('i1')).toEqual([delivery('i1', 'slack', 'C1')]);
      // The lock is still held after a restart until its TTL runs out.
      expect(await again.tryLock('k', 'b', 60_000)).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('creates a missing data dir and one WAL-mode file at the current schema version', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const store = new SqliteStore(dir);
    await store.close();
    expect(store.file).toBe(path.join(dir, 'tocsin.db'));
    const db = new Database(store.file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('files the incidents of a database written before the grouping index, on open', async () => {
    const dir = tempDir();
    const first = new SqliteStore(dir);
    await first.putIncident(incident('old', '2026-03-22T18:00:00.000Z'));
    await first.close();
    // As a database of schema version 1 holds it: the incident without index keys.
    const db = new Database(path.join(dir, 'tocsin.db'));
    db.exec('DELETE FROM incident_keys');
    db.close();
    const again = new SqliteStore(dir);
    expect((await again.findIncidents({ kind: 'attack', keys: ['place:krasnogorsk|RU'] })).map((i) => i.id)).toEqual(['old']);
    await again.close();
  });

  it('refuses a database written by a newer schema, naming the file and the fix', async () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'tocsin.db'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    let caught: unknown;
    try {
      new SqliteStore(dir);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreUnavailableError);
    expect(String((caught as Error).message)).toMatch(/tocsin\.db.*schema version .*newer/);
  });

  it('honours a lock held by another connection to the same file', async () => {
    const dir = tempDir();
    const a = new SqliteStore(dir);
    const b = new SqliteStore(dir);
    try {
      expect(await a.tryLock('poll:bbc', 'a', 60_000)).toBe(true);
      expect(await b.tryLock('poll:bbc', 'b', 60_000)).toBe(false);
      await b.markSeen('s', ['x']);
      expect(await a.filterUnseen('s', ['x', 'y'])).toEqual(['y']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('stores at most the bound of seen ids per source on disk', async () => {
    const store = new SqliteStore(tempDir(), { seenLimit: 3 });
    try {
      await store.markSeen('s', ['a', 'b', 'c', 'd', 'e']);
      expect(await store.filterUnseen('s', ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b']);
      const db = new Database(store.file, { readonly: true });
      expect(db.prepare('SELECT COUNT(*) FROM seen').pluck().get()).toBe(3);
      db.close();
    } finally {
      await store.close();
    }
  });
});

describe('openStore without a Redis URL', () => {
  it('opens the embedded store in the data dir', async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir, redisUrl: '' });
    try {
      expect(store.kind).toBe('embedded');
      await store.markSeen('s', ['x']);
      expect(fs.existsSync(path.join(dir, 'tocsin.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('rejects with StoreUnavailableError when the data dir cannot be used', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    await expect(openStore({ dataDir: file })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
