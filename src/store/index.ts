/**
 * Storage: the port every stage depends on (`Store` and its small parts), the Redis
 * implementation for several replicas, the embedded SQLite one for a single process,
 * and `openStore`, which picks between them from the config.
 */
export * from './port';
export { RedisStore, type RedisStoreOptions } from './redis-store';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { MemoryStore } from './memory-store';
export { openStore, type OpenStoreOptions } from './open-store';
