import { LogLevel, WebClient } from '@slack/web-api';
import { toSlackMessage, toSlackReply } from '../../format';
import type { AlertMessage, SlackMessage } from '../../format';
import { DeliveryError, type ReplyOptions, type Sender } from '../port';
import { slackFailure } from './slack-errors';
import { TenantCache } from './tenant-cache';

export interface SlackSenderOptions {
  token: string;
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:PORT/api/`; Slack's own by default. */
  apiUrl?: string;
  timeoutMs: number;
}

/** Message metadata type that marks our alerts, so a lost answer can be recovered from history. */
export const ALERT_EVENT_TYPE = 'tocsin_alert';
const NOTE_EVENT_TYPE = 'tocsin_note';
const HISTORY_LIMIT = 50;

function messageTs(res: { ts?: unknown }): string {
  if (typeof res.ts !== 'string' || !res.ts) throw new DeliveryError('unknown', 'Slack answered without a message ts');
  return res.ts;
}

/** Posts, edits and replies through the Slack Web API; the outbox owns retries, so the client never retries or waits. */
export class SlackSender implements Sender {
  readonly platform = 'slack' as const;
  private readonly client: WebClient;
  private readonly teams = new TenantCache();

  constructor(opts: SlackSenderOptions) {
    this.client = new WebClient(opts.token, {
      ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/` } : {}),
      timeout: opts.timeoutMs,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  }

  async post(channelId: string, msg: AlertMessage, opts: { idempotencyKey: string }): Promise<{ ref: string }> {
    return this.postMessage(channelId, toSlackMessage(msg), ALERT_EVENT_TYPE, opts.idempotencyKey);
  }

  async edit(channelId: string, ref: string, msg: AlertMessage): Promise<void> {
    await this.call(() => this.client.chat.update({ channel: channelId, ts: ref, ...toSlackMessage(msg), link_names: false }));
  }

  /** Slack threads hang off the message's own ts: no thread to create or remember. */
  async reply(channelId: string, ref: string, text: string, opts: ReplyOptions): Promise<{ ref: string }> {
    return this.postMessage(channelId, { ...toSlackReply(text), thread_ts: ref }, NOTE_EVENT_TYPE, opts.idempotencyKey);
  }

  /** Looks through the channel's latest top-level messages for an alert carrying this key. */
  async findPosted(channelId: string, idempotencyKey: string): Promise<{ ref: string } | undefined> {
    const res = await this.call(() =>
      this.client.conversations.history({ channel: channelId, limit: HISTORY_LIMIT, include_all_metadata: true }),
    );
    const hit = (res.messages ?? []).find(
      (m) =>
        m.metadata?.event_type === ALERT_EVENT_TYPE &&
        (m.metadata.event_payload as Record<string, unknown> | undefined)?.key === idempotencyKey,
    );
    return hit?.ts ? { ref: hit.ts } : undefined;
  }

  /**
   * The channel's workspace: `context_team_id` where Slack gives it, else the token's own
   * workspace (a bot token belongs to one).
   */
  async channelTenant(channelId: string): Promise<string | undefined> {
    return this.teams.get(channelId, async () => {
      // Without channels:read the answer is missing_scope: the token's workspace still answers.
      const info = await this.call(() => this.client.conversations.info({ channel: channelId })).catch(() => undefined);
      const team = (info?.channel as { context_team_id?: unknown } | undefined)?.context_team_id;
      if (typeof team === 'string' && team) return team;
      const auth = await this.call(() => this.client.auth.test());
      return typeof auth.team_id === 'string' ? auth.team_id : undefined;
    });
  }

  /** Every post carries its idempotency key as message metadata, so findPosted can recognise it. */
  private async postMessage(
    channel: string,
    content: { text: string; blocks?: SlackMessage['blocks']; thread_ts?: string },
    eventType: string,
    key: string,
  ): Promise<{ ref: string }> {
    const res = await this.call(() =>
      this.client.chat.postMessage({
        channel,
        ...content,
        unfurl_links: false,
        unfurl_media: false,
        // Plain "@channel" in feed text must stay text (escaping covers the <!channel> form).
        link_names: false,
        metadata: { event_type: eventType, event_payload: { key } },
      }),
    );
    return { ref: messageTs(res) };
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw slackFailure(err);
    }
  }
}
