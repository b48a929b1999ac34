import fs from 'node:fs';
import path from 'node:path';
import {
  channelKey,
  KINDS,
  type ChannelRef,
  type DeliveryRecord,
  type Incident,
  type Kind,
  type LevelReading,
  type SourceState,
  type Subscription,
} from '../model';
import { describeError, fromJson, instantMs, listLimit, lockTtlMs, seenLimit, toJson } from './codec';
import { incidentIndexKeys } from '../incidents/index-keys';
import { SEEN_IDS_PER_SOURCE, StoreUnavailableError, type IncidentQuery, type Store } from './port';
import { migrate } from './sqlite-schema';
import { openSqliteFile, type SqliteDatabase } from './sqlite-driver';
import { prepareRetention } from './sqlite-retention';
import type { PruneCounts } from './port';

export interface SqliteStoreOptions {
  /** Seen ids kept per source. Default `SEEN_IDS_PER_SOURCE`. */
  seenLimit?: number;
  /** Default `tocsin.db`. */
  fileName?: string;
  /** Milliseconds since the epoch; tests move it to fill the store with past days. */
  clock?: () => number;
}

/** Every statement the store runs, prepared once. */
function prepare(db: SqliteDatabase) {
  return {
    getSource: db.prepare<[string], string>('SELECT json FROM source_states WHERE id = ?').pluck(),
    putSource: db.prepare('INSERT INTO source_states (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json'),
    listSources: db.prepare<[], string>('SELECT json FROM source_states ORDER BY id').pluck(),
    unseen: db
      .prepare<{ s: string; ids: string }, string>(
        `SELECT j.value FROM json_each(@ids) AS j
         WHERE NOT EXISTS (SELECT 1 FROM seen WHERE source_id = @s AND item_id = j.value) ORDER BY j.key`,
      )
      .pluck(),
    maxSeq: db.prepare<[string], number | null>('SELECT MAX(seq) FROM seen WHERE source_id = ?').pluck(),
    markSeen: db.prepare(
      'INSERT INTO seen (source_id, item_id, seq, seen_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET seq = excluded.seq, seen_ms = excluded.seen_ms',
    ),
    // Keeps the `keep` newest: deletes everything older than the keep-th newest.
    trimSeen: db.prepare<{ s: string; offset: number }>(
      `DELETE FROM seen WHERE source_id = @s
       AND seq < (SELECT seq FROM seen WHERE source_id = @s ORDER BY seq DESC LIMIT 1 OFFSET @offset)`,
    ),
    getLevel: db.prepare<[string, string], string>('SELECT json FROM levels WHERE authority = ? AND scope = ?').pluck(),
    putLevel: db.prepare(
      'INSERT INTO levels (authority, scope, json) VALUES (?, ?, ?) ON CONFLICT (authority, scope) DO UPDATE SET json = excluded.json',
    ),
    listLevels: db.prepare<[], string>('SELECT json FROM levels ORDER BY authority, scope').pluck(),
    getSub: db.prepare<[string], string>('SELECT json FROM subscriptions WHERE channel = ?').pluck(),
    putSub: db.prepare('INSERT INTO subscriptions (channel, json) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET json = excluded.json'),
    deleteSub: db.prepare('DELETE FROM subscriptions WHERE channel = ?'),
    listSubs: db.prepare<[], string>('SELECT json FROM subscriptions ORDER BY channel').pluck(),
    getIncident: db.prepare<[string], string>('SELECT json FROM incidents WHERE id = ?').pluck(),
    putIncident: db.prepare(
      `INSERT INTO incidents (id, kind, last_seen_ms, json) VALUES (?, ?, ?, ?) ON CONFLICT (id)
       DO UPDATE SET kind = excluded.kind, last_seen_ms = excluded.last_seen_ms, json = excluded.json`,
    ),
    // LIMIT -1 is SQLite for "no limit". Ties broken by id, descending, as Redis does.
    listIncidents: db
      .prepare<{ since: number; limit: number }, string>(
        'SELECT json FROM incidents WHERE last_seen_ms >= @since ORDER BY last_seen_ms DESC, id DESC LIMIT @limit',
      )
      .pluck(),
    listIncidentsOfKind: db
      .prepare<{ since: number; limit: number; kind: string }, string>(
        'SELECT json FROM incidents WHERE kind = @kind AND last_seen_ms >= @since ORDER BY last_seen_ms DESC, id DESC LIMIT @limit',
      )
      .pluck(),
    dropKeys: db.prepare('DELETE FROM incident_keys WHERE incident_id = ?'),
    addKey: db.prepare('INSERT OR IGNORE INTO incident_keys (key, incident_id) VALUES (?, ?)'),
    unfiled: db.prepare<[], string>('SELECT json FROM incidents WHERE id NOT IN (SELECT incident_id FROM incident_keys)').pluck(),
    findIncidents: db
      .prepare<{ keys: string; kind: string; since: number; limit: number }, string>(
        // Driven from the keys, so the cost follows the matching incidents, not the table.
        `SELECT i.json FROM (SELECT DISTINCT incident_id FROM incident_keys WHERE key IN (SELECT value FROM json_each(@keys))) AS k
         CROSS JOIN incidents AS i ON i.id = k.incident_id
         WHERE i.kind = @kind AND i.last_seen_ms >= @since
         ORDER BY i.last_seen_ms DESC, i.id DESC LIMIT @limit`,
      )
      .pluck(),
    getDelivery: db.prepare<[string, string], string>('SELECT json FROM deliveries WHERE incident_id = ? AND channel = ?').pluck(),
    putDelivery: db.prepare(
      'INSERT INTO deliveries (incident_id, channel, json) VALUES (?, ?, ?) ON CONFLICT (incident_id, channel) DO UPDATE SET json = excluded.json',
    ),
    listDeliveries: db.prepare<[string], string>('SELECT json FROM deliveries WHERE incident_id = ? ORDER BY channel').pluck(),
    // Taken when free or when the holder's time ran out; one statement, so atomic.
    tryLock: db.prepare<{ key: string; owner: string; expires: number; now: number }>(
      `INSERT INTO locks (key, owner, expires_ms) VALUES (@key, @owner, @expires) ON CONFLICT (key)
       DO UPDATE SET owner = excluded.owner, expires_ms = excluded.expires_ms WHERE locks.expires_ms <= @now`,
    ),
    unlock: db.prepare('DELETE FROM locks WHERE key = ? AND owner = ?'),
    ping: db.prepare('SELECT 1').pluck(),
  };
}

