import type { Store } from '../store/port';
import type { Logger } from '../pipeline/deps';

export interface RetentionDeps {
  store: Pick<Store, 'prune' | 'tryLock'>;
  /** TOCSIN_RETENTION_DAYS. */
  retentionDays: number;
  log: Logger;
  clock: () => Date;
  owner: string;
}

/** How often a running bot prunes; replicas share the work through a lock per period. */
export const RETENTION_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * One retention run: removes what is older than the retention period. Only one replica
 * per period does it (the lock names the period); a failure is logged, never thrown —
 * the next period tries again.
 */
export async function pruneExpired(deps: RetentionDeps): Promise<void> {
  const now = deps.clock().getTime();
  try {
    const period = Math.floor(now / RETENTION_EVERY_MS);
    if (!(await deps.store.tryLock(`retention-${period}`, deps.owner, RETENTION_EVERY_MS))) return;
    const before = new Date(now - deps.retentionDays * DAY_MS);
    const removed = await deps.store.prune(before);
    const total = removed.incidents + removed.deliveries + removed.seen + removed.locks;
    if (total) deps.log.info({ ...removed, before: before.toISOString() }, 'retention: pruned old records');
  } catch (err) {
    deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'retention: prune failed, will retry next period');
  }
}
