import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteDatabase = BetterSqlite3.Database;

// better-sqlite3 is a native module: it is loaded when the first embedded database opens,
// so a replica on Redis starts (and runs) without it being built or installed.
const requireHere = createRequire(__filename);
let driver: typeof BetterSqlite3 | undefined;

/** Opens (creating if missing) an SQLite file with better-sqlite3, loading the driver on first use. */
export function openSqliteFile(file: string): SqliteDatabase {
  driver ??= requireHere('better-sqlite3') as typeof BetterSqlite3;
  return new driver(file);
}
