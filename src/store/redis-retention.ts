import type Redis from 'ioredis';
import { KINDS } from '../model';
import type { PruneCounts } from './port';

/** The keys retention reads and deletes; the store's own layout (prefix included). */
export interface RetentionKeys {
  seen(sourceId: string): string;
  seenAt(sourceId: string): string;
  incident(id: string): string;
  incidentsByLastSeen(kind?: (typeof KINDS)[number]): string;
  deliveries(incidentId: string): string;
  /** The grouping index keys an incident is filed under (a set of index key names). */
  incidentIndexed(id: string): string;
}

/**
 * Forgets the ids of one source last observed before ARGV[1] (ms), from the seen set and
 * its time index alike. KEYS: seen zset, seen-at zset.
 */
const PRUNE_SEEN = `
local removed = 0
while true do
  local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1], 'LIMIT', 0, 500)
  if #ids == 0 then return removed end
  redis.call('ZREM', KEYS[1], unpack(ids))
  redis.call('ZREM', KEYS[2], unpack(ids))
  removed = removed + #ids
end`;

const BATCH = 500;

/**
 * Redis retention: incidents older than `before` leave with their deliveries and index
 * entries; seen ids leave by their time index. Locks expire on their own (PX), and every
 * other key carries a TTL of the retention period, so this run only does what TTLs cannot.
 */
export async function pruneRedis(r: Redis, keys: RetentionKeys, before: number): Promise<PruneCounts> {
  const counts: PruneCounts = { incidents: 0, deliveries: 0, seen: 0, locks: 0 };
  for (;;) {
    const ids = (await r.zrangebyscore(keys.incidentsByLastSeen(), '-inf', `(${before}`, 'LIMIT', 0, BATCH)) as string[];
    if (ids.length === 0) break;
    const fields = await Promise.all(ids.map((id) => r.hlen(keys.deliveries(id))));
    const existing = await r.exists(...ids.map((id) => keys.incident(id)));
    const filed = await Promise.all(ids.map((id) => r.smembers(keys.incidentIndexed(id))));
    const tx = r.multi().del(...ids.map((id) => keys.incident(id)), ...ids.map((id) => keys.deliveries(id))).zrem(keys.incidentsByLastSeen(), ...ids);
    for (const k of KINDS) tx.zrem(keys.incidentsByLastSeen(k), ...ids);
    // The grouping index leaves with its incidents.
    ids.forEach((id, i) => {
      for (const indexKey of filed[i] ?? []) tx.zrem(indexKey, id);
      tx.del(keys.incidentIndexed(id));
    });
    await tx.exec();
    counts.incidents += existing;
    counts.deliveries += fields.reduce((a, b) => a + b, 0);
  }
  const pattern = `${escapeGlob(keys.seenAt(''))}*`;
  let cursor = '0';
  do {
    const [next, found] = await r.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
    cursor = next;
    for (const seenAtKey of found) {
      const sourceId = seenAtKey.slice(keys.seenAt('').length);
      counts.seen += Number(await r.eval(PRUNE_SEEN, 2, keys.seen(sourceId), seenAtKey, before));
    }
  } while (cursor !== '0');
  return counts;
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}
