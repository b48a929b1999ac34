/** A fetch that did not produce a usable body, with one line in plain words saying why. */
export class FetchError extends Error {
  readonly reason: string;
  /** HTTP status when the server answered with an error status. */
  readonly status?: number;
  /** The server's Retry-After header, when it sent one (429, 503). */
  readonly retryAfter?: string;

  constructor(reason: string, extra: { status?: number; retryAfter?: string } = {}) {
    super(reason);
    this.name = 'FetchError';
    this.reason = reason;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
  }
}

/** Sizes in words a person reads: "10 MB", "512 KB", "300 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

/** Durations as "10 s" or "250 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
