import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHttpServer, statusRoutes, type RunningHttpServer } from '../../src/http';
import { RedisStore, SqliteStore, type Store } from '../../src/store';
import { readEnv } from '../../src/config/env';
import { ConfigError } from '../../src/config/config-error';
import type { PublicIncident, PublicLevel } from '../../src/status-page';
import { testRedisAvailable, freshRedisUrl } from '../support/redis';
import { delivery, incident, level, sourceState, subscription } from '../store/records';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const backends: [string, () => Promise<Store>][] = [
  [
    'embedded',
    async () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-status-'));
      dirs.push(d);
      return new SqliteStore(d);
    },
  ],
];
if (testRedisAvailable()) backends.push(['redis', async () => new RedisStore(await freshRedisUrl())]);
else process.stderr.write('status routes: no test Redis (TOCSIN_TEST_REDIS_URL), only the embedded store is checked\n');

/** Private things a store holds that must never reach the public page. */
const SECRET_CHANNEL = '998877665544332211';
const SECRET_SLACK = 'CPRIVATE42';

describe.each(backends)('status routes on the %s store', (_name, open) => {
  let store: Store;
  let server: RunningHttpServer;

  beforeAll(async () => {
    store = await open();
    await store.putLevel(level('uk-mi5', 'national', 4, { name: 'SEVERE', name_en: 'Severe' }));
    await store.putLevel(level('fr-sgdsn', 'national', 3, { country: 'FR', of: 3, name: 'Urgence attentat', name_en: 'Emergency attack alert' }));
    await store.putIncident(incident('recent', '2026-11-27T10:00:00.000Z', 'attack', { title: 'Shooting in Lyon', casualties: { killed: 2, injured: 5 } }));
    await store.putIncident(incident('old', '2026-10-01T10:00:00.000Z', 'attack', { title: 'An older attack' }));
    await store.putSourceState(sourceState('uk-mi5', { health: 'failing', consecutiveFailures: 3, lastError: 'HTTP 403: Cloudflare challenge page', failingSince: '2026-11-28T09:00:00.000Z' }));
    await store.putSubscription(subscription('discord', SECRET_CHANNEL));
    await store.putSubscription(subscription('slack', SECRET_SLACK));
    await store.putDelivery(delivery('recent', 'discord', SECRET_CHANNEL));
    server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: statusRoutes({ store, authoritySources: { 'uk-mi5': ['uk-mi5'] }, clock: () => NOW }) });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  const get = async (p: string) => {
    const res = await fetch(`${server.url}${p}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', csp: res.headers.get('content-security-policy') ?? '', text: await res.text() };
  };

  it('serves the page as HTML with scripts forbidden', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.csp).toContain("default-src 'none'");
    expect(page.text).toContain('Shooting in Lyon');
    expect(page.text).toContain('At least 2 killed, 5 injured');
    expect(page.text).not.toContain('An older attack'); // outside the default 7 days
    expect(page.text).toContain('HTTP 403: Cloudflare challenge page');
  });

  it('serves the levels as JSON, with the source health of each authority', async () => {
    const res = await get('/api/levels');
    const body = JSON.parse(res.text) as { levels: PublicLevel[]; sourceProblems: { id: string; reason: string }[] };
    const uk = body.levels.find((l) => l.authority === 'uk-mi5');
    expect(uk).toMatchObject({ country: 'GB', rank: 4, of: 5, name: 'SEVERE', name_en: 'Severe', since: '2026-02-01T00:00:00.000Z', lastRead: '2026-11-28T10:00:00.000Z', sourceHealth: 'failing' });
    expect(body.levels.find((l) => l.authority === 'fr-sgdsn')).toMatchObject({ rank: 3, of: 3, band: 'top of its scale', sourceHealth: 'unknown' });
    expect(body.sourceProblems.map((p) => p.id)).toEqual(['uk-mi5']);
  });

  it('serves incidents since a given time, and refuses an unreadable one', async () => {
    const week = JSON.parse((await get('/api/incidents')).text) as { incidents: PublicIncident[] };
    expect(week.incidents.map((i) => i.id)).toEqual(['recent']);
    const all = JSON.parse((await get('/api/incidents?since=2026-09-01T00:00:00Z')).text) as { since: string; incidents: PublicIncident[] };
    expect(all.since).toBe('2026-09-01T00:00:00.000Z');
    expect(all.incidents.map((i) => i.id)).toEqual(['recent', 'old']);
    expect(all.incidents[0]).toMatchObject({ headline: 'Shooting in Lyon', casualties: { killed: 2, injured: 5 }, sources: 1, languages: ['en'] });
    const bad = await get('/api/incidents?since=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('since must be an ISO 8601 time');
  });

  it('shows nothing private: no channel, subscription, delivery or matching internals', async () => {
    for (const p of ['/', '/api/levels', '/api/incidents?since=2026-01-01T00:00:00Z']) {
      const { text } = await get(p);
      expect(text).not.toContain(SECRET_CHANNEL);
      expect(text).not.toContain(SECRET_SLACK);
      expect(text).not.toContain('discord-msg');
      expect(text).not.toMatch(/"terms"|"channel"|"messageRef"|"etag"/);
    }
  });
});

describe('TOCSIN_STATUS_PAGE', () => {
  it('is on unless set to off, and refuses anything else', () => {
    expect(readEnv({}).statusPage).toBe(true);
    expect(readEnv({ TOCSIN_STATUS_PAGE: 'on' }).statusPage).toBe(true);
    expect(readEnv({ TOCSIN_STATUS_PAGE: 'off' }).statusPage).toBe(false);
    expect(() => readEnv({ TOCSIN_STATUS_PAGE: 'no' })).toThrow(ConfigError);
  });
});
