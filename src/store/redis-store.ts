import type Redis from 'ioredis';
import {
  channelKey,
  KINDS,
  levelKey,
  type ChannelRef,
  type DeliveryRecord,
  type Incident,
  type Kind,
  type LevelReading,
  type SourceState,
  type Subscription,
} from '../model';
import { fromJson, instantMs, listLimit, lockTtlMs, seenLimit, toJson } from './codec';
import { incidentIndexKeys } from '../incidents/index-keys';
import { SEEN_IDS_PER_SOURCE, type IncidentQuery, type PruneCounts, type Store } from './port';
import { RedisConnection } from './redis-connection';
import { pruneRedis } from './redis-retention';

export interface RedisStoreOptions {
  /** Put before every key, so several bots (or tests) can share one database. Default `tocsin:`. */
  prefix?: string;
  /** Seen ids kept per source. Default `SEEN_IDS_PER_SOURCE`. */
  seenLimit?: number;
  /** Longest a call may take before it rejects. Default 5000 ms. */
  timeoutMs?: number;
  /** Keys of incidents, deliveries and seen ids expire after this long untouched (TOCSIN_RETENTION_DAYS). Default: no TTL. */
  retentionMs?: number;
  /** Milliseconds since the epoch, for when an id was seen; tests move it. */
  clock?: () => number;
}

/**
 * Marks ids seen in the order given, each with the next number of the source's own
 * sequence (so "newest" is exact across replicas whatever their clocks), then trims
 * the set to the newest `limit`. The seen-at zset records when (for retention).
 * KEYS: seen zset, sequence, seen-at zset. ARGV: limit, now ms, ttl ms (0: none), ids…
 */
const MARK_SEEN = `
local n = #ARGV - 3
local last = redis.call('INCRBY', KEYS[2], n)
for i = 4, #ARGV do
  redis.call('ZADD', KEYS[1], last - n + i - 3, ARGV[i])
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[i])
end
local excess = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if excess > 0 then
  local old = redis.call('ZRANGE', KEYS[1], 0, excess - 1)
  for i = 1, #old, 500 do
    redis.call('ZREM', KEYS[3], unpack(old, i, math.min(i + 499, #old)))
  end
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, excess - 1)
end
if tonumber(ARGV[3]) > 0 then
  for k = 1, 3 do redis.call('PEXPIRE', KEYS[k], ARGV[3]) end
end
return n`;

/** Deletes the lock only if `owner` still holds it. KEYS: lock. ARGV: owner. */
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The key layout, in one place. */
class Keys {
  constructor(private readonly p: string) {}
  sourceStates = (): string => `${this.p}source-states`;
  seen = (sourceId: string): string => `${this.p}seen:${sourceId}`;
  seenSeq = (sourceId: string): string => `${this.p}seen-seq:${sourceId}`;
  /** Sorted set of a source's seen ids scored by when they were last observed (ms). */
  seenAt = (sourceId: string): string => `${this.p}seen-at:${sourceId}`;
  levels = (): string => `${this.p}levels`;
  subscriptions = (): string => `${this.p}subscriptions`;
  incident = (id: string): string => `${this.p}incident:${id}`;
  /** Sorted set of incident ids scored by lastSeen (ms), all kinds or one. */
  incidentsByLastSeen = (kind?: Kind): string => `${this.p}incidents-by-last-seen${kind ? `:${kind}` : ''}`;
  /** Sorted set of the ids of one kind filed under an index key, scored by lastSeen (ms). */
  incidentIndex = (kind: string, key: string): string => `${this.p}incident-index:${kind}:${key}`;
  /** The index sets an incident is in now, so a put can leave none stale. */
  incidentIndexed = (id: string): string => `${this.p}incident-indexed:${id}`;
  deliveries = (incidentId: string): string => `${this.p}deliveries:${incidentId}`;
  lock = (key: string): string => `${this.p}lock:${key}`;
}

