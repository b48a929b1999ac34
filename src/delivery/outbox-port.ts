import type { DeliveryFailure } from './port';

/** One unit of delivery: bring `channel`'s message for `incidentId` up to `version`. */
export interface DeliveryJob {
  /** Built from incident, version and channel, so the same job is never enqueued twice. No `:` in it (BullMQ). */
  id: string;
  incidentId: string;
  version: number;
  /** `platform:id`, as in ChannelRef keys. */
  channel: string;
  /** ISO instant the job was enqueued. */
  enqueuedAt: string;
  /** Do not run before this instant (edit coalescing). */
  notBefore?: string;
}

/** What the job handler tells the outbox. */
export type JobOutcome =
  | { status: 'done' }
  /** Try again later without spending an attempt (429, coalescing delay). */
  | { status: 'wait'; ms: number }
  /** A failure: the outbox retries `transient` and `unknown` with backoff, bounded; `permanent` never. */
  | { status: 'failed'; failure: DeliveryFailure; reason: string };

export type JobHandler = (job: DeliveryJob, attempt: number) => Promise<JobOutcome>;

export interface DeadLetter {
  job: DeliveryJob;
  reason: string;
  failure: DeliveryFailure;
  at: string;
  attempts: number;
}

export interface OutboxOptions {
  /** Attempts before a job is dead-lettered (waits do not count). */
  maxAttempts: number;
  /** First retry delay; doubles each attempt, with jitter, capped at `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Jobs worked on at once in this process. */
  concurrency: number;
}

/**
 * A durable queue between routing and the platforms. Enqueued jobs survive a crash;
 * a job in flight when the process died runs again after restart.
 */
export interface Outbox {
  /** Idempotent: a job whose id is already queued, running or done is ignored. */
  enqueue(jobs: DeliveryJob[]): Promise<void>;
  /** Start working jobs with `handler` (one worker per process). */
  start(handler: JobHandler): void;
  /** Resolves when nothing is queued or running (or after `timeoutMs`), with what is left. */
  drain(timeoutMs: number): Promise<{ pending: number; dead: number }>;
  /** Jobs waiting or running. */
  pendingCount(): Promise<number>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Stop taking jobs; wait up to `timeoutMs` for running ones, hand back the rest. */
  close(timeoutMs?: number): Promise<void>;
}
