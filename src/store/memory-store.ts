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
import { incidentIndexKeys } from '../incidents/index-keys';
import { instantMs, listLimit, lockTtlMs, seenLimit } from './codec';
import { SEEN_IDS_PER_SOURCE, StoreUnavailableError, type IncidentQuery, type PruneCounts, type Store } from './port';

/**
 * A store in this process's memory, nothing kept: `tocsin evaluate` groups through it with
 * the runtime's own code, and tests use it where persistence is not the point. Records are
 * copied in and out, so callers never share state with it (as with a real backend).
 */
export class MemoryStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly states = new Map<string, SourceState>();
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly levels = new Map<string, LevelReading>();
  private readonly subs = new Map<string, Subscription>();
  private readonly incidents = new Map<string, { incident: Incident; lastSeenMs: number; keys: string[] }>();
  /** key → ids filed under it. */
  private readonly index = new Map<string, Set<string>>();
  private readonly deliveries = new Map<string, Map<string, DeliveryRecord>>();
  private readonly locks = new Map<string, { owner: string; expires: number }>();
  private readonly seenLimit: number;
  private closed = false;

  private readonly clock: () => number;

  constructor(opts: { seenLimit?: number; clock?: () => number } = {}) {
    this.seenLimit = seenLimit(opts.seenLimit, SEEN_IDS_PER_SOURCE);
    this.clock = opts.clock ?? Date.now;
  }

  private open(): void {
    if (this.closed) throw new StoreUnavailableError('memory store is closed');
  }

  async ping(): Promise<void> {
    this.open();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async getSourceState(id: string): Promise<SourceState | undefined> {
    this.open();
    return copy(this.states.get(id));
  }

  async putSourceState(state: SourceState): Promise<void> {
    this.open();
    this.states.set(state.id, copy(state));
  }

  async listSourceStates(): Promise<SourceState[]> {
    this.open();
    return [...this.states.values()].sort((a, b) => cmp(a.id, b.id)).map(copy);
  }

  async filterUnseen(sourceId: string, itemIds: string[]): Promise<string[]> {
    this.open();
    const seen = this.seen.get(sourceId);
    if (!seen) return [...itemIds];
    // An id still listed in its feed is observed again: retention must not forget it.
    const now = this.clock();
    for (const id of itemIds) if (seen.has(id)) seen.set(id, now);
    return itemIds.filter((id) => !seen.has(id));
  }

  async markSeen(sourceId: string, itemIds: string[]): Promise<void> {
    this.open();
    if (!itemIds.length) return;
    const seen = this.seen.get(sourceId) ?? new Map<string, number>();
    this.seen.set(sourceId, seen);
    const now = this.clock();
    for (const id of itemIds) {
      seen.delete(id);
      seen.set(id, now);
    }
    // Map keeps insertion order: the oldest marked come first.
    for (const id of seen.keys()) {
      if (seen.size <= this.seenLimit) break;
      seen.delete(id);
    }
  }

  async getLevel(authority: string, scope: string): Promise<LevelReading | undefined> {
    this.open();
    return copy(this.levels.get(levelKey({ authority, scope })));
  }

  async putLevel(reading: LevelReading): Promise<void> {
    this.open();
    this.levels.set(levelKey(reading), copy(reading));
  }

  async listLevels(): Promise<LevelReading[]> {
    this.open();
    return [...this.levels.values()].sort((a, b) => cmp(a.authority, b.authority) || cmp(a.scope, b.scope)).map(copy);
  }

  async putSubscription(sub: Subscription): Promise<void> {
    this.open();
    this.subs.set(channelKey(sub.channel), copy(sub));
  }

  async deleteSubscription(channel: ChannelRef): Promise<boolean> {
    this.open();
    return this.subs.delete(channelKey(channel));
  }

  async getSubscription(channel: ChannelRef): Promise<Subscription | undefined> {
    this.open();
    return copy(this.subs.get(channelKey(channel)));
  }

  async listSubscriptions(): Promise<Subscription[]> {
    this.open();
    return [...this.subs.values()].sort((a, b) => cmp(channelKey(a.channel), channelKey(b.channel))).map(copy);
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    this.open();
    return copy(this.incidents.get(id)?.incident);
  }

  async putIncident(incident: Incident): Promise<void> {
    this.open();
    const lastSeenMs = instantMs(incident.lastSeen, `incident ${incident.id} lastSeen`);
    if (!KINDS.includes(incident.kind)) throw new RangeError(`incident ${incident.id} has unknown kind ${JSON.stringify(incident.kind)}`);
    for (const k of this.incidents.get(incident.id)?.keys ?? []) this.index.get(k)?.delete(incident.id);
    const keys = incidentIndexKeys(incident);
    for (const k of keys) {
      const ids = this.index.get(k) ?? new Set<string>();
      ids.add(incident.id);
      this.index.set(k, ids);
    }
    this.incidents.set(incident.id, { incident: copy(incident), lastSeenMs, keys });
  }

  async listIncidents(opts: { since: string; kind?: Kind; limit?: number }): Promise<Incident[]> {
    this.open();
    return this.newest([...this.incidents.keys()], opts.since, opts.kind, opts.limit);
  }

  async findIncidents(opts: IncidentQuery): Promise<Incident[]> {
    this.open();
    const ids = new Set<string>();
    for (const k of opts.keys) for (const id of this.index.get(k) ?? []) ids.add(id);
    return this.newest([...ids], opts.since, opts.kind, opts.limit);
  }

  private newest(ids: string[], since: string | undefined, kind: Kind | undefined, limit: number | undefined): Incident[] {
    const from = since === undefined ? Number.NEGATIVE_INFINITY : instantMs(since, 'since');
    const max = listLimit(limit) ?? Infinity;
    return ids
      .map((id) => this.incidents.get(id))
      .filter((x): x is { incident: Incident; lastSeenMs: number; keys: string[] } => !!x && x.lastSeenMs >= from && (!kind || x.incident.kind === kind))
      .sort((a, b) => b.lastSeenMs - a.lastSeenMs || cmp(b.incident.id, a.incident.id))
      .slice(0, max)
      .map((x) => copy(x.incident));
  }

  async getDelivery(incidentId: string, channel: ChannelRef): Promise<DeliveryRecord | undefined> {
    this.open();
    return copy(this.deliveries.get(incidentId)?.get(channelKey(channel)));
  }

  async putDelivery(record: DeliveryRecord): Promise<void> {
    this.open();
    const all = this.deliveries.get(record.incidentId) ?? new Map<string, DeliveryRecord>();
    all.set(channelKey(record.channel), copy(record));
    this.deliveries.set(record.incidentId, all);
  }

  async listDeliveries(incidentId: string): Promise<DeliveryRecord[]> {
    this.open();
    const all = this.deliveries.get(incidentId);
    return all ? [...all.entries()].sort(([a], [b]) => cmp(a, b)).map(([, r]) => copy(r)) : [];
  }

  async tryLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
    this.open();
    const ttl = lockTtlMs(ttlMs);
    const now = this.clock();
    const held = this.locks.get(key);
    if (held && held.expires > now) return false;
    this.locks.set(key, { owner, expires: now + ttl });
    return true;
  }

  async unlock(key: string, owner: string): Promise<void> {
    this.open();
    if (this.locks.get(key)?.owner === owner) this.locks.delete(key);
  }

  async prune(before: Date): Promise<PruneCounts> {
    this.open();
    const cut = before.getTime();
    const out: PruneCounts = { incidents: 0, deliveries: 0, seen: 0, locks: 0 };
    for (const [id, x] of this.incidents) {
      if (x.lastSeenMs >= cut) continue;
      for (const k of x.keys) this.index.get(k)?.delete(id);
      this.incidents.delete(id);
      out.incidents++;
      out.deliveries += this.deliveries.get(id)?.size ?? 0;
      this.deliveries.delete(id);
    }
    for (const seen of this.seen.values()) {
      for (const [id, at] of seen) {
        if (at >= cut) continue;
        seen.delete(id);
        out.seen++;
      }
    }
    const now = this.clock();
    for (const [key, lock] of this.locks) {
      if (lock.expires > now) continue;
      this.locks.delete(key);
      out.locks++;
    }
    return out;
  }
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
