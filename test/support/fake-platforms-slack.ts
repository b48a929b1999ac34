import { startFakeServer, type FailResponse, type FakeReply, type FakeServer, type Recorded } from './fake-platforms-http';

export interface FakeSlackMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  user: string;
  bot_id: string;
  thread_ts?: string;
  reply_count?: number;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  edited?: { user: string; ts: string };
}

export interface FakeSlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  name?: string;
}

export interface FakeSlack extends FakeServer {
  /** Live messages, oldest first (edits applied). */
  messages: FakeSlackMessage[];
  /** Ephemeral messages sent with chat.postEphemeral. */
  ephemerals: { channel: string; user: string; text: string; blocks?: unknown[] }[];
  /** Who is an admin or owner, by user id; anyone else is a plain member. */
  users: Map<string, FakeSlackUser>;
  /** Bodies posted to `response_url`s pointing at `<url>response/<anything>`. */
  responses: { path: string; body: unknown }[];
  inChannel(channel: string): FakeSlackMessage[];
}

export interface FakeSlackOptions {
  /** When given, any other channel answers `channel_not_found`. */
  channels?: string[];
  users?: Record<string, FakeSlackUser>;
  /** Workspace of each channel for `conversations.info` (`context_team_id`); the bot's team otherwise. */
  channelTeams?: Record<string, string>;
  /** Answered by `apps.connections.open` (a local fake Socket Mode server's ws URL). */
  socketModeUrl?: string;
}

export const SLACK_BOT = { user_id: 'UTOCSIN', bot_id: 'BTOCSIN', team_id: 'TFAKE', app_id: 'AFAKE' } as const;

export function slackError(error: string): FakeReply {
  return { status: 200, body: { ok: false, error } };
}

/** A 429 as Slack sends it: `Retry-After` in seconds. */
export function slackRateLimit(seconds: number): FailResponse {
  return { status: 429, headers: { 'Retry-After': String(seconds) }, body: { ok: false, error: 'ratelimited' } };
}

const ok = (body: Record<string, unknown>): FakeReply => ({ status: 200, body: { ok: true, ...body } });
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;

/** Why Slack would answer `invalid_blocks`, per the Block Kit limits. */
function blocksProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks) || blocks.length > 50) return 'blocks must be an array of at most 50';
  for (const b of blocks as Record<string, { text?: unknown }>[]) {
    const text = str(b.text?.text);
    const fields = (b as unknown as { fields?: { text?: unknown }[] }).fields;
    if (String(b.type) === 'header' && (!text || text.length > 150)) return 'header text empty or over 150';
    if (String(b.type) === 'section') {
      if (text.length > 3000) return 'section text over 3000';
      if (!text && !fields?.length) return 'section without text or fields';
      if (fields && (fields.length > 10 || fields.some((f) => str(f.text).length > 2000))) return 'section fields over limits';
    }
  }
  return undefined;
}

