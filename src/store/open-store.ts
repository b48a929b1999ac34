import type { Store } from './port';
import { RedisStore } from './redis-store';
import { SqliteStore } from './sqlite-store';

export interface OpenStoreOptions {
  /** Set: keep state in this Redis (`redis://host:port/db`). Unset: the embedded store. */
  redisUrl?: string;
  /** Where the embedded store keeps `tocsin.db` (created if missing). */
  dataDir: string;
  /** Redis key prefix; default `tocsin:`. */
  prefix?: string;
  /** TOCSIN_RETENTION_DAYS: Redis keys of incidents, deliveries and seen ids expire after this long untouched. */
  retentionDays?: number;
}

/**
 * The store the operator asked for: Redis when a URL is given, else the embedded
 * SQLite file. It does not wait for Redis to answer — call `ping()` to check; every
 * call rejects with `StoreUnavailableError` while Redis cannot be reached.
 * Rejects when the embedded file cannot be opened or the Redis URL is malformed. The
 * native SQLite driver is loaded only when the embedded store opens (see sqlite-driver).
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const redisUrl = opts.redisUrl?.trim();
  if (redisUrl) {
    const retention = opts.retentionDays ? { retentionMs: opts.retentionDays * 86_400_000 } : {};
    return new RedisStore(redisUrl, opts.prefix === undefined ? retention : { ...retention, prefix: opts.prefix });
  }
  return new SqliteStore(opts.dataDir);
}
