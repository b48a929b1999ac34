import { randomUUID } from 'node:crypto';
import { openSqliteFile, type SqliteDatabase } from '../../store/sqlite-driver';
import type { DeadLetter, DeliveryJob, JobHandler, JobOutcome, Outbox, OutboxOptions } from '../outbox-port';
import { checkJob, checkOptions } from './job-rules';
import type { ClaimedRow } from './sqlite-jobs-table';
import { SqliteJobsTable } from './sqlite-jobs-table';
import { pollUntilDrained, settlesWithin } from './waiting';

export interface SqliteOutboxConfig {
  /** An open database (e.g. the embedded store's, tables are our own) or a file path. */
  db: SqliteDatabase | string;
  options: OutboxOptions;
  /**
   * A running job's lease, renewed every third of it while the handler runs. A job of a
   * process that died runs again once its lease lapsed. Default 15 s.
   */
  leaseMs?: number;
  /** How often due jobs are looked for when idle. Default 250 ms. */
  pollMs?: number;
  onError?: (err: Error) => void;
}

/** A job recovered from a dead process more often than this is dead-lettered (poison job). */
const MAX_STALLED = 5;
const PRUNE_EVERY_MS = 3600_000;

/** The embedded outbox: a table in SQLite and an in-process worker loop. */
export class SqliteOutbox implements Outbox {
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly table: SqliteJobsTable;
  /** This worker's lease owner token: a lease taken over by another process is never written back. */
  private readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly onError: (err: Error) => void;
  private handler?: JobHandler;
  private readonly running = new Map<string, Promise<void>>();
  private tickTimer?: NodeJS.Timeout;
  private renewTimer?: NodeJS.Timeout;
  private lastPrune = 0;
  private stopped = false;
  private dbClosed = false;

  constructor(private readonly cfg: SqliteOutboxConfig) {
    checkOptions(cfg.options);
    this.ownsDb = typeof cfg.db === 'string';
    this.db = typeof cfg.db === 'string' ? openFile(cfg.db) : cfg.db;
    this.table = new SqliteJobsTable(this.db);
    this.leaseMs = cfg.leaseMs ?? 15_000;
    this.pollMs = cfg.pollMs ?? 250;
    this.onError = cfg.onError ?? (() => undefined);
  }

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    const now = Date.now();
    this.table.insert(jobs.map((job) => ({ job, runAt: checkJob(job, now) })));
    this.wake();
  }

  start(handler: JobHandler): void {
    if (this.handler) throw new Error('outbox: already started');
    if (this.stopped) throw new Error('outbox: closed');
    this.handler = handler;
    this.renewTimer = setInterval(() => this.guard(() => this.table.renew(this.owner, this.leaseMs)), this.leaseMs / 3);
    this.renewTimer.unref();
    this.wake();
  }

  async pendingCount(): Promise<number> {
    return this.table.pendingCount();
  }

  async drain(timeoutMs: number): Promise<{ pending: number; dead: number }> {
    const pending = await pollUntilDrained(() => this.pendingCount(), timeoutMs);
    return { pending, dead: this.table.deadCount() };
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.table.deadLetters(Math.max(1, limit));
  }

  /** Stops claiming; waits up to `timeoutMs` for running jobs; makes the rest due again at once. */
  async close(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.tickTimer);
    await settlesWithin(Promise.all(this.running.values()), timeoutMs);
    clearInterval(this.renewTimer);
    this.guard(() => this.table.handBack(this.owner));
    if (this.ownsDb) {
      this.dbClosed = true;
      this.db.close();
    }
  }

  /** Look for due jobs now (after an enqueue, or when a slot frees). */
  private wake(): void {
    if (!this.handler || this.stopped) return;
    clearTimeout(this.tickTimer);
    this.tickTimer = setTimeout(() => this.tick(), 0);
    this.tickTimer.unref();
  }

  private tick(): void {
    if (this.stopped || !this.handler) return;
    const handler = this.handler;
    this.guard(() => {
      const now = Date.now();
      if (now - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = now;
        this.table.prune(now);
      }
      const free = this.cfg.options.concurrency - this.running.size;
      if (free <= 0) return;
      for (const row of this.table.claim(this.owner, free, this.leaseMs, now)) {
        const p = this.run(handler, row).finally(() => {
          this.running.delete(row.id);
          this.wake();
        });
        this.running.set(row.id, p);
      }
    });
    this.tickTimer = setTimeout(() => this.tick(), this.pollMs);
    this.tickTimer.unref();
  }

  private async run(handler: JobHandler, row: ClaimedRow): Promise<void> {
    if (row.stalls > MAX_STALLED) {
      this.guard(() => this.table.killRow(row, this.owner, 'unknown', `job stalled more than ${MAX_STALLED} times`));
      return;
    }
    let outcome: JobOutcome;
    try {
      outcome = await handler(JSON.parse(row.payload) as DeliveryJob, row.attempts + 1);
    } catch (e) {
      outcome = { status: 'failed', failure: 'unknown', reason: `handler threw: ${e instanceof Error ? e.message : String(e)}` };
    }
    // A job still running at close() was handed back; its late outcome is dropped.
    if (this.dbClosed) return;
    this.guard(() => this.table.settle(row, this.owner, outcome, this.cfg.options));
  }

  private guard(f: () => void): void {
    if (this.dbClosed) return;
    try {
      f();
    } catch (e) {
      this.onError(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

function openFile(file: string): SqliteDatabase {
  const db = openSqliteFile(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // as in the store: safe against process crashes, far fewer fsyncs
  db.pragma('busy_timeout = 5000');
  return db;
}