export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const messages: FakeSlackMessage[] = [];
  const ephemerals: FakeSlack['ephemerals'] = [];
  const responses: FakeSlack['responses'] = [];
  const users = new Map(Object.entries(opts.users ?? {}));
  let counter = 0;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;
  const find = (channel: string, ts: string) => messages.find((m) => m.channel === channel && m.ts === ts);
  const inChannel = (channel: string) => messages.filter((m) => m.channel === channel);

  function postMessage(b: Record<string, unknown>): FakeReply {
    const channel = str(b.channel);
    if (!b.text && !b.blocks) return slackError('no_text');
    if (blocksProblem(b.blocks)) return slackError('invalid_blocks');
    const thread = str(b.thread_ts);
    const parent = thread ? find(channel, thread) : undefined;
    if (thread && !parent) return slackError('thread_not_found');
    const msg: FakeSlackMessage = { type: 'message', channel, ts: nextTs(), text: str(b.text), user: SLACK_BOT.user_id, bot_id: SLACK_BOT.bot_id };
    if (Array.isArray(b.blocks)) msg.blocks = b.blocks;
    if (parent) {
      msg.thread_ts = parent.ts;
      parent.thread_ts = parent.ts;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
    }
    const meta = b.metadata as FakeSlackMessage['metadata'] | undefined;
    if (meta && typeof meta === 'object' && meta.event_type) msg.metadata = meta;
    messages.push(msg);
    return ok({ channel, ts: msg.ts, message: msg });
  }

  function update(b: Record<string, unknown>): FakeReply {
    const msg = find(str(b.channel), str(b.ts));
    if (!msg) return slackError('message_not_found');
    if (blocksProblem(b.blocks)) return slackError('invalid_blocks');
    if (b.text !== undefined) msg.text = str(b.text);
    if (Array.isArray(b.blocks)) msg.blocks = b.blocks;
    msg.edited = { user: SLACK_BOT.user_id, ts: nextTs() };
    return ok({ channel: msg.channel, ts: msg.ts, text: msg.text, message: msg });
  }

  function history(b: Record<string, unknown>, replies: boolean): FakeReply {
    const limit = Math.min(1000, Number(b.limit ?? 100) || 100);
    const withMeta = truthy(b.include_all_metadata);
    const ts = str(b.ts);
    const list = inChannel(str(b.channel)).filter((m) =>
      replies ? m.ts === ts || m.thread_ts === ts : !m.thread_ts || m.thread_ts === m.ts,
    );
    const shown = (replies ? list : list.reverse()).slice(0, limit).map((m) => {
      const { channel: _c, metadata, ...rest } = m;
      return withMeta && metadata ? { ...rest, metadata } : rest;
    });
    return ok({ messages: shown, has_more: list.length > limit, response_metadata: { next_cursor: '' } });
  }

  function handle(r: Recorded): FakeReply {
    if (r.path.startsWith('/response/')) {
      responses.push({ path: r.path, body: r.body });
      return ok({});
    }
    const b = (typeof r.body === 'object' && r.body ? r.body : {}) as Record<string, unknown>;
    const auth = str(r.headers.authorization).replace(/^Bearer\s+/, '') || str(b.token);
    if (!auth) return slackError('not_authed');
    const method = r.path.replace(/^\/api\//, '');
    if ('channel' in b && opts.channels && !opts.channels.includes(str(b.channel))) return slackError('channel_not_found');
    switch (method) {
      case 'apps.connections.open':
        return opts.socketModeUrl && auth.startsWith('xapp-') ? ok({ url: opts.socketModeUrl }) : slackError(opts.socketModeUrl ? 'not_allowed_token_type' : 'unknown_method');
      case 'auth.test':
        return ok({ url: 'https://fake.slack.test/', team: 'Fake', user: 'tocsin', ...SLACK_BOT });
      case 'chat.postMessage':
        return postMessage(b);
      case 'chat.update':
        return update(b);
      case 'conversations.info': {
        const id = str(b.channel);
        return ok({ channel: { id, name: id.toLowerCase(), is_channel: true, context_team_id: opts.channelTeams?.[id] ?? SLACK_BOT.team_id } });
      }
      case 'conversations.history':
        return history(b, false);
      case 'conversations.replies':
        return history(b, true);
      case 'chat.postEphemeral': {
        if (!b.user) return slackError('user_not_found');
        ephemerals.push({ channel: str(b.channel), user: str(b.user), text: str(b.text), ...(Array.isArray(b.blocks) ? { blocks: b.blocks } : {}) });
        return ok({ message_ts: nextTs() });
      }
      case 'users.info': {
        const id = str(b.user);
        const u = users.get(id) ?? {};
        return ok({ user: { id, name: u.name ?? id.toLowerCase(), is_admin: !!u.is_admin, is_owner: !!u.is_owner, is_primary_owner: !!u.is_primary_owner, is_bot: false, deleted: false } });
      }
      default:
        return slackError('unknown_method');
    }
  }

  const server = await startFakeServer(
    { channelOf: (r) => (typeof r.body?.channel === 'string' ? r.body.channel : undefined), handle },
    '/api/',
  );
  return { ...server, messages, ephemerals, users, responses, inChannel };
}