/**
 * The embedded store for one process (and the CLI beside it): one SQLite file in the
 * data dir, WAL mode. Calls are synchronous underneath but return promises to match the port.
 */
export class SqliteStore implements Store {
  readonly kind = 'embedded' as const;
  /** The database file. */
  readonly file: string;
  private readonly db: SqliteDatabase;
  private readonly q: ReturnType<typeof prepare>;
  private readonly seenLimit: number;
  private readonly markSeenTx: (sourceId: string, itemIds: string[]) => void;
  private readonly putIncidentTx: (incident: Incident, lastSeen: number) => void;
  private readonly retention: ReturnType<typeof prepareRetention>;
  private readonly clock: () => number;

  constructor(dataDir: string, opts: SqliteStoreOptions = {}) {
    this.seenLimit = seenLimit(opts.seenLimit, SEEN_IDS_PER_SOURCE);
    this.clock = opts.clock ?? Date.now;
    this.file = path.resolve(dataDir, opts.fileName ?? 'tocsin.db');
    let db: SqliteDatabase | undefined;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      db = openSqliteFile(this.file);
      // Another process (the CLI while the bot runs) may hold the write lock briefly.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL never corrupts and survives a crash of the process (SIGKILL);
      // only a power loss may undo the last commits. FULL would fsync every small write.
      db.pragma('synchronous = NORMAL');
      migrate(db);
      this.db = db;
      this.q = prepare(db);
      this.retention = prepareRetention(db);
    } catch (err) {
      db?.close();
      throw new StoreUnavailableError(`cannot open the embedded store at ${this.file}: ${describeError(err)}`, { cause: err });
    }
    this.markSeenTx = this.db.transaction((sourceId: string, itemIds: string[]) => {
      let seq = this.q.maxSeq.get(sourceId) ?? 0;
      const now = this.clock();
      for (const id of itemIds) this.q.markSeen.run(sourceId, id, ++seq, now);
      this.q.trimSeen.run({ s: sourceId, offset: this.seenLimit - 1 });
    });
    // The record and its index keys change together.
    this.putIncidentTx = this.db.transaction((incident: Incident, lastSeen: number) => {
      this.q.putIncident.run(incident.id, incident.kind, lastSeen, toJson(incident));
      this.q.dropKeys.run(incident.id);
      for (const key of incidentIndexKeys(incident)) this.q.addKey.run(key, incident.id);
    });
    this.db.transaction(() => {
      for (const text of this.q.unfiled.all()) {
        const incident = fromJson<Incident>(text, 'incident');
        for (const key of incidentIndexKeys(incident)) this.q.addKey.run(key, incident.id);
      }
    })();
  }

  /** Runs `fn`, turning any SQLite failure (closed, busy, corrupt) into `StoreUnavailableError`. */
  private run<T>(op: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      if (err instanceof StoreUnavailableError) return Promise.reject(err);
      return Promise.reject(new StoreUnavailableError(`embedded store: ${op} failed (${describeError(err)})`, { cause: err }));
    }
  }

  async ping(): Promise<void> {
    await this.run('ping', () => this.q.ping.get());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // --- source states ---

  getSourceState(id: string): Promise<SourceState | undefined> {
    return this.run('getSourceState', () => parsed<SourceState>(this.q.getSource.get(id), 'source state'));
  }

  async putSourceState(state: SourceState): Promise<void> {
    await this.run('putSourceState', () => this.q.putSource.run(state.id, toJson(state)));
  }

  listSourceStates(): Promise<SourceState[]> {
    return this.run('listSourceStates', () => parsedAll<SourceState>(this.q.listSources.all(), 'source state'));
  }

  // --- seen items ---

  async filterUnseen(sourceId: string, itemIds: string[]): Promise<string[]> {
    if (itemIds.length === 0) return [];
    return this.run('filterUnseen', () => {
      const ids = toJson(itemIds);
      this.retention.touchSeen(sourceId, ids, this.clock());
      return this.q.unseen.all({ s: sourceId, ids });
    });
  }

  async markSeen(sourceId: string, itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await this.run('markSeen', () => this.markSeenTx(sourceId, itemIds));
  }

  // --- alert levels ---

  getLevel(authority: string, scope: string): Promise<LevelReading | undefined> {
    return this.run('getLevel', () => parsed<LevelReading>(this.q.getLevel.get(authority, scope), 'level'));
  }

  async putLevel(reading: LevelReading): Promise<void> {
    await this.run('putLevel', () => this.q.putLevel.run(reading.authority, reading.scope, toJson(reading)));
  }

  listLevels(): Promise<LevelReading[]> {
    return this.run('listLevels', () => parsedAll<LevelReading>(this.q.listLevels.all(), 'level'));
  }

  // --- subscriptions ---

  async putSubscription(sub: Subscription): Promise<void> {
    await this.run('putSubscription', () => this.q.putSub.run(channelKey(sub.channel), toJson(sub)));
  }

  deleteSubscription(channel: ChannelRef): Promise<boolean> {
    return this.run('deleteSubscription', () => this.q.deleteSub.run(channelKey(channel)).changes > 0);
  }

  getSubscription(channel: ChannelRef): Promise<Subscription | undefined> {
    return this.run('getSubscription', () => parsed<Subscription>(this.q.getSub.get(channelKey(channel)), 'subscription'));
  }

  listSubscriptions(): Promise<Subscription[]> {
    return this.run('listSubscriptions', () => parsedAll<Subscription>(this.q.listSubs.all(), 'subscription'));
  }

  // --- incidents ---

  getIncident(id: string): Promise<Incident | undefined> {
    return this.run('getIncident', () => parsed<Incident>(this.q.getIncident.get(id), 'incident'));
  }

  async putIncident(incident: Incident): Promise<void> {
    const lastSeen = instantMs(incident.lastSeen, `incident ${incident.id} lastSeen`);
    if (!KINDS.includes(incident.kind)) throw new RangeError(`incident ${incident.id} has unknown kind ${JSON.stringify(incident.kind)}`);
    await this.run('putIncident', () => this.putIncidentTx(incident, lastSeen));
  }

  async listIncidents(opts: { since: string; kind?: Kind; limit?: number }): Promise<Incident[]> {
    const since = instantMs(opts.since, 'since');
    const limit = listLimit(opts.limit) ?? -1;
    return this.run('listIncidents', () => {
      const rows = opts.kind ? this.q.listIncidentsOfKind.all({ since, limit, kind: opts.kind }) : this.q.listIncidents.all({ since, limit });
      return parsedAll<Incident>(rows, 'incident');
    });
  }

  async findIncidents(opts: IncidentQuery): Promise<Incident[]> {
    const since = opts.since === undefined ? Number.MIN_SAFE_INTEGER : instantMs(opts.since, 'since');
    const limit = listLimit(opts.limit) ?? -1;
    if (!opts.keys.length || limit === 0) return [];
    return this.run('findIncidents', () =>
      parsedAll<Incident>(this.q.findIncidents.all({ keys: toJson(opts.keys), kind: opts.kind, since, limit }), 'incident'),
    );
  }

  // --- deliveries ---

  getDelivery(incidentId: string, channel: ChannelRef): Promise<DeliveryRecord | undefined> {
    return this.run('getDelivery', () => parsed<DeliveryRecord>(this.q.getDelivery.get(incidentId, channelKey(channel)), 'delivery'));
  }

  async putDelivery(record: DeliveryRecord): Promise<void> {
    await this.run('putDelivery', () => this.q.putDelivery.run(record.incidentId, channelKey(record.channel), toJson(record)));
  }

  listDeliveries(incidentId: string): Promise<DeliveryRecord[]> {
    return this.run('listDeliveries', () => parsedAll<DeliveryRecord>(this.q.listDeliveries.all(incidentId), 'delivery'));
  }

  // --- locks ---

  async tryLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const ttl = lockTtlMs(ttlMs);
    return this.run('tryLock', () => {
      const now = this.clock();
      return this.q.tryLock.run({ key, owner, expires: now + ttl, now }).changes > 0;
    });
  }

  async unlock(key: string, owner: string): Promise<void> {
    await this.run('unlock', () => this.q.unlock.run(key, owner));
  }

  // --- retention ---

  prune(before: Date): Promise<PruneCounts> {
    return this.run('prune', () => this.retention.prune(before.getTime(), this.clock()));
  }
}

function parsed<T>(text: string | undefined, what: string): T | undefined {
  return text === undefined ? undefined : fromJson<T>(text, what);
}

function parsedAll<T>(texts: string[], what: string): T[] {
  return texts.map((t) => fromJson<T>(t, what));
}
