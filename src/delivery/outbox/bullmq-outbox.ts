import Redis from 'ioredis';
import { DelayedError, Queue, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { DeadLetter, DeliveryJob, JobHandler, Outbox, OutboxOptions } from '../outbox-port';
import type { DeliveryFailure } from '../port';
import { backoffDelay } from './backoff';
import { KEEP_DEAD, KEEP_DONE_MS, checkJob, checkOptions } from './job-rules';
import { pollUntilDrained, settlesWithin } from './waiting';

export interface BullmqOutboxConfig {
  redisUrl: string;
  /** Default `delivery`. No `:`. */
  queueName?: string;
  /** Redis key prefix. Default `tocsin`. */
  prefix?: string;
  options: OutboxOptions;
  /**
   * Job lock (BullMQ `lockDuration`); the stalled check runs every `leaseMs / 2`. A job of a
   * process that died runs again within about 1.5 × leaseMs. Default 15 s (so ≤ ~25 s).
   */
  leaseMs?: number;
  /** Connection and worker errors (Redis down…): the outbox keeps going and reconnects. */
  onError?: (err: Error) => void;
}

const JOB_NAME = 'deliver';
const BACKOFF_TYPE = 'tocsin';
/** A job recovered from a dead worker more often than this is dead-lettered (poison job). */
const MAX_STALLED = 5;
/** How long close() waits for running jobs to be handed back after giving up on them. */
const HAND_BACK_MS = 2000;
const FAILURES: readonly DeliveryFailure[] = ['rate_limited', 'transient', 'permanent', 'unknown'];

/**
 * The outbox on Redis: a BullMQ queue, a worker in every replica. Dead letters are the
 * queue's failed set (bounded by `removeOnFail`), so recording one is atomic with the failure;
 * the failure kind travels in the error message as `kind|reason`.
 */
export class BullmqOutbox implements Outbox {
  private readonly queue: Queue<DeliveryJob>;
  private readonly queueConn: Redis;
  private worker?: { worker: Worker<DeliveryJob>; conn: Redis };
  private readonly leaseMs: number;
  private readonly onError: (err: Error) => void;
  /** Resolves when close() gives up waiting: running jobs are then handed back. */
  private readonly giveUp = deferred();

  constructor(private readonly cfg: BullmqOutboxConfig) {
    checkOptions(cfg.options);
    this.leaseMs = cfg.leaseMs ?? 15_000;
    this.onError = cfg.onError ?? (() => undefined);
    // Enqueue and counts fail after one reconnect attempt instead of hanging while Redis is down.
    this.queueConn = this.connect(1);
    this.queue = new Queue<DeliveryJob>(this.queueName, { connection: this.queueConn, prefix: this.prefix });
    this.queue.on('error', (e) => this.onError(e));
  }

  private get queueName(): string {
    return this.cfg.queueName ?? 'delivery';
  }

  private get prefix(): string {
    return this.cfg.prefix ?? 'tocsin';
  }

  private connect(maxRetriesPerRequest: number | null): Redis {
    const conn = new Redis(this.cfg.redisUrl, { maxRetriesPerRequest });
    conn.on('error', (e: Error) => this.onError(e));
    return conn;
  }

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    const now = Date.now();
    const bulk = jobs.map((job) => ({
      name: JOB_NAME,
      data: job,
      opts: {
        // An id already present (waiting, running, completed within KEEP_DONE_MS, or dead) is ignored.
        jobId: job.id,
        delay: checkJob(job, now) - now,
        attempts: this.cfg.options.maxAttempts,
        backoff: { type: BACKOFF_TYPE },
        removeOnComplete: { age: Math.round(KEEP_DONE_MS / 1000) },
        removeOnFail: { count: KEEP_DEAD },
      },
    }));
    if (bulk.length) await this.queue.addBulk(bulk);
  }

  start(handler: JobHandler): void {
    if (this.worker) throw new Error('outbox: already started');
    const opts = this.cfg.options;
    const conn = this.connect(null);
    const worker = new Worker<DeliveryJob>(this.queueName, (job, token) => runJob(handler, job, token, this.giveUp.promise), {
      connection: conn,
      prefix: this.prefix,
      concurrency: opts.concurrency,
      lockDuration: this.leaseMs,
      stalledInterval: Math.max(100, Math.round(this.leaseMs / 2)),
      maxStalledCount: MAX_STALLED,
      settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(attemptsMade, opts) },
    });
    worker.on('error', (e) => this.onError(e));
    this.worker = { worker, conn };
  }

  async pendingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async drain(timeoutMs: number): Promise<{ pending: number; dead: number }> {
    const pending = await pollUntilDrained(() => this.pendingCount(), timeoutMs);
    return { pending, dead: await this.queue.getFailedCount() };
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const jobs = await this.queue.getFailed(0, Math.max(1, limit) - 1);
    return jobs.filter((j) => j?.data).map((j) => toDeadLetter(j.data, j.failedReason, j.attemptsMade, j.finishedOn));
  }

  /**
   * Waits up to `timeoutMs` for running jobs, then hands the rest back to the queue (waiting,
   * attempt unchanged). If even that fails (Redis gone), their locks lapse and the stalled
   * check of another replica, or of this one after restart, runs them again.
   */
  async close(timeoutMs = 10_000): Promise<void> {
    const w = this.worker;
    if (w) {
      const closing = w.worker.close();
      closing.catch((e: Error) => this.onError(e));
      if (!(await settlesWithin(closing, timeoutMs))) {
        this.giveUp.resolve();
        if (!(await settlesWithin(closing, HAND_BACK_MS))) await w.worker.disconnect().catch(() => undefined);
      }
      w.conn.disconnect();
    }
    await this.queue.close().catch((e: Error) => this.onError(e));
    this.queueConn.disconnect();
  }
}

