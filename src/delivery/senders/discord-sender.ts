import { createHash } from 'node:crypto';
import { DiscordAPIError, REST, Routes, type RESTOptions } from 'discord.js';
import { plainDiscord, toDiscordMessage, toDiscordReply } from '../../format';
import type { AlertMessage } from '../../format';
import { DeliveryError, type ReplyOptions, type Sender } from '../port';
import { discordFailure } from './discord-errors';
import { TenantCache } from './tenant-cache';

export interface DiscordSenderOptions {
  token: string;
  /** Base URL without the version, e.g. `http://127.0.0.1:PORT/api`; Discord's own by default. */
  apiUrl?: string;
  timeoutMs: number;
}

/**
 * Discord's nonce is at most 25 characters: a base36 digest of the idempotency key, so a
 * retried post carries the same nonce and, with `enforce_nonce`, Discord returns the first message.
 */
export function discordNonce(idempotencyKey: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return BigInt(`0x${digest}`).toString(36).slice(0, 25);
}

const THREAD_NAME_MAX = 100;
/** A week: the longest Discord allows; a later note reopens an archived thread anyway. */
const THREAD_ARCHIVE_MINUTES = 10080;
/** "A thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;

function messageId(res: unknown): string {
  const id = (res as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !id) {
    throw new DeliveryError('unknown', 'Discord answered without a message id');
  }
  return id;
}

/** Posts, edits and threads notes through discord.js REST; the outbox owns retries, so REST never retries or waits. */
export class DiscordSender implements Sender {
  readonly platform = 'discord' as const;
  private readonly rest: REST;
  private readonly guilds = new TenantCache();

  constructor(opts: DiscordSenderOptions) {
    const options: Partial<RESTOptions> = { timeout: opts.timeoutMs, rejectOnRateLimit: () => true, retries: 0 };
    if (opts.apiUrl) options.api = opts.apiUrl.replace(/\/+$/, '');
    this.rest = new REST(options).setToken(opts.token);
  }

  async post(channelId: string, msg: AlertMessage, opts: { idempotencyKey: string }): Promise<{ ref: string }> {
    const body = { ...toDiscordMessage(msg), nonce: discordNonce(opts.idempotencyKey), enforce_nonce: true };
    return { ref: messageId(await this.call(() => this.rest.post(Routes.channelMessages(channelId), { body }))) };
  }

  async edit(channelId: string, ref: string, msg: AlertMessage): Promise<void> {
    await this.call(() => this.rest.patch(Routes.channelMessage(channelId, ref), { body: toDiscordMessage(msg) }));
  }

  /** Notes go to a thread started from the alert, never as a second top-level message. */
  async reply(channelId: string, ref: string, text: string, opts: ReplyOptions): Promise<{ ref: string; threadRef?: string }> {
    const thread = opts.threadRef ?? (await this.startThread(channelId, ref, opts.threadName));
    const body = { ...toDiscordReply(text), nonce: discordNonce(opts.idempotencyKey), enforce_nonce: true };
    return { ref: messageId(await this.call(() => this.rest.post(Routes.channelMessages(thread), { body }))), threadRef: thread };
  }

  /** The channel's guild, asked once per channel (a channel never changes guild). */
  async channelTenant(channelId: string): Promise<string | undefined> {
    return this.guilds.get(channelId, async () => {
      const res = (await this.call(() => this.rest.get(Routes.channel(channelId)))) as { guild_id?: unknown } | null;
      return typeof res?.guild_id === 'string' ? res.guild_id : undefined;
    });
  }

  /** "Start Thread from Message"; a thread started from a message has that message's id. */
  private async startThread(channelId: string, ref: string, name = 'Updates'): Promise<string> {
    // Thread names are plain text of 1–100 characters.
    const body = { name: plainDiscord(name).replace(/\s+/g, ' ').trim().slice(0, THREAD_NAME_MAX) || 'Updates', auto_archive_duration: THREAD_ARCHIVE_MINUTES };
    try {
      return messageId(await this.rest.post(Routes.threads(channelId, ref), { body }));
    } catch (err) {
      // An earlier attempt (perhaps one whose answer was lost) already started it.
      if (err instanceof DiscordAPIError && Number(err.code) === THREAD_ALREADY_CREATED) return ref;
      throw discordFailure(err);
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw discordFailure(err);
    }
  }
}
