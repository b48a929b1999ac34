import type BetterSqlite3 from 'better-sqlite3';
import type { DeadLetter, DeliveryJob, JobOutcome, OutboxOptions } from '../outbox-port';
import type { DeliveryFailure } from '../port';
import { backoffDelay } from './backoff';
import { KEEP_DEAD, KEEP_DONE_MS } from './job-rules';

/**
 * One table holds every job: `pending` → `running` (leased) → `done` | `dead`. Done and dead
 * rows stay (done for KEEP_DONE_MS, dead up to KEEP_DEAD) so that re-enqueueing their id is
 * a no-op, as with BullMQ; dead rows are the dead letters.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_jobs (
  id          TEXT PRIMARY KEY,
  payload     TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  stalls      INTEGER NOT NULL DEFAULT 0,
  run_at      INTEGER NOT NULL,
  lease_until INTEGER,
  lease_owner TEXT,
  failure     TEXT,
  last_error  TEXT,
  finished_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_jobs_due ON outbox_jobs (state, run_at);
CREATE INDEX IF NOT EXISTS outbox_jobs_lease ON outbox_jobs (state, lease_until);
`;

export interface ClaimedRow {
  id: string;
  payload: string;
  attempts: number;
  stalls: number;
}

interface DeadRow {
  payload: string;
  failure: string | null;
  last_error: string | null;
  finished_at: number;
  attempts: number;
}

/** The SQL of the embedded outbox; every change to a running job checks this owner still holds it. */
export class SqliteJobsTable {
  private readonly s;

  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
    const running = `WHERE id = @id AND lease_owner = @owner AND state = 'running'`;
    this.s = {
      insert: db.prepare(`INSERT OR IGNORE INTO outbox_jobs (id, payload, state, run_at) VALUES (@id, @payload, 'pending', @runAt)`),
      // Due pending jobs, and running ones whose lease lapsed (their process died).
      claim: db.prepare(`UPDATE outbox_jobs
        SET stalls = stalls + (state = 'running'), state = 'running', lease_owner = @owner, lease_until = @leaseUntil
        WHERE id IN (SELECT id FROM outbox_jobs
          WHERE (state = 'pending' AND run_at <= @now) OR (state = 'running' AND lease_until <= @now)
          ORDER BY run_at, id LIMIT @limit)
        RETURNING id, payload, attempts, stalls`),
      renew: db.prepare(`UPDATE outbox_jobs SET lease_until = @leaseUntil WHERE lease_owner = @owner AND state = 'running'`),
      handBack: db.prepare(`UPDATE outbox_jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL
        WHERE lease_owner = @owner AND state = 'running'`),
      done: db.prepare(`UPDATE outbox_jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, finished_at = @now ${running}`),
      later: db.prepare(`UPDATE outbox_jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL,
        run_at = @runAt, attempts = @attempts, failure = @failure, last_error = @error ${running}`),
      dead: db.prepare(`UPDATE outbox_jobs SET state = 'dead', lease_owner = NULL, lease_until = NULL,
        attempts = @attempts, failure = @failure, last_error = @error, finished_at = @now ${running}`),
      pending: db.prepare(`SELECT count(*) AS n FROM outbox_jobs WHERE state IN ('pending', 'running')`),
      deadCount: db.prepare(`SELECT count(*) AS n FROM outbox_jobs WHERE state = 'dead'`),
      deadList: db.prepare(`SELECT payload, failure, last_error, finished_at, attempts FROM outbox_jobs
        WHERE state = 'dead' ORDER BY finished_at DESC, id LIMIT @limit`),
      pruneDone: db.prepare(`DELETE FROM outbox_jobs WHERE state = 'done' AND finished_at < @before`),
      pruneDead: db.prepare(`DELETE FROM outbox_jobs WHERE state = 'dead' AND id NOT IN
        (SELECT id FROM outbox_jobs WHERE state = 'dead' ORDER BY finished_at DESC LIMIT ${KEEP_DEAD})`),
    };
  }

  insert(jobs: { job: DeliveryJob; runAt: number }[]): void {
    this.db.transaction(() => {
      for (const { job, runAt } of jobs) this.s.insert.run({ id: job.id, payload: JSON.stringify(job), runAt });
    })();
  }

  claim(owner: string, limit: number, leaseMs: number, now = Date.now()): ClaimedRow[] {
    return this.s.claim.all({ owner, limit, now, leaseUntil: now + leaseMs }) as ClaimedRow[];
  }

  renew(owner: string, leaseMs: number): void {
    this.s.renew.run({ owner, leaseUntil: Date.now() + leaseMs });
  }

  /** Running jobs of `owner` become due at once (for another worker, or this one after restart). */
  handBack(owner: string): void {
    this.s.handBack.run({ owner });
  }

  /** Records what the handler said; a no-op when `owner` lost the lease meanwhile. */
  settle(row: ClaimedRow, owner: string, outcome: JobOutcome, opts: OutboxOptions): void {
    const now = Date.now();
    const key = { id: row.id, owner };
    if (outcome.status === 'done') {
      this.s.done.run({ ...key, now });
    } else if (outcome.status === 'wait') {
      // Attempts unchanged: waiting is not a failure.
      const last = { failure: null, error: null };
      this.s.later.run({ ...key, ...last, attempts: row.attempts, runAt: now + Math.max(0, outcome.ms) });
    } else {
      const attempts = row.attempts + 1;
      const failed = { failure: outcome.failure, error: outcome.reason, attempts };
      if (outcome.failure === 'permanent' || attempts >= opts.maxAttempts) this.kill(key, failed, now);
      else this.s.later.run({ ...key, ...failed, runAt: now + backoffDelay(attempts, opts) });
    }
  }

  killRow(row: ClaimedRow, owner: string, failure: DeliveryFailure, error: string): void {
    this.kill({ id: row.id, owner }, { failure, error, attempts: row.attempts }, Date.now());
  }

  private kill(key: { id: string; owner: string }, f: { failure: string; error: string; attempts: number }, now: number): void {
    this.db.transaction(() => {
      this.s.dead.run({ ...key, ...f, now });
      this.s.pruneDead.run();
    })();
  }

  pendingCount(): number {
    return (this.s.pending.get() as { n: number }).n;
  }

  deadCount(): number {
    return (this.s.deadCount.get() as { n: number }).n;
  }

  deadLetters(limit: number): DeadLetter[] {
    const rows = this.s.deadList.all({ limit }) as DeadRow[];
    return rows.map((r) => ({
      job: JSON.parse(r.payload) as DeliveryJob,
      failure: (r.failure ?? 'unknown') as DeliveryFailure,
      reason: r.last_error ?? '',
      at: new Date(r.finished_at).toISOString(),
      attempts: r.attempts,
    }));
  }

  prune(now = Date.now()): void {
    this.s.pruneDone.run({ before: now - KEEP_DONE_MS });
  }
}