/** Runs the handler and turns its outcome into what BullMQ understands. */
async function runJob(handler: JobHandler, job: Job<DeliveryJob>, token: string | undefined, giveUp: Promise<void>): Promise<void> {
  let outcome;
  try {
    outcome = await Promise.race([handler(job.data, job.attemptsMade + 1), giveUp.then(() => undefined)]);
  } catch (e) {
    throw new Error(encode('unknown', `handler threw: ${e instanceof Error ? e.message : String(e)}`));
  }
  if (!outcome) {
    // Closing: hand the job back (lock released, attempt unchanged); BullMQ leaves it there.
    await job.moveToWait(token);
    throw new WaitingError();
  }
  if (outcome.status === 'done') return;
  if (outcome.status === 'wait') {
    // Per job, not `worker.rateLimit`: that would pause the whole queue (every channel,
    // every platform) for one channel's 429 or one coalescing delay. `skipAttempt` inside.
    await job.moveToDelayed(Date.now() + Math.max(0, outcome.ms), token);
    throw new DelayedError();
  }
  const message = encode(outcome.failure, outcome.reason);
  if (outcome.failure === 'permanent') throw new UnrecoverableError(message);
  throw new Error(message);
}

function encode(failure: DeliveryFailure, reason: string): string {
  return `${failure}|${reason}`;
}

function toDeadLetter(job: DeliveryJob, failedReason: string | undefined, attempts: number, finishedOn?: number): DeadLetter {
  const text = failedReason ?? '';
  const bar = text.indexOf('|');
  const kind = bar > 0 ? (text.slice(0, bar) as DeliveryFailure) : undefined;
  const known = kind !== undefined && FAILURES.includes(kind);
  return {
    job,
    // Failures BullMQ makes itself (a job stalled too often) carry no kind: unknown.
    failure: known ? kind : 'unknown',
    reason: known ? text.slice(bar + 1) : text,
    at: new Date(finishedOn ?? Date.now()).toISOString(),
    attempts,
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
