/** The log methods an outage report needs (pino's logger fits). */
export interface OutageLogger {
  error(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

const FIRST_REPEAT_MS = 60_000;
const MAX_REPEAT_MS = 60 * 60_000;

/**
 * Logs a dependency going down and coming back once each, not on every failed call: a
 * store outage seen by a loop ticking every second, in every replica, would otherwise
 * flood the log. While it lasts, a reminder (with the count of failures since) follows
 * after 1 min, then 2, 4… up to once an hour.
 */
export class OutageLog {
  private down = false;
  private failures = 0;
  private nextReportMs = 0;
  private repeatMs = FIRST_REPEAT_MS;

  constructor(
    private readonly log: OutageLogger,
    private readonly what: string,
    private readonly clock: () => number = Date.now,
  ) {}

  failed(err: unknown): void {
    const now = this.clock();
    this.failures++;
    const reason = err instanceof Error ? err.message : String(err);
    if (!this.down) {
      this.down = true;
      this.failures = 1;
      this.repeatMs = FIRST_REPEAT_MS;
      this.nextReportMs = now + this.repeatMs;
      this.log.error({ err: reason }, `${this.what} unreachable`);
      return;
    }
    if (now < this.nextReportMs) return;
    this.log.error({ err: reason, failures: this.failures }, `${this.what} still unreachable`);
    this.repeatMs = Math.min(this.repeatMs * 2, MAX_REPEAT_MS);
    this.nextReportMs = now + this.repeatMs;
  }

  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info({ failures: this.failures }, `${this.what} reachable again`);
  }
}
