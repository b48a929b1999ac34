import { dispatch } from '../../src/commands';
import { loadCatalogues } from '../../src/config/locales-config';
import { MemoryCommandStore, incident, level } from './memory-store';
import { deps, request } from './support';

describe('status', () => {
  const store = new MemoryCommandStore()
    .addLevel(level())
    .addLevel(level({ authority: 'fr-sgdsn', country: 'FR', rank: 3, of: 3, name: 'Urgence attentat', name_en: 'Emergency attack', since: undefined, url: 'https://example.test/vigipirate' }));

  it('lists every authority with its place on the scale, since-date, link and when it was last read', async () => {
    const r = await dispatch(request('status'), deps(store));
    expect(r.ok).toBe(true);
    expect(r.ephemeral).toBe(false);
    expect(r.lines).toHaveLength(2);
    // Sorted by country: FR before GB.
    expect(r.lines[0]).toBe('France — fr-sgdsn: Urgence attentat / Emergency attack (3 of 3) — https://example.test/vigipirate — read right 2024-03-23 08:05 UTC');
    expect(r.lines[1]).toBe('United Kingdom — uk-mi5: SEVERE (4 of 5), since 2024-02-08 00:00 UTC — https://example.test/uk-threat-level — read right 2024-03-23 08:05 UTC');
  });

  it("shows the reading source's health: a failing page keeps its last reading, marked with why", async () => {
    const s = new MemoryCommandStore().addLevel(level({ source: 'uk-feed', observedAt: '2024-03-23T08:05:00.000Z' }));
    s.states.set('uk-feed', { id: 'uk-feed', baselined: true, consecutiveFailures: 0, health: 'healthy', lastSuccess: '2024-03-24T10:00:00.000Z' });
    expect((await dispatch(request('status'), deps(s))).lines[0]).toMatch(/— read right 2024-03-24 10:00 UTC · source uk-feed healthy$/);
    s.states.set('uk-feed', {
      id: 'uk-feed', baselined: true, consecutiveFailures: 4, health: 'failing', lastSuccess: '2024-03-24T10:00:00.000Z',
      failingSince: '2024-03-24T11:00:00.000Z', lastError: 'HTTP 403: a challenge page, not the threat level',
    });
    expect((await dispatch(request('status'), deps(s))).lines[0]).toMatch(
      /SEVERE \(4 of 5\).* — read right 2024-03-24 10:00 UTC · source uk-feed failing since 2024-03-24 11:00 UTC \(HTTP 403: a challenge page, not the threat level\)$/,
    );
  });

  it('narrows to one country, any case', async () => {
    const r = await dispatch(request('status', { country: 'gb' }), deps(store));
    expect(r.title).toBe('Alert levels — United Kingdom');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain('SEVERE (4 of 5)');
  });

  it('says so when a country has no tracked level', async () => {
    const r = await dispatch(request('status', { country: 'DE' }), deps(store));
    expect(r.ok).toBe(true);
    expect(r.lines[0]).toMatch(/No tracked authority .* Germany/);
  });

  it('refuses a code that is not an alpha-2 country', async () => {
    for (const country of ['XX', 'FRA', 'France']) {
      const r = await dispatch(request('status', { country }), deps(store));
      expect(r).toMatchObject({ ok: false, ephemeral: true });
      expect(r.lines[0]).toContain(country);
    }
  });

  it('shows "no level in force" for rank 0', async () => {
    const s = new MemoryCommandStore().addLevel(level({ authority: 'us-ntas', country: 'US', rank: 0, of: 2, name: 'No advisory', name_en: 'No advisory' }));
    const r = await dispatch(request('status'), deps(s));
    expect(r.lines[0]).toContain('no level in force (scale of 2)');
  });
});

