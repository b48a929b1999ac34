import type { Store } from '../../src/store';
import { incidentIndexKeys } from '../../src/incidents/index-keys';
import { delivery, incident } from './records';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');

/**
 * Issue 13 §10, part of the Store contract: a store filled with 60 days of data keeps the
 * last 30 after a retention run, and a second run removes nothing more. `makeStore` gets
 * a clock it can move (for when ids are seen and locks taken).
 */
export function runRetentionContract(name: string, makeStore: (clock: () => number) => Promise<Store>): void {
  describe(`${name}: retention`, () => {
    let now = NOW;
    let store: Store;
    beforeEach(async () => {
      now = NOW;
      store = await makeStore(() => now);
    });
    afterEach(async () => {
      await store.close();
    });

    /** Day `d` ago, at noon minus 12 h: strictly inside day `d`. */
    const dayAgo = (d: number) => NOW - d * DAY - DAY / 2;
    const days = Array.from({ length: 60 }, (_, d) => d);

    async function fillSixtyDays(): Promise<void> {
      for (const d of days) {
        now = dayAgo(d);
        await store.putIncident(incident(`inc-${d}`, new Date(now).toISOString()));
        await store.putDelivery(delivery(`inc-${d}`, 'discord', '1'));
        await store.putDelivery(delivery(`inc-${d}`, 'slack', 'C1'));
        await store.markSeen('wire', [`item-${d}`]);
        expect(await store.tryLock(`poll-wire-${d}`, 'replica-a', 60_000)).toBe(true);
      }
      now = NOW;
    }

    it('shrinks 60 days of incidents, deliveries and seen ids to 30, and no further', async () => {
      await fillSixtyDays();
      expect(await store.listIncidents({ since: new Date(0).toISOString() })).toHaveLength(60);

      const cutoff = new Date(NOW - 30 * DAY);
      const first = await store.prune(cutoff);
      expect(first).toMatchObject({ incidents: 30, deliveries: 60, seen: 30 });

      const kept = await store.listIncidents({ since: new Date(0).toISOString() });
      expect(kept.map((i) => i.id).sort()).toEqual(days.filter((d) => d < 30).map((d) => `inc-${d}`).sort());
      for (const d of [0, 29, 30, 59]) {
        expect((await store.listDeliveries(`inc-${d}`)).length).toBe(d < 30 ? 2 : 0);
        expect(await store.getIncident(`inc-${d}`)).toEqual(d < 30 ? expect.objectContaining({ id: `inc-${d}` }) : undefined);
      }
      // The ids of the pruned days read as unseen again; the last 30 days' are still seen.
      const all = days.map((d) => `item-${d}`);
      expect(await store.filterUnseen('wire', all)).toEqual(days.filter((d) => d >= 30).map((d) => `item-${d}`));

      // The grouping index forgets the pruned incidents with them.
      const found = await store.findIncidents({ kind: 'attack', keys: [...new Set(kept.concat(await store.listIncidents({ since: new Date(0).toISOString() })).flatMap((i) => incidentIndexKeys(i)))] });
      expect(found.map((i) => i.id).sort()).toEqual(kept.map((i) => i.id).sort());
      const keysOfPruned = incidentIndexKeys(incident('inc-45', new Date(dayAgo(45)).toISOString()));
      expect((await store.findIncidents({ kind: 'attack', keys: keysOfPruned })).filter((i) => Number(i.id.slice(4)) >= 30)).toEqual([]);

      const second = await store.prune(cutoff);
      expect(second).toMatchObject({ incidents: 0, deliveries: 0, seen: 0 });
      expect(await store.listIncidents({ since: new Date(0).toISOString() })).toHaveLength(30);
    });

    it('keeps an old id its feed still lists, and a lock still held', async () => {
      now = dayAgo(50);
      await store.markSeen('wire', ['evergreen', 'gone']);
      // Forty days later the feed still lists "evergreen": it counts as seen now.
      now = dayAgo(10);
      expect(await store.filterUnseen('wire', ['evergreen'])).toEqual([]);
      now = NOW;
      expect(await store.tryLock('poll-wire-now', 'replica-a', 60 * 60_000)).toBe(true);
      await store.prune(new Date(NOW - 30 * DAY));
      expect(await store.filterUnseen('wire', ['evergreen', 'gone'])).toEqual(['gone']);
      expect(await store.tryLock('poll-wire-now', 'replica-b', 60 * 60_000)).toBe(false);
    });
  });
}
