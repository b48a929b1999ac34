import Redis from 'ioredis';
import { describeError } from './codec';
import { StoreUnavailableError } from './port';

/**
 * An ioredis client tuned so that an unreachable Redis is an error within seconds,
 * never a call that hangs or a silent "empty": every command is bounded by
 * `commandTimeout`; commands queued before the first connect are failed after one
 * retry; once the client has connected (or failed to), the offline queue is switched
 * off so calls made while Redis is away reject at once. It keeps reconnecting in the
 * background, so the store recovers by itself when Redis is back.
 */
export class RedisConnection {
  readonly client: Redis;
  private lastError: Error | undefined;

  constructor(url: string, timeoutMs: number) {
    if (!/^rediss?:\/\//.test(url)) {
      // Never echo the URL: it may carry a password.
      throw new RangeError('the Redis URL must look like redis://[user:password@]host:port/db (or rediss://)');
    }
    this.client = new Redis(url, {
      connectTimeout: Math.min(timeoutMs, 3000),
      commandTimeout: timeoutMs,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
      enableOfflineQueue: true,
      // disconnect() arms this timer even on an already-dead socket; keep it short.
      disconnectTimeout: 100,
    });
    this.client.on('ready', () => {
      this.lastError = undefined;
      this.client.options.enableOfflineQueue = false;
    });
    // Listening also keeps ioredis from printing "Unhandled error event" on every retry.
    this.client.on('error', (err: Error) => {
      this.lastError = err;
      this.client.options.enableOfflineQueue = false;
    });
  }

  /** Runs `fn`, turning any failure into `StoreUnavailableError` naming the operation. */
  async guard<T>(op: string, fn: (r: Redis) => Promise<T>): Promise<T> {
    try {
      return await fn(this.client);
    } catch (err) {
      if (err instanceof StoreUnavailableError) throw err;
      const reason = this.lastError && this.client.status !== 'ready' ? `${describeError(err)}; last connection error: ${this.lastError.message}` : describeError(err);
      throw new StoreUnavailableError(`Redis store: ${op} failed (${reason})`, { cause: err });
    }
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // fall through: drop the socket instead
      }
    }
    this.client.disconnect();
  }
}
