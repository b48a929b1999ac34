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
  /**
   * A short note in the message's thread (Slack `thread_ts`; on Discord a thread started from
   * the message, created on first use). `threadRef` is the thread a previous note went to, and
   * the answer names the thread used, so later notes go to the same one.
   */
  reply(channelId: string, ref: string, text: string, opts: ReplyOptions): Promise<{ ref: string; threadRef?: string }>;
  /**
   * After an unknown outcome (timeout, crash), find a message this bot already posted
   * for `idempotencyKey`, if the platform lets us look. Undefined when none or unknowable.
   */
  findPosted?(channelId: string, idempotencyKey: string): Promise<{ ref: string } | undefined>;
  /** The guild (Discord) or workspace (Slack) a channel belongs to; undefined when unknowable. */
  channelTenant?(channelId: string): Promise<string | undefined>;
}

export interface ReplyOptions {
  idempotencyKey: string;
  /** The thread an earlier note started, if any. */
  threadRef?: string;
  /** Name for a new thread (Discord), e.g. the alert's title. */
  threadName?: string;
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
    /**
     * The message we meant to edit or thread on no longer exists (a moderator deleted it):
     * the channel itself is fine.
     */
    readonly messageGone = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