describe('recent', () => {
  const store = new MemoryCommandStore();
  store.incidents.set('a', incident({ id: 'a' }));
  store.incidents.set('b', incident({ id: 'b', title: 'Knife attack', countries: ['FR'], places: [{ name: 'Arras', country: 'FR' }], severity: 'high', casualties: { killed: 1 }, lastSeen: '2024-03-21T20:00:00.000Z', eventTime: '2024-03-21T19:00:00.000Z', reports: [incident().reports[0]!] }));

  it('lists incidents of the last 24 h with severity, place, casualties and number of sources', async () => {
    const r = await dispatch(request('recent'), deps(store));
    expect(r.title).toBe('Incidents in the last 24 h');
    expect(r.lines).toEqual(['CRITICAL · Gunmen attack concert hall · Krasnogorsk, Russia · 137 killed, 182 injured · 3 sources · 2024-03-22 19:20 UTC']);
  });

  it('reaches further back when asked, and filters by country', async () => {
    const r = await dispatch(request('recent', { hours: '48' }), deps(store));
    expect(r.lines).toHaveLength(2);
    const fr = await dispatch(request('recent', { hours: '48', country: 'FR' }), deps(store));
    expect(fr.lines).toEqual(['HIGH · Knife attack · Arras, France · 1 killed · 1 source · 2024-03-21 19:00 UTC']);
  });

  it('answers in the asker’s language (Discord locale de) with the shipped catalogue', async () => {
    const languages = { catalogues: loadCatalogues('config').catalogues, placeNames: { 'FR|Arras': { de: 'Arras' } } };
    const r = await dispatch({ ...request('recent', { hours: '48', country: 'FR' }), userLocale: 'de' }, deps(store, { languages }));
    expect(r.title).toBe('Vorfälle der letzten 48 Std. — Frankreich');
    expect(r.lines).toEqual(['HOCH · Knife attack · Arras, Frankreich · 1 Toter · 1 Quelle · 21. März 2024, 19:00 UTC']);
  });

  it('refuses hours outside 1–168', async () => {
    for (const hours of ['0', '169', 'soon', '-5']) {
      const r = await dispatch(request('recent', { hours }), deps(store));
      expect(r).toMatchObject({ ok: false, ephemeral: true });
    }
    expect((await dispatch(request('recent', { hours: '168' }), deps(store))).ok).toBe(true);
  });

  it('says "Nothing reported." when there is nothing', async () => {
    const r = await dispatch(request('recent', { country: 'DE' }), deps(store));
    expect(r.lines).toEqual(['Nothing reported.']);
  });
});

describe('subscriptions', () => {
  it('says when the channel is not subscribed, and shows its filters when it is', async () => {
    const store = new MemoryCommandStore();
    expect((await dispatch(request('subscriptions'), deps(store))).lines[0]).toMatch(/not subscribed/);
    await store.putSubscription({ channel: { platform: 'discord', id: '111' }, countries: ['FR'], kinds: [], minSeverity: 'high', languages: ['fr'], createdAt: '2024-03-01T00:00:00.000Z' });
    const r = await dispatch(request('subscriptions'), deps(store));
    expect(r.lines).toEqual([
      'Countries: France (FR)',
      'Kinds: all (attack, alert_level)',
      'Minimum severity: high',
      'Languages: fr',
      'Locale: en',
      'Time zone: UTC',
      'Since: 2024-03-01 00:00 UTC',
    ]);
  });
});

