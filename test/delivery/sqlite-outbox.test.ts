import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteOutbox, backoffDelay } from '../../src/delivery/outbox';
import { OPTIONS, job, recorder, runOutboxContract } from './outbox-contract';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-outbox-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
runOutboxContract('SQLite', async () => ({ sqlite: path.join(dir, `outbox-${n++}.db`) }));

describe('SqliteOutbox on a shared database', () => {
  it('lives beside the store’s tables and leaves the database open on close', async () => {
    const db = new Database(path.join(dir, 'shared.db'));
    db.exec('CREATE TABLE store_things (k TEXT PRIMARY KEY)');
    const o = new SqliteOutbox({ db, options: OPTIONS, pollMs: 20 });
    const r = recorder();
    o.start(r.handler);
    const j = job('shared');
    await o.enqueue([j]);
    expect(await o.drain(10_000)).toEqual({ pending: 0, dead: 0 });
    await o.close(100);
    expect(r.of(j.id)).toHaveLength(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['outbox_jobs', 'store_things']);
    db.close();
  });

  it('refuses options that make no sense, naming them', () => {
    const db = new Database(':memory:');
    expect(() => new SqliteOutbox({ db, options: { ...OPTIONS, maxAttempts: 0, concurrency: 1.5 } })).toThrow(/maxAttempts, concurrency/);
    db.close();
  });
});

describe('backoffDelay (both outboxes)', () => {
  const opts = { baseBackoffMs: 1000, maxBackoffMs: 30_000 };
  it('doubles per failure between half and all of the step, and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, opts, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, opts, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(40, opts, () => 1)).toBe(30_000);
    expect(backoffDelay(40, opts, () => 0)).toBe(15_000);
  });
});
