/**
 * The delivery outbox: a durable, idempotent job queue between routing and the platforms,
 * with retries (backoff + jitter), waits that spend no attempt, and dead letters.
 * `openOutbox` picks BullMQ when a Redis URL is given, else the embedded SQLite table.
 */
import type Database from 'better-sqlite3';
import type { Outbox, OutboxOptions } from '../outbox-port';
import { BullmqOutbox } from './bullmq-outbox';
import { SqliteOutbox } from './sqlite-outbox';

export { BullmqOutbox } from './bullmq-outbox';
export type { BullmqOutboxConfig } from './bullmq-outbox';
export { SqliteOutbox } from './sqlite-outbox';
export type { SqliteOutboxConfig } from './sqlite-outbox';
export { backoffDelay } from './backoff';

export interface OpenOutboxConfig {
  redisUrl?: string;
  /** The embedded store's database, or a file path; used when `redisUrl` is unset. */
  sqlite?: Database.Database | string;
  options: OutboxOptions;
  /** BullMQ queue name (default `delivery`). */
  queueName?: string;
  /** How soon a job of a dead process runs again (see each implementation). */
  leaseMs?: number;
  onError?: (err: Error) => void;
}

export function openOutbox(cfg: OpenOutboxConfig): Outbox {
  const { options, leaseMs, onError } = cfg;
  if (cfg.redisUrl) return new BullmqOutbox({ redisUrl: cfg.redisUrl, queueName: cfg.queueName, options, leaseMs, onError });
  if (cfg.sqlite !== undefined) return new SqliteOutbox({ db: cfg.sqlite, options, leaseMs, onError });
  throw new Error('outbox: give either a Redis URL or an SQLite database');
}
