import type Database from 'better-sqlite3';
import type { PruneCounts } from './port';

/** A seen id still in its feed has its time refreshed at most once a day (few writes per poll). */
export const SEEN_TOUCH_INTERVAL_MS = 86_400_000;

/** The embedded store's retention statements, prepared once. */
export function prepareRetention(db: Database.Database) {
  const q = {
    touchSeen: db.prepare<{ s: string; ids: string; now: number; stale: number }>(
      `UPDATE seen SET seen_ms = @now WHERE source_id = @s AND seen_ms < @stale
       AND item_id IN (SELECT value FROM json_each(@ids))`,
    ),
    pruneDeliveries: db.prepare<[number]>('DELETE FROM deliveries WHERE incident_id IN (SELECT id FROM incidents WHERE last_seen_ms < ?)'),
    pruneIncidentKeys: db.prepare<[number]>('DELETE FROM incident_keys WHERE incident_id IN (SELECT id FROM incidents WHERE last_seen_ms < ?)'),
    pruneIncidents: db.prepare<[number]>('DELETE FROM incidents WHERE last_seen_ms < ?'),
    pruneSeen: db.prepare<[number]>('DELETE FROM seen WHERE seen_ms < ?'),
    // An expired lock protects nothing; the scheduler leaves one per source and poll slot.
    pruneLocks: db.prepare<[number]>('DELETE FROM locks WHERE expires_ms <= ?'),
  };
  const prune = db.transaction((before: number, now: number): PruneCounts => {
    const deliveries = q.pruneDeliveries.run(before).changes;
    // The grouping index leaves with its incidents (not counted: it is part of them).
    q.pruneIncidentKeys.run(before);
    return { deliveries, incidents: q.pruneIncidents.run(before).changes, seen: q.pruneSeen.run(before).changes, locks: q.pruneLocks.run(now).changes };
  });
  return {
    /** Ids found in the feed again count as seen now, so retention forgets only what left the feed. */
    touchSeen: (sourceId: string, idsJson: string, now: number) => q.touchSeen.run({ s: sourceId, ids: idsJson, now, stale: now - SEEN_TOUCH_INTERVAL_MS }),
    prune,
  };
}
