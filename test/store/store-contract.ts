import { SEEN_IDS_PER_SOURCE, StoreUnavailableError, type Store } from '../../src/store';
import { delivery, eventually, incident, level, sourceState, subscription } from './records';

/**
 * What every `Store` must do, whatever is behind it. `makeStore` returns a fresh,
 * empty store; each test closes the one it was given.
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name}: the Store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('source states', () => {
      it('reads back what was written, replaces on put, and lists every source', async () => {
        expect(await store.getSourceState('bbc-world')).toBeUndefined();
        await store.putSourceState(sourceState('bbc-world'));
        await store.putSourceState(sourceState('uk-mi5', { baselined: false, lastError: 'HTTP 503', consecutiveFailures: 2 }));
        expect(await store.getSourceState('bbc-world')).toEqual(sourceState('bbc-world'));

        const failing = sourceState('bbc-world', { health: 'failing', consecutiveFailures: 3, etag: undefined });
        await store.putSourceState(failing);
        expect(await store.getSourceState('bbc-world')).toEqual(failing);

        const all = await store.listSourceStates();
        expect(all.map((s) => s.id).sort()).toEqual(['bbc-world', 'uk-mi5']);
        expect(all.find((s) => s.id === 'uk-mi5')).toEqual(sourceState('uk-mi5', { baselined: false, lastError: 'HTTP 503', consecutiveFailures: 2 }));
      });
    });

    describe('seen items', () => {
      it('returns the unseen ids in input order, per source', async () => {
        expect(await store.filterUnseen('a', ['z', 'b', 'm'])).toEqual(['z', 'b', 'm']);
        await store.markSeen('a', ['b', 'q']);
        expect(await store.filterUnseen('a', ['z', 'b', 'm', 'q', 'a'])).toEqual(['z', 'm', 'a']);
        // Another source has seen nothing.
        expect(await store.filterUnseen('other', ['b', 'q'])).toEqual(['b', 'q']);
        expect(await store.filterUnseen('a', [])).toEqual([]);
        await store.markSeen('a', []);
      });

      it('keeps ids exactly as given, odd characters included', async () => {
        const odd = ['https://example.org/a?b=1&c=2', 'tag:x,2026:1', 'привет мир', '42', 'x'.repeat(600), '"quoted"', ''];
        await store.markSeen('s', odd);
        expect(await store.filterUnseen('s', [...odd, '43', 'https://example.org/a'])).toEqual(['43', 'https://example.org/a']);
      });

      it(`remembers only the ${SEEN_IDS_PER_SOURCE} most recently marked ids of a source`, async () => {
        const old = Array.from({ length: SEEN_IDS_PER_SOURCE }, (_, i) => `old-${i}`);
        await store.markSeen('feed', old);
        await store.markSeen('feed', ['new-0', 'new-1', 'new-2']);
        // The three marked first are forgotten — by marking order, not by name.
        expect(await store.filterUnseen('feed', [...old, 'new-0', 'new-1', 'new-2'])).toEqual(['old-0', 'old-1', 'old-2']);
        // The bound is per source.
        await store.markSeen('elsewhere', ['x']);
        expect(await store.filterUnseen('elsewhere', ['x'])).toEqual([]);
      });

      it('counts marking an id again as recent', async () => {
        const middle = Array.from({ length: SEEN_IDS_PER_SOURCE - 1 }, (_, i) => `m-${i}`);
        await store.markSeen('feed', ['first']);
        await store.markSeen('feed', middle);
        await store.markSeen('feed', ['first']);
        await store.markSeen('feed', ['last-0', 'last-1']);
        expect(await store.filterUnseen('feed', ['first', 'm-0', 'm-1', 'm-2', 'last-0', 'last-1'])).toEqual(['m-0', 'm-1']);
      });
    });

    describe('alert levels', () => {
      it('keys readings by authority and scope, replacing on put', async () => {
        expect(await store.getLevel('uk-mi5', 'national')).toBeUndefined();
        await store.putLevel(level('uk-mi5', 'national', 3));
        await store.putLevel(level('uk-mi5', 'northern-ireland', 4));
        await store.putLevel(level('fr-sgdsn', 'national', 3, { country: 'FR', of: 3 }));
        await store.putLevel(level('uk-mi5', 'national', 4));

        expect(await store.getLevel('uk-mi5', 'national')).toEqual(level('uk-mi5', 'national', 4));
        expect(await store.getLevel('uk-mi5', 'northern-ireland')).toEqual(level('uk-mi5', 'northern-ireland', 4));
        expect(await store.getLevel('fr-sgdsn', 'northern-ireland')).toBeUndefined();
        const all = await store.listLevels();
        expect(all.map((l) => `${l.authority}/${l.scope}/${l.rank}`).sort()).toEqual([
          'fr-sgdsn/national/3',
          'uk-mi5/national/4',
          'uk-mi5/northern-ireland/4',
        ]);
      });
    });

    describe('subscriptions', () => {
      it('replaces a channel subscription on put and deletes it once', async () => {
        const chan = { platform: 'discord' as const, id: '123' };
        expect(await store.getSubscription(chan)).toBeUndefined();
        await store.putSubscription(subscription('discord', '123'));
        await store.putSubscription(subscription('slack', '123', { languages: ['fr'] }));
        const replaced = subscription('discord', '123', { countries: [], kinds: ['alert_level'], minSeverity: 'low', broken: { reason: '403', at: '2026-11-28T11:00:00.000Z' } });
        await store.putSubscription(replaced);

        expect(await store.getSubscription(chan)).toEqual(replaced);
        const all = await store.listSubscriptions();
        expect(all).toHaveLength(2);
        expect(all).toEqual(expect.arrayContaining([replaced, subscription('slack', '123', { languages: ['fr'] })]));

        expect(await store.deleteSubscription(chan)).toBe(true);
        expect(await store.deleteSubscription(chan)).toBe(false);
        expect(await store.getSubscription(chan)).toBeUndefined();
        // The Slack channel with the same id is a different channel and is still there.
        expect(await store.listSubscriptions()).toEqual([subscription('slack', '123', { languages: ['fr'] })]);
      });
    });

    describe('incidents', () => {
      it('reads back an incident and replaces it on put', async () => {
        expect(await store.getIncident('i1')).toBeUndefined();
        const first = incident('i1', '2026-03-22T18:00:00.000Z');
        await store.putIncident(first);
        expect(await store.getIncident('i1')).toEqual(first);
        const second = incident('i1', '2026-03-22T20:00:00.000Z', 'attack', {
          version: 2,
          casualties: { killed: 137 },
          claimedBy: ['islamic-state-khorasan'],
          changes: [{ version: 2, note: 'toll rose to 137' }],
        });
        await store.putIncident(second);
        expect(await store.getIncident('i1')).toEqual(second);
        expect(await store.listIncidents({ since: '2026-01-01T00:00:00Z' })).toEqual([second]);
      });

      it('lists newest lastSeen first, from `since` inclusive, compared as instants', async () => {
        await store.putIncident(incident('b', '2026-03-22T12:00:00.000Z'));
        await store.putIncident(incident('a', '2026-03-24T12:00:00.000Z', 'alert_level'));
        await store.putIncident(incident('c', '2026-03-20T12:00:00.000Z'));
        await store.putIncident(incident('d', '2026-03-23T12:00:00.000Z'));

        const ids = async (opts: Parameters<Store['listIncidents']>[0]) => (await store.listIncidents(opts)).map((i) => i.id);
        expect(await ids({ since: '2026-01-01T00:00:00.000Z' })).toEqual(['a', 'd', 'b', 'c']);
        expect(await ids({ since: '2026-03-22T12:00:00.000Z' })).toEqual(['a', 'd', 'b']);
        // Same instant as b's lastSeen, written with an offset: b is still in.
        expect(await ids({ since: '2026-03-22T14:00:00+02:00' })).toEqual(['a', 'd', 'b']);
        expect(await ids({ since: '2026-03-22T12:00:00.001Z' })).toEqual(['a', 'd']);
        expect(await ids({ since: '2026-04-01T00:00:00.000Z' })).toEqual([]);
      });

      it('filters by kind before applying the limit', async () => {
        await store.putIncident(incident('lvl-old', '2026-03-01T00:00:00.000Z', 'alert_level'));
        await store.putIncident(incident('lvl-new', '2026-03-02T00:00:00.000Z', 'alert_level'));
        for (const d of ['03', '04', '05']) await store.putIncident(incident(`atk-${d}`, `2026-03-${d}T00:00:00.000Z`));

        const since = '2026-01-01T00:00:00.000Z';
        const ids = async (opts: Parameters<Store['listIncidents']>[0]) => (await store.listIncidents(opts)).map((i) => i.id);
        expect(await ids({ since, kind: 'alert_level', limit: 2 })).toEqual(['lvl-new', 'lvl-old']);
        expect(await ids({ since, kind: 'attack' })).toEqual(['atk-05', 'atk-04', 'atk-03']);
        expect(await ids({ since, limit: 2 })).toEqual(['atk-05', 'atk-04']);
        expect(await ids({ since, kind: 'attack', limit: 1 })).toEqual(['atk-05']);
        expect(await ids({ since, limit: 0 })).toEqual([]);
        expect(await ids({ since: '2026-03-02T00:00:00.000Z', kind: 'alert_level' })).toEqual(['lvl-new']);
      });

      it('moves an incident when its lastSeen or kind changes, leaving no stale entry', async () => {
        await store.putIncident(incident('x', '2026-03-01T00:00:00.000Z'));
        await store.putIncident(incident('y', '2026-03-02T00:00:00.000Z'));
        await store.putIncident(incident('x', '2026-03-03T00:00:00.000Z', 'alert_level'));

        const since = '2026-01-01T00:00:00.000Z';
        expect((await store.listIncidents({ since })).map((i) => i.id)).toEqual(['x', 'y']);
        expect((await store.listIncidents({ since, kind: 'attack' })).map((i) => i.id)).toEqual(['y']);
        expect((await store.listIncidents({ since, kind: 'alert_level' })).map((i) => i.id)).toEqual(['x']);
        expect(await store.listIncidents({ since: '2026-03-02T12:00:00.000Z' })).toEqual([incident('x', '2026-03-03T00:00:00.000Z', 'alert_level')]);
      });

      it('refuses a since or lastSeen that is not an instant', async () => {
        await expect(store.listIncidents({ since: 'yesterday' })).rejects.toThrow(/since/);
        await expect(store.putIncident(incident('bad', 'not a date'))).rejects.toThrow(/lastSeen/);
        expect(await store.getIncident('bad')).toBeUndefined();
      });
    });

    describe('incident index', () => {
      const since = '2026-01-01T00:00:00.000Z';
      const ids = async (opts: Parameters<Store['findIncidents']>[0]) => (await store.findIncidents(opts)).map((i) => i.id);
      const at = (city: string, country: string, lastSeen: string, kind: 'attack' | 'alert_level' = 'attack') =>
        incident(`${kind}-${city}`, lastSeen, kind, { countries: [country], places: [{ name: city, country }], actors: [] });

      it('finds incidents of the kind filed under any of the keys, newest first', async () => {
        await store.putIncident(at('Krasnogorsk', 'RU', '2026-03-22T18:00:00.000Z'));
        await store.putIncident(at('Solingen', 'DE', '2026-03-23T18:00:00.000Z'));
        await store.putIncident(at('Arras', 'FR', '2026-03-24T18:00:00.000Z'));
        await store.putIncident(at('Solingen', 'DE', '2026-03-25T18:00:00.000Z', 'alert_level'));

        expect(await ids({ kind: 'attack', keys: ['place:solingen|DE'] })).toEqual(['attack-Solingen']);
        expect(await ids({ kind: 'alert_level', keys: ['place:solingen|DE'] })).toEqual(['alert_level-Solingen']);
        expect(await ids({ kind: 'attack', keys: ['place:krasnogorsk|RU', 'place:arras|FR', 'place:nowhere|XX'] })).toEqual([
          'attack-Arras',
          'attack-Krasnogorsk',
        ]);
        // A key found twice still yields the incident once.
        expect(await ids({ kind: 'attack', keys: ['place:arras|FR', 'country:FR', 'any'] })).toEqual(['attack-Arras', 'attack-Solingen', 'attack-Krasnogorsk']);
        expect(await ids({ kind: 'attack', keys: ['country:DE:2026-03-23'] })).toEqual(['attack-Solingen']);
        expect(await ids({ kind: 'attack', keys: ['country:DE:2026-03-24'] })).toEqual([]);
        expect(await ids({ kind: 'attack', keys: [] })).toEqual([]);
      });

      it('applies since and limit after the keys', async () => {
        for (const d of ['20', '21', '22', '23']) await store.putIncident(incident(`ru-${d}`, `2026-03-${d}T12:00:00.000Z`));
        await store.putIncident(at('Arras', 'FR', '2026-03-24T12:00:00.000Z'));
        const keys = ['place:krasnogorsk|RU'];
        expect(await ids({ kind: 'attack', keys, since })).toEqual(['ru-23', 'ru-22', 'ru-21', 'ru-20']);
        expect(await ids({ kind: 'attack', keys, since: '2026-03-21T12:00:00.000Z' })).toEqual(['ru-23', 'ru-22', 'ru-21']);
        expect(await ids({ kind: 'attack', keys, since, limit: 2 })).toEqual(['ru-23', 'ru-22']);
        expect(await ids({ kind: 'attack', keys, limit: 0 })).toEqual([]);
        await expect(store.findIncidents({ kind: 'attack', keys, since: 'last week' })).rejects.toThrow(/since/);
      });

      it('refiles an incident whose place, kind or time changes, leaving no stale entry', async () => {
        await store.putIncident(at('Arras', 'FR', '2026-03-01T00:00:00.000Z'));
        const moved = { ...at('Arras', 'FR', '2026-03-05T00:00:00.000Z', 'alert_level'), id: 'attack-Arras', places: [{ name: 'Annecy', country: 'FR' }] };
        await store.putIncident(moved);
        expect(await ids({ kind: 'attack', keys: ['place:arras|FR', 'place:annecy|FR'] })).toEqual([]);
        expect(await ids({ kind: 'alert_level', keys: ['place:arras|FR'] })).toEqual([]);
        expect(await store.findIncidents({ kind: 'alert_level', keys: ['place:annecy|FR'], since: '2026-03-04T00:00:00.000Z' })).toEqual([moved]);
      });
    });

    describe('deliveries', () => {
      it('keeps one record per incident and channel, replacing on put', async () => {
        const chan = { platform: 'discord' as const, id: '42' };
        expect(await store.getDelivery('i1', chan)).toBeUndefined();
        await store.putDelivery(delivery('i1', 'discord', '42'));
        await store.putDelivery(delivery('i1', 'slack', '42'));
        await store.putDelivery(delivery('i2', 'discord', '42', { messageRef: 'other' }));
        const edited = delivery('i1', 'discord', '42', { version: 2, editedAt: '2026-11-28T10:30:00.000Z' });
        await store.putDelivery(edited);

        expect(await store.getDelivery('i1', chan)).toEqual(edited);
        expect(await store.getDelivery('i2', chan)).toEqual(delivery('i2', 'discord', '42', { messageRef: 'other' }));
        expect(await store.getDelivery('i1', { platform: 'slack', id: '43' })).toBeUndefined();
        const list = await store.listDeliveries('i1');
        expect(list).toHaveLength(2);
        expect(list).toEqual(expect.arrayContaining([edited, delivery('i1', 'slack', '42')]));
        expect(await store.listDeliveries('none')).toEqual([]);
      });
    });

    describe('locks', () => {
      it('refuses a second owner while held and lets the holder release it', async () => {
        expect(await store.tryLock('poll:bbc', 'replica-a', 60_000)).toBe(true);
        expect(await store.tryLock('poll:bbc', 'replica-b', 60_000)).toBe(false);
        // Another key is independent.
        expect(await store.tryLock('poll:mi5', 'replica-b', 60_000)).toBe(true);
        await store.unlock('poll:bbc', 'replica-a');
        expect(await store.tryLock('poll:bbc', 'replica-b', 60_000)).toBe(true);
      });

      it('ignores an unlock by someone who does not hold the lock', async () => {
        expect(await store.tryLock('k', 'a', 60_000)).toBe(true);
        await store.unlock('k', 'b');
        await store.unlock('never-taken', 'b');
        expect(await store.tryLock('k', 'b', 60_000)).toBe(false);
      });

      it('frees a lock once its TTL has passed, and the late holder cannot free the new one', async () => {
        expect(await store.tryLock('k', 'a', 30)).toBe(true);
        await eventually(() => store.tryLock('k', 'b', 60_000));
        await store.unlock('k', 'a');
        expect(await store.tryLock('k', 'c', 60_000)).toBe(false);
      });

      it('refuses a TTL that is not a positive number', async () => {
        await expect(store.tryLock('k', 'a', 0)).rejects.toThrow(/TTL/);
        await expect(store.tryLock('k', 'a', Number.NaN)).rejects.toThrow(/TTL/);
        expect(await store.tryLock('k', 'a', 60_000)).toBe(true);
      });
    });

    describe('lifecycle', () => {
      it('answers ping while open and rejects every call once closed', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.filterUnseen('s', ['a'])).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.getIncident('i')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.tryLock('k', 'a', 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
      });
    });
  });
}
