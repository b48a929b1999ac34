import type { OutboxOptions } from '../outbox-port';

/**
 * Delay before retry number `failures` (1 = after the first failure): doubles each time,
 * capped at `maxBackoffMs`, with "equal jitter" (half fixed, half random) so that jobs
 * failing together (a platform outage) do not all come back at the same instant.
 */
export function backoffDelay(
  failures: number,
  opts: Pick<OutboxOptions, 'baseBackoffMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.maxBackoffMs, opts.baseBackoffMs * 2 ** Math.max(0, failures - 1));
  const half = exp / 2;
  return Math.round(half + random() * half);
}
