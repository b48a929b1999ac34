import type { DeliveryJob, OutboxOptions } from '../outbox-port';

/** How long completed job ids are remembered, so re-enqueueing them is a no-op. */
export const KEEP_DONE_MS = 7 * 24 * 3600 * 1000;
/** Dead letters kept (newest first); older ones are dropped. */
export const KEEP_DEAD = 1000;

/**
 * Rejects what either backend would choke on, with the job named: BullMQ refuses ids with
 * `:` or made of digits only, and a bad `notBefore` would silently run at once.
 * Returns the instant (ms) the job may run.
 */
export function checkJob(job: DeliveryJob, now: number): number {
  if (!job.id || job.id.includes(':') || /^\d+$/.test(job.id)) {
    throw new Error(`outbox: job id ${JSON.stringify(job.id)} must be non-empty, contain no ':' and not be all digits`);
  }
  if (job.notBefore === undefined) return now;
  const at = Date.parse(job.notBefore);
  if (Number.isNaN(at)) throw new Error(`outbox: job ${job.id} has an invalid notBefore ${JSON.stringify(job.notBefore)}`);
  return Math.max(now, at);
}

export function checkOptions(o: OutboxOptions): void {
  const bad: string[] = [];
  for (const k of ['maxAttempts', 'concurrency'] as const) if (!Number.isInteger(o[k]) || o[k] < 1) bad.push(k);
  for (const k of ['baseBackoffMs', 'maxBackoffMs'] as const) if (!Number.isFinite(o[k]) || o[k] < 0) bad.push(k);
  if (bad.length) throw new Error(`outbox: invalid options ${bad.join(', ')}`);
}
