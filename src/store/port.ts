import type {
  ChannelRef,
  DeliveryRecord,
  Incident,
  Kind,
  LevelReading,
  SourceState,
  Subscription,
} from '../model';

/**
 * The storage port. Small interfaces, one per concern, so a stage depends only on
 * what it uses. Every method rejects (never resolves to "empty") when the backend
 * cannot be reached: an unreachable store must never read as "not seen".
 */

export interface SourceStateStore {
  getSourceState(id: string): Promise<SourceState | undefined>;
  putSourceState(state: SourceState): Promise<void>;
  listSourceStates(): Promise<SourceState[]>;
}

/** Each source remembers at most this many seen ids, the most recently marked; older ones are forgotten. */
export const SEEN_IDS_PER_SOURCE = 5000;

export interface SeenStore {
  /** The ids among `itemIds` this source has not recorded yet, in input order (duplicates kept). */
  filterUnseen(sourceId: string, itemIds: string[]): Promise<string[]>;
  markSeen(sourceId: string, itemIds: string[]): Promise<void>;
}

export interface LevelStore {
  getLevel(authority: string, scope: string): Promise<LevelReading | undefined>;
  putLevel(reading: LevelReading): Promise<void>;
  listLevels(): Promise<LevelReading[]>;
}

export interface SubscriptionStore {
  putSubscription(sub: Subscription): Promise<void>;
  /** Resolves true when there was one to remove. */
  deleteSubscription(channel: ChannelRef): Promise<boolean>;
  getSubscription(channel: ChannelRef): Promise<Subscription | undefined>;
  listSubscriptions(): Promise<Subscription[]>;
}

export interface IncidentStore {
  getIncident(id: string): Promise<Incident | undefined>;
  putIncident(incident: Incident): Promise<void>;
  /** Incidents whose lastSeen is at or after `since` (ISO), newest lastSeen first. */
  listIncidents(opts: { since: string; kind?: Kind; limit?: number }): Promise<Incident[]>;
  /**
   * Incidents of `kind` filed under at least one of `keys` (`incidentIndexKeys` in
   * src/incidents/index-keys.ts, computed on every put), lastSeen at or after `since` when
   * given, newest lastSeen first. Cost follows the matching incidents, not all of them.
   */
  findIncidents(opts: IncidentQuery): Promise<Incident[]>;
}

export interface IncidentQuery {
  kind: Kind;
  keys: string[];
  since?: string;
  limit?: number;
}

export interface DeliveryStore {
  getDelivery(incidentId: string, channel: ChannelRef): Promise<DeliveryRecord | undefined>;
  putDelivery(record: DeliveryRecord): Promise<void>;
  listDeliveries(incidentId: string): Promise<DeliveryRecord[]>;
}

export interface LockStore {
  /** Take `key` for `ttlMs` if no one holds it; resolves true when taken. Atomic across replicas. */
  tryLock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Release only if `owner` still holds it. */
  unlock(key: string, owner: string): Promise<void>;
}

/** What one retention run removed. */
export interface PruneCounts {
  incidents: number;
  deliveries: number;
  seen: number;
  locks: number;
}

export interface RetentionStore {
  /**
   * Removes incidents last seen before `before` and their deliveries, seen ids not observed
   * in their feed since `before`, and locks whose time has run out. Idempotent.
   */
  prune(before: Date): Promise<PruneCounts>;
}

export interface Store
  extends SourceStateStore,
    RetentionStore,
    SeenStore,
    LevelStore,
    SubscriptionStore,
    IncidentStore,
    DeliveryStore,
    LockStore {
  readonly kind: 'redis' | 'embedded';
  /** Resolves when the backend answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Raised by a store when the backend cannot be reached or answers an error. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
