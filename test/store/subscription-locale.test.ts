/**
 * Languages on both stores: a subscription keeps its locale and time zone, and one written
 * before they existed reads as English in UTC (the embedded store writes that in a migration).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { RedisStore, SqliteStore } from '../../src/store';
import { SCHEMA_VERSION } from '../../src/store/sqlite-schema';
import { readingPrefs } from '../../src/model';
import { describeRedis, freshRedisUrl } from '../support/redis';
import { subscription } from './records';

const CHANNEL = { platform: 'discord' as const, id: '42' };

describe('subscription locale on the embedded store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-locale-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a French channel in Paris time across a reopen', async () => {
    const first = new SqliteStore(dir);
    await first.putSubscription(subscription('discord', '7', { locale: 'fr', timezone: 'Europe/Paris' }));
    await first.close();
    const again = new SqliteStore(dir);
    try {
      expect(await again.getSubscription({ platform: 'discord', id: '7' })).toMatchObject({ locale: 'fr', timezone: 'Europe/Paris' });
    } finally {
      await again.close();
    }
  });

  it('reads a row of a database from before languages as en / UTC, written so by the migration', async () => {
    const first = new SqliteStore(dir);
    await first.putSubscription(subscription('discord', '42'));
    await first.close();
    // As a schema-3 database holds it: the row without the fields.
    const db = new Database(path.join(dir, 'tocsin.db'));
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    const raw = db.prepare<[], string>("SELECT json FROM subscriptions WHERE channel = 'discord:42'").pluck().get();
    expect(JSON.parse(raw ?? '{}')).not.toHaveProperty('locale');
    db.close();
    const again = new SqliteStore(dir);
    try {
      const sub = await again.getSubscription(CHANNEL);
      expect(sub).toMatchObject({ locale: 'en', timezone: 'UTC', countries: ['FR', 'GB'] });
      // The French channel's own choice is left alone by the migration.
      expect(await again.getSubscription({ platform: 'discord', id: '7' })).toMatchObject({ locale: 'fr', timezone: 'Europe/Paris' });
    } finally {
      await again.close();
    }
  });
});

describeRedis('subscription locale on Redis', () => {
  it('keeps locale and zone, and reads a record from before them as en / UTC', async () => {
    const url = await freshRedisUrl();
    const store = new RedisStore(url);
    const raw = new Redis(url);
    try {
      await store.putSubscription(subscription('discord', '7', { locale: 'de', timezone: 'Europe/Berlin' }));
      expect(await store.getSubscription({ platform: 'discord', id: '7' })).toMatchObject({ locale: 'de', timezone: 'Europe/Berlin' });
      await store.putSubscription(subscription('discord', '42'));
      const [key] = (await raw.keys('*subscriptions')) as string[];
      const old = JSON.parse((await raw.hget(key ?? '', 'discord:42')) ?? '{}') as Record<string, unknown>;
      expect(old).not.toHaveProperty('locale');
      const sub = await store.getSubscription(CHANNEL);
      expect(sub && readingPrefs(sub)).toEqual({ locale: 'en', timezone: 'UTC' });
    } finally {
      await store.close();
      raw.disconnect();
    }
  });
});
