import { StoreUnavailableError } from './port';

/**
 * What both stores share: records are kept as JSON text, and caller mistakes (a bad
 * instant, a bad TTL) are refused before the backend is asked, as plain errors — they
 * are not the backend's fault, so they are not `StoreUnavailableError`.
 */

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new StoreUnavailableError(`stored ${what} is not valid JSON`, { cause: err });
  }
}

/** Milliseconds since the epoch of an ISO instant; rejects text that is not one. */
export function instantMs(iso: string, what: string): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} ${JSON.stringify(iso)} is not an ISO 8601 instant`);
  return ms;
}

/** A lock lifetime as a whole number of milliseconds, at least 1. */
export function lockTtlMs(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`lock TTL must be a positive number of milliseconds, got ${ttlMs}`);
  return Math.max(1, Math.ceil(ttlMs));
}

/** `undefined` for "no limit"; otherwise a whole number ≥ 0. */
export function listLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (Number.isNaN(limit) || limit < 0) throw new RangeError(`limit must be a number ≥ 0, got ${limit}`);
  return limit === Infinity ? undefined : Math.floor(limit);
}

export function seenLimit(limit: number | undefined, fallback: number): number {
  const n = limit ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`seenLimit must be a whole number ≥ 1, got ${n}`);
  return n;
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
