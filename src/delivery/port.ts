import type { Platform } from '../model';
import type { AlertMessage } from '../format/message';

/**
 * What delivery needs from a platform. One implementation per platform lives in
 * src/delivery/senders; the outbox drives them and owns retries.
 */
export interface Sender {
  readonly platform: Platform;
  /** Post a new top-level message. `idempotencyKey` is stable across retries of one job. */
  post(channelId: string, msg: AlertMessage, opts: { idempotencyKey: string }): Promise<{ ref: string }>;
  /** Replace the content of a message posted earlier. */
  edit(channelId: string, ref: string, msg: AlertMessage): Promise<void>;
  /** A short reply in the message's thread (Slack thread, Discord reply). */
  reply(channelId: string, ref: string, text: string, opts: { idempotencyKey: string }): Promise<{ ref: string }>;
  /**
   * After an unknown outcome (timeout, crash), find a message this bot already posted
   * for `idempotencyKey`, if the platform lets us look. Undefined when none or unknowable.
   */
  findPosted?(channelId: string, idempotencyKey: string): Promise<{ ref: string } | undefined>;
}

export type DeliveryFailure =
  /** The platform asked us to wait; not the message's fault: retry without spending an attempt. */
  | 'rate_limited'
  /** 5xx, network error: retry with backoff, bounded. */
  | 'transient'
  /** 403/404/invalid channel: stop, mark the subscription broken. */
  | 'permanent'
  /** Timed out after sending: the message may or may not exist. */
  | 'unknown';

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
