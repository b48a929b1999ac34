import { dispatch } from '../../src/commands';
import type { Subscription } from '../../src/model';
import { MemoryCommandStore } from './memory-store';
import { CHANNEL, NOW, deps, request } from './support';

const existing: Subscription = { channel: CHANNEL, countries: ['DE'], kinds: ['attack'], minSeverity: 'low', languages: [], createdAt: '2024-01-01T00:00:00.000Z' };

describe('subscribe', () => {
  it('stores the channel\'s filters for an admin, replacing the old ones', async () => {
    const store = new MemoryCommandStore();
    await store.putSubscription({ ...existing, broken: { reason: '403', at: '2024-02-01T00:00:00.000Z' } });
    const r = await dispatch(request('subscribe', { countries: 'fr,GB', kinds: 'attack', 'min-severity': 'High', languages: 'en,FR' }, true), deps(store));
    expect(r).toMatchObject({ ok: true, ephemeral: true, title: 'Subscribed' });
    expect(await store.getSubscription(CHANNEL)).toEqual({
      channel: CHANNEL,
      countries: ['FR', 'GB'],
      kinds: ['attack'],
      minSeverity: 'high',
      languages: ['en', 'fr'],
      locale: 'en',
      timezone: 'UTC',
      createdAt: NOW.toISOString(),
    });
  });

  it('with no filters subscribes to everything; both kinds is stored as "all"', async () => {
    const store = new MemoryCommandStore();
    await dispatch(request('subscribe', { kinds: 'attack,alert_level' }, true), deps(store));
    expect(await store.getSubscription(CHANNEL)).toMatchObject({ countries: [], kinds: [], minSeverity: 'low', languages: [] });
  });

  it('lists every bad value and changes nothing', async () => {
    const store = new MemoryCommandStore();
    await store.putSubscription(existing);
    const r = await dispatch(request('subscribe', { countries: 'FR,XX', kinds: 'bombing', 'min-severity': 'extreme', languages: 'english' }, true), deps(store));
    expect(r).toMatchObject({ ok: false, ephemeral: true });
    expect(r.lines.slice(0, 4)).toEqual([
      expect.stringContaining('"XX"'),
      expect.stringContaining('"bombing"'),
      expect.stringContaining('"extreme"'),
      expect.stringContaining('"english"'),
    ]);
    expect(await store.getSubscription(CHANNEL)).toEqual(existing);
  });

  it('is refused for a non-admin, with nothing stored', async () => {
    const store = new MemoryCommandStore();
    const r = await dispatch(request('subscribe', { countries: 'FR' }, false), deps(store));
    expect(r).toMatchObject({ ok: false, ephemeral: true, title: 'Admins only' });
    expect(r.lines[0]).toContain('Nothing was changed');
    expect(store.subs.size).toBe(0);
  });
});

describe('unsubscribe', () => {
  it('removes the subscription for an admin, and is refused for anyone else', async () => {
    const store = new MemoryCommandStore();
    await store.putSubscription(existing);
    expect((await dispatch(request('unsubscribe', {}, false), deps(store))).ok).toBe(false);
    expect(await store.getSubscription(CHANNEL)).toEqual(existing);
    expect(await dispatch(request('unsubscribe', {}, true), deps(store))).toMatchObject({ ok: true, title: 'Unsubscribed' });
    expect(await store.getSubscription(CHANNEL)).toBeUndefined();
    expect(await dispatch(request('unsubscribe', {}, true), deps(store))).toMatchObject({ ok: true, title: 'Not subscribed' });
  });
});

describe('test', () => {
  it('posts a sample to this channel for an admin only', async () => {
    const d = deps();
    expect((await dispatch(request('test', {}, false), d)).ok).toBe(false);
    expect(d.samples).toEqual([]);
    expect(await dispatch(request('test', {}, true), d)).toMatchObject({ ok: true, ephemeral: true });
    expect(d.samples).toEqual([CHANNEL]);
  });

  it('reports a failed post as a reply, not a throw', async () => {
    const d = deps(undefined, { postSample: async () => Promise.reject(new Error('Missing Permissions')) });
    const r = await dispatch(request('test', {}, true), d);
    expect(r).toMatchObject({ ok: false, ephemeral: true });
    expect(r.lines[0]).toContain('Missing Permissions');
  });
});