/** The store for several replicas: state in Redis, values as JSON. */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  private readonly conn: RedisConnection;
  private readonly keys: Keys;
  private readonly seenLimit: number;
  private readonly retentionMs: number;
  private readonly clock: () => number;

  constructor(url: string, opts: RedisStoreOptions = {}) {
    this.seenLimit = seenLimit(opts.seenLimit, SEEN_IDS_PER_SOURCE);
    this.retentionMs = opts.retentionMs ?? 0;
    this.clock = opts.clock ?? Date.now;
    this.keys = new Keys(opts.prefix ?? 'tocsin:');
    this.conn = new RedisConnection(url, opts.timeoutMs ?? 5000);
  }

  private guard<T>(op: string, fn: (r: Redis) => Promise<T>): Promise<T> {
    return this.conn.guard(op, fn);
  }

  async ping(): Promise<void> {
    await this.guard('ping', (r) => r.ping());
  }

  async close(): Promise<void> {
    await this.conn.close();
  }

  // --- source states ---

  async getSourceState(id: string): Promise<SourceState | undefined> {
    return this.guard('getSourceState', async (r) => parsed<SourceState>(await r.hget(this.keys.sourceStates(), id), 'source state'));
  }

  async putSourceState(state: SourceState): Promise<void> {
    await this.guard('putSourceState', (r) => r.hset(this.keys.sourceStates(), state.id, toJson(state)));
  }

  async listSourceStates(): Promise<SourceState[]> {
    const all = await this.guard('listSourceStates', async (r) => parsedAll<SourceState>(await r.hvals(this.keys.sourceStates()), 'source state'));
    return all.sort((a, b) => cmp(a.id, b.id));
  }

  // --- seen items ---

  async filterUnseen(sourceId: string, itemIds: string[]): Promise<string[]> {
    if (itemIds.length === 0) return [];
    const scores = await this.guard('filterUnseen', async (r) => {
      const reply = await r.call('ZMSCORE', this.keys.seen(sourceId), ...itemIds);
      if (!Array.isArray(reply) || reply.length !== itemIds.length) throw new Error('unexpected ZMSCORE reply');
      // Ids still in the feed count as seen now: retention forgets only what left the feed.
      const present = itemIds.filter((_, i) => reply[i] !== null && reply[i] !== undefined);
      if (present.length) await r.zadd(this.keys.seenAt(sourceId), 'XX', 'GT', ...present.flatMap((id) => [this.clock(), id]));
      return reply as unknown[];
    });
    return itemIds.filter((_, i) => scores[i] === null || scores[i] === undefined);
  }

  async markSeen(sourceId: string, itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await this.guard('markSeen', (r) =>
      r.eval(MARK_SEEN, 3, this.keys.seen(sourceId), this.keys.seenSeq(sourceId), this.keys.seenAt(sourceId), this.seenLimit, this.clock(), this.retentionMs, ...itemIds),
    );
  }

  // --- alert levels ---

  async getLevel(authority: string, scope: string): Promise<LevelReading | undefined> {
    return this.guard('getLevel', async (r) => parsed<LevelReading>(await r.hget(this.keys.levels(), levelKey({ authority, scope })), 'level'));
  }

  async putLevel(reading: LevelReading): Promise<void> {
    await this.guard('putLevel', (r) => r.hset(this.keys.levels(), levelKey(reading), toJson(reading)));
  }

  async listLevels(): Promise<LevelReading[]> {
    const all = await this.guard('listLevels', async (r) => parsedAll<LevelReading>(await r.hvals(this.keys.levels()), 'level'));
    return all.sort((a, b) => cmp(a.authority, b.authority) || cmp(a.scope, b.scope));
  }

  // --- subscriptions ---

  async putSubscription(sub: Subscription): Promise<void> {
    await this.guard('putSubscription', (r) => r.hset(this.keys.subscriptions(), channelKey(sub.channel), toJson(sub)));
  }

  async deleteSubscription(channel: ChannelRef): Promise<boolean> {
    return this.guard('deleteSubscription', async (r) => (await r.hdel(this.keys.subscriptions(), channelKey(channel))) > 0);
  }

  async getSubscription(channel: ChannelRef): Promise<Subscription | undefined> {
    return this.guard('getSubscription', async (r) =>
      parsed<Subscription>(await r.hget(this.keys.subscriptions(), channelKey(channel)), 'subscription'),
    );
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const all = await this.guard('listSubscriptions', async (r) => parsedAll<Subscription>(await r.hvals(this.keys.subscriptions()), 'subscription'));
    return all.sort((a, b) => cmp(channelKey(a.channel), channelKey(b.channel)));
  }

  // --- incidents ---

  async getIncident(id: string): Promise<Incident | undefined> {
    return this.guard('getIncident', async (r) => parsed<Incident>(await r.get(this.keys.incident(id)), 'incident'));
  }

  async putIncident(incident: Incident): Promise<void> {
    const score = instantMs(incident.lastSeen, `incident ${incident.id} lastSeen`);
    if (!KINDS.includes(incident.kind)) throw new RangeError(`incident ${incident.id} has unknown kind ${JSON.stringify(incident.kind)}`);
    const filed = incidentIndexKeys(incident).map((k) => this.keys.incidentIndex(incident.kind, k));
    await this.guard('putIncident', async (r) => {
      // Writers of one incident hold the grouping lock, so the old entries read here are current.
      const stale = (await r.smembers(this.keys.incidentIndexed(incident.id))).filter((k) => !filed.includes(k));
      // One transaction: the record and its index entries never disagree.
      const tx = r.multi().set(this.keys.incident(incident.id), toJson(incident)).zadd(this.keys.incidentsByLastSeen(), score, incident.id);
      if (this.retentionMs) tx.pexpire(this.keys.incident(incident.id), this.retentionMs);
      for (const k of KINDS) {
        if (k === incident.kind) tx.zadd(this.keys.incidentsByLastSeen(k), score, incident.id);
        else tx.zrem(this.keys.incidentsByLastSeen(k), incident.id);
      }
      for (const k of stale) tx.zrem(k, incident.id);
      for (const k of filed) tx.zadd(k, score, incident.id);
      tx.del(this.keys.incidentIndexed(incident.id)).sadd(this.keys.incidentIndexed(incident.id), ...filed);
      await execOrThrow(tx);
    });
  }

  async listIncidents(opts: { since: string; kind?: Kind; limit?: number }): Promise<Incident[]> {
    const since = instantMs(opts.since, 'since');
    const limit = listLimit(opts.limit);
    if (limit === 0) return [];
    return this.guard('listIncidents', async (r) => {
      const page = limit === undefined ? [] : ['LIMIT', 0, limit];
      const ids = await r.call('ZRANGE', this.keys.incidentsByLastSeen(opts.kind), '+inf', since, 'BYSCORE', 'REV', ...page);
      if (!Array.isArray(ids)) throw new Error('unexpected ZRANGE reply');
      if (ids.length === 0) return [];
      const values = await r.mget(...(ids as string[]).map((id) => this.keys.incident(id)));
      return parsedAll<Incident>(values, 'incident');
    });
  }

  async findIncidents(opts: IncidentQuery): Promise<Incident[]> {
    const since = opts.since === undefined ? '-inf' : instantMs(opts.since, 'since');
    const limit = listLimit(opts.limit);
    if (limit === 0 || !opts.keys.length) return [];
    return this.guard('findIncidents', async (r) => {
      const page = limit === undefined ? [] : ['LIMIT', 0, limit];
      // Each key's newest `limit` hold every id of the overall newest `limit`.
      const pipe = r.pipeline();
      for (const k of opts.keys) pipe.call('ZRANGE', this.keys.incidentIndex(opts.kind, k), '+inf', since, 'BYSCORE', 'REV', ...page);
      const replies = (await pipe.exec()) ?? [];
      const ids = new Set<string>();
      for (const [err, reply] of replies) {
        if (err) throw err;
        if (!Array.isArray(reply)) throw new Error('unexpected ZRANGE reply');
        for (const id of reply as string[]) ids.add(id);
      }
      if (!ids.size) return [];
      const values = await r.mget(...[...ids].map((id) => this.keys.incident(id)));
      const found = parsedAll<Incident>(values, 'incident').filter((i) => i.kind === opts.kind);
      found.sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen) || cmp(b.id, a.id));
      return limit === undefined ? found : found.slice(0, limit);
    });
  }

  // --- deliveries ---

  async getDelivery(incidentId: string, channel: ChannelRef): Promise<DeliveryRecord | undefined> {
    return this.guard('getDelivery', async (r) =>
      parsed<DeliveryRecord>(await r.hget(this.keys.deliveries(incidentId), channelKey(channel)), 'delivery'),
    );
  }

  async putDelivery(record: DeliveryRecord): Promise<void> {
    const key = this.keys.deliveries(record.incidentId);
    await this.guard('putDelivery', async (r) => {
      const tx = r.multi().hset(key, channelKey(record.channel), toJson(record));
      if (this.retentionMs) tx.pexpire(key, this.retentionMs);
      await execOrThrow(tx);
    });
  }

  async listDeliveries(incidentId: string): Promise<DeliveryRecord[]> {
    const all = await this.guard('listDeliveries', async (r) => parsedAll<DeliveryRecord>(await r.hvals(this.keys.deliveries(incidentId)), 'delivery'));
    return all.sort((a, b) => cmp(channelKey(a.channel), channelKey(b.channel)));
  }

  // --- locks ---

  async tryLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const ttl = lockTtlMs(ttlMs);
    return this.guard('tryLock', async (r) => (await r.set(this.keys.lock(key), owner, 'PX', ttl, 'NX')) === 'OK');
  }

  async unlock(key: string, owner: string): Promise<void> {
    await this.guard('unlock', (r) => r.eval(UNLOCK, 1, this.keys.lock(key), owner));
  }

  // --- retention ---

  prune(before: Date): Promise<PruneCounts> {
    return this.guard('prune', (r) => pruneRedis(r, this.keys, before.getTime()));
  }
}

function parsed<T>(text: string | null, what: string): T | undefined {
  return text === null ? undefined : fromJson<T>(text, what);
}

/** Parses every present value; a missing one (deleted between two reads) is skipped. */
function parsedAll<T>(texts: (string | null)[], what: string): T[] {
  return texts.filter((t): t is string => t !== null).map((t) => fromJson<T>(t, what));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `exec` reports per-command failures in its reply rather than rejecting. */
async function execOrThrow(tx: ReturnType<Redis['multi']>): Promise<void> {
  const replies = await tx.exec();
  if (replies === null) throw new Error('transaction aborted');
  const failed = replies.find(([err]) => err);
  if (failed?.[0]) throw failed[0];
}
