import type Database from 'better-sqlite3';

/**
 * The embedded store's schema, versioned with `PRAGMA user_version`: migration `i`
 * brings a database from version `i` to `i + 1`. Add a migration; never edit a released one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE source_states (id TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;
  -- seq: the source's own running number, so "newest" is exact and trimming is cheap.
  CREATE TABLE seen (
    source_id TEXT NOT NULL, item_id TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (source_id, item_id)
  ) WITHOUT ROWID, STRICT;
  CREATE INDEX seen_by_seq ON seen (source_id, seq);
  CREATE TABLE levels (
    authority TEXT NOT NULL, scope TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (authority, scope)
  ) STRICT;
  CREATE TABLE subscriptions (channel TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, last_seen_ms INTEGER NOT NULL, json TEXT NOT NULL
  ) STRICT;
  CREATE INDEX incidents_by_last_seen ON incidents (last_seen_ms);
  CREATE INDEX incidents_by_kind ON incidents (kind, last_seen_ms);
  CREATE TABLE deliveries (
    incident_id TEXT NOT NULL, channel TEXT NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (incident_id, channel)
  ) STRICT;
  CREATE TABLE locks (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_ms INTEGER NOT NULL) STRICT;
  `,
  // The grouping index (src/incidents/index-keys.ts); incidents stored before it are filed on open.
  `
  CREATE TABLE incident_keys (
    key TEXT NOT NULL, incident_id TEXT NOT NULL,
    PRIMARY KEY (key, incident_id)
  ) WITHOUT ROWID, STRICT;
  CREATE INDEX incident_keys_by_incident ON incident_keys (incident_id);
  `,
  // Retention: when an id was last observed in its feed. Rows from before count as seen now,
  // so an upgrade forgets nothing at once.
  `
  ALTER TABLE seen ADD COLUMN seen_ms INTEGER NOT NULL DEFAULT 0;
  UPDATE seen SET seen_ms = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
  CREATE INDEX seen_by_time ON seen (seen_ms);
  CREATE INDEX locks_by_expiry ON locks (expires_ms);
  `,
  // Languages: subscriptions from before read as English in UTC, written out so every row says so.
  `
  UPDATE subscriptions SET json = json_set(json, '$.locale', 'en', '$.timezone', 'UTC')
  WHERE json_extract(json, '$.locale') IS NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings `db` to `SCHEMA_VERSION`; refuses a database written by a newer Tocsin. */
export function migrate(db: Database.Database): void {
  // IMMEDIATE: a second process opening the same file at once waits, then sees the new version.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `its schema version is ${current}, newer than this Tocsin knows (${SCHEMA_VERSION}): upgrade Tocsin or point TOCSIN_DATA_DIR elsewhere`,
      );
    }
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