describe('sources', () => {
  it('reports health, last success, last error, failures and next poll per configured source', async () => {
    const store = new MemoryCommandStore();
    store.states.set('bbc', { id: 'bbc', baselined: true, consecutiveFailures: 0, health: 'healthy', lastSuccess: '2024-03-23T11:55:00.000Z', nextDue: '2024-03-23T12:00:00.000Z' });
    store.states.set('mi5', { id: 'mi5', baselined: true, consecutiveFailures: 3, health: 'failing', lastError: 'HTTP 503', lastErrorAt: '2024-03-23T11:50:00.000Z', nextDue: '2024-03-23T12:30:00.000Z' });
    const sources = [
      { id: 'bbc', type: 'feed', every: '5m' },
      { id: 'mi5', type: 'uk-mi5', every: '10m' },
      { id: 'new', type: 'feed', every: '1h' },
    ];
    const r = await dispatch(request('sources'), deps(store, { sources }));
    expect(r.lines).toEqual([
      '1 healthy, 1 failing, 0 disabled, 1 not polled yet',
      'bbc (feed, every 5m): healthy · last success 2024-03-23 11:55 UTC · 0 consecutive failures · next poll 2024-03-23 12:00 UTC',
      'mi5 (uk-mi5, every 10m): failing · last success unknown · last error 2024-03-23 11:50 UTC: HTTP 503 · 3 consecutive failures · next poll 2024-03-23 12:30 UTC',
      'new (feed, every 1h): not polled yet',
    ]);
  });

  const dead = (channel: string, incidentId: string) => ({ channel, incidentId, failure: 'transient', reason: `HTTP 503 for ${channel}`, at: '2024-03-23T11:00:00.000Z' });
  // Channels 111 and 222 are in guild A, 333 in guild B; 444 belongs to no one the platform names.
  const guildOf: Record<string, string> = { '111': 'guild-a', '222': 'guild-a', '333': 'guild-b' };
  const deadLetters = async () => [dead('discord:333', 'b-1'), dead('discord:222', 'a-2'), dead('slack:C1', 's-1'), dead('discord:444', 'x-1'), dead('discord:111', 'a-1')];
  const tenantDeps = () => deps(new MemoryCommandStore(), { sources: [{ id: 'bbc', type: 'feed', every: '5m' }], deadLetters, channelTenant: async (c) => guildOf[c.id] });

  it('shows an admin the deliveries that gave up in their own guild only', async () => {
    const r = await dispatch({ ...request('sources', {}, true), tenant: 'guild-a' }, tenantDeps());
    expect(r.lines.slice(-3)).toEqual([
      'Deliveries that gave up (latest 2):',
      '2024-03-23 11:00 UTC · discord:222 · incident a-2 · transient: HTTP 503 for discord:222',
      '2024-03-23 11:00 UTC · discord:111 · incident a-1 · transient: HTTP 503 for discord:111',
    ]);
    expect(r.lines.join('\n')).not.toMatch(/333|b-1|C1|444/);
  });

  it('shows an admin of another guild nothing of guild A', async () => {
    const r = await dispatch({ ...request('sources', {}, true), channel: { platform: 'discord', id: '333' }, tenant: 'guild-b' }, tenantDeps());
    expect(r.lines.join('\n')).not.toMatch(/111|222|a-1|a-2|C1/);
    expect(r.lines.join('\n')).toContain('incident b-1');
  });

  it('shows a non-admin source health but no dead letters', async () => {
    const r = await dispatch({ ...request('sources'), tenant: 'guild-a' }, tenantDeps());
    expect(r.lines[0]).toMatch(/healthy/);
    expect(r.lines.join('\n')).not.toMatch(/gave up|discord:|HTTP 503/);
  });

  it('in a DM (no guild), shows only that channel\'s own dead letters', async () => {
    const r = await dispatch(request('sources', {}, true), tenantDeps());
    expect(r.lines.filter((l) => l.includes('incident '))).toEqual(['2024-03-23 11:00 UTC · discord:111 · incident a-1 · transient: HTTP 503 for discord:111']);
  });
});

describe('help', () => {
  it('lists every subcommand', async () => {
    const r = await dispatch(request('help'), deps());
    for (const name of ['status', 'recent', 'subscriptions', 'sources', 'subscribe', 'unsubscribe', 'test', 'help']) {
      expect(r.lines.some((l) => l.startsWith(`/alerts ${name}`))).toBe(true);
    }
  });
});
