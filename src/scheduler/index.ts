/** Scheduling: node-cron ticks, due times in the store, claims across replicas, concurrency limits. */
export { Scheduler, type SchedulerOptions } from './scheduler';
export { ConcurrencyLimiter } from './limiter';
export { pruneExpired, RETENTION_EVERY_MS, type RetentionDeps } from './retention';
