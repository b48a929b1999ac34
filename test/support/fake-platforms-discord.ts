import { startFakeServer, type FailResponse, type FakeReply, type FakeServer, type Recorded } from './fake-platforms-http';

export interface FakeDiscordMessage {
  id: string;
  channel_id: string;
  type: number;
  content: string;
  embeds: unknown[];
  author: { id: string; username: string; bot: boolean };
  timestamp: string;
  edited_timestamp: string | null;
  nonce?: string | number;
  message_reference?: { message_id: string; channel_id?: string };
  /** Not in Discord's answer; kept so tests can check what the message was allowed to ping. */
  allowed_mentions?: unknown;
}

export interface FakeDiscordThread {
  id: string;
  type: 11;
  parent_id: string;
  name: string;
  /** Not in Discord's answer: the message the thread was started from. */
  message_id: string;
}

export interface FakeDiscord extends FakeServer {
  /** Live messages by id (edits applied, deletes removed). */
  messages: Map<string, FakeDiscordMessage>;
  /** Live messages of one channel, oldest first. */
  inChannel(channelId: string): FakeDiscordMessage[];
  /** Registered application commands by `applicationId` or `applicationId/guildId` (PUT replaces). */
  commands: Map<string, unknown[]>;
  /** Threads started from messages (`POST /channels/:c/messages/:m/threads`), by thread id (= the message id). */
  threads: Map<string, FakeDiscordThread>;
  /** Interaction callbacks (`POST /interactions/:id/:token/callback`) and webhook follow-ups, in order. */
  interactionReplies: { path: string; method: string; body: unknown }[];
}

export interface FakeDiscordOptions {
  /** When given, any other channel id answers 404 Unknown Channel (10003). */
  channels?: string[];
  botUserId?: string;
  /** Guild of each channel for `GET /channels/:id`; DEFAULT_GUILD_ID otherwise. */
  channelGuilds?: Record<string, string>;
  /** Answered by `GET /gateway/bot` (a local fake gateway's ws URL). */
  gatewayUrl?: string;
}

export const DEFAULT_GUILD_ID = '300000000000000001';

export const BOT_USER_ID = '100000000000000001';

/** Discord's error body. */
export function discordError(status: number, code: number, message: string): FakeReply {
  return { status, body: { message, code } };
}

/** A 429 as Discord sends it: header in seconds, body with `retry_after`. */
export function discordRateLimit(seconds: number, global = false): FailResponse {
  return {
    status: 429,
    headers: { 'Retry-After': String(seconds), 'X-RateLimit-Scope': global ? 'global' : 'user', ...(global ? { 'X-RateLimit-Global': 'true' } : {}) },
    body: { message: 'You are being rate limited.', retry_after: seconds, global },
  };
}

const V = '/api/v10';
const invalid = (why: string): FakeReply => ({ status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { why } } });

/** Why an embed would be refused, per Discord's documented limits. */
function embedProblem(e: Record<string, unknown>): string | undefined {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const fields = Array.isArray(e.fields) ? (e.fields as Record<string, unknown>[]) : [];
  const footer = str((e.footer as { text?: unknown } | undefined)?.text);
  if (str(e.title).length > 256) return 'embed title over 256';
  if (str(e.description).length > 4096) return 'embed description over 4096';
  if (fields.length > 25) return 'more than 25 fields';
  for (const f of fields) {
    if (!str(f.name) || !str(f.value)) return 'empty field name or value';
    if (str(f.name).length > 256 || str(f.value).length > 1024) return 'field too long';
  }
  if (footer.length > 2048) return 'footer over 2048';
  if (e.url !== undefined && !/^https?:\/\//.test(str(e.url))) return 'embed url not http(s)';
  const total = str(e.title).length + str(e.description).length + footer.length
    + fields.reduce((n, f) => n + str(f.name).length + str(f.value).length, 0);
  return total > 6000 ? 'embed total over 6000' : undefined;
}

function bodyProblem(b: Record<string, unknown>): string | undefined {
  const embeds = Array.isArray(b.embeds) ? (b.embeds as Record<string, unknown>[]) : [];
  if (typeof b.content === 'string' && b.content.length > 2000) return 'content over 2000';
  if (embeds.length > 10) return 'more than 10 embeds';
  if (b.nonce !== undefined && String(b.nonce).length > 25) return 'nonce over 25 characters';
  return embeds.map(embedProblem).find(Boolean);
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const messages = new Map<string, FakeDiscordMessage>();
  const byNonce = new Map<string, string>();
  const botId = opts.botUserId ?? BOT_USER_ID;
  let nextId = 1_200_000_000_000_000_000n;
  const threads = new Map<string, FakeDiscordThread>();
  const known = (channel: string) => !opts.channels || opts.channels.includes(channel) || threads.has(channel);

  /** Start Thread from Message: the thread takes the message's id; one thread per message. */
  function startThread(channel: string, id: string, b: Record<string, unknown>): FakeReply {
    const msg = messages.get(id);
    if (!msg || msg.channel_id !== channel) return discordError(404, 10008, 'Unknown Message');
    if (threads.has(id)) return discordError(400, 160004, 'A thread has already been created for this message');
    const name = typeof b.name === 'string' ? b.name : '';
    if (!name || name.length > 100) return invalid('thread name must be 1-100 characters');
    const thread: FakeDiscordThread = { id, type: 11, parent_id: channel, name, message_id: id };
    threads.set(id, thread);
    return { status: 201, body: thread };
  }

  function create(channel: string, b: Record<string, unknown>): FakeReply {
    const problem = bodyProblem(b);
    const embeds = Array.isArray(b.embeds) ? b.embeds : [];
    if (problem) return invalid(problem);
    if (!b.content && !embeds.length) return discordError(400, 50006, 'Cannot send an empty message');
    const nonceKey = b.nonce !== undefined && b.enforce_nonce ? `${channel}:${String(b.nonce)}` : undefined;
    const earlier = nonceKey ? messages.get(byNonce.get(nonceKey) ?? '') : undefined;
    if (earlier) return { status: 200, body: earlier };
    const ref = b.message_reference as { message_id?: string; fail_if_not_exists?: boolean } | undefined;
    if (ref?.message_id && messages.get(ref.message_id)?.channel_id !== channel && ref.fail_if_not_exists !== false) {
      return invalid('message_reference: Unknown message');
    }
    const msg: FakeDiscordMessage = {
      id: String(nextId++),
      channel_id: channel,
      type: ref ? 19 : 0,
      content: typeof b.content === 'string' ? b.content : '',
      embeds,
      author: { id: botId, username: 'tocsin', bot: true },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      allowed_mentions: b.allowed_mentions,
    };
    if (b.nonce !== undefined) msg.nonce = b.nonce as string | number;
    if (ref?.message_id) msg.message_reference = { message_id: ref.message_id, channel_id: channel };
    messages.set(msg.id, msg);
    if (nonceKey) byNonce.set(nonceKey, msg.id);
    return { status: 200, body: msg };
  }

  function edit(channel: string, id: string, b: Record<string, unknown>): FakeReply {
    const msg = messages.get(id);
    if (!msg || msg.channel_id !== channel) return discordError(404, 10008, 'Unknown Message');
    const problem = bodyProblem(b);
    if (problem) return invalid(problem);
    if (typeof b.content === 'string') msg.content = b.content;
    if (Array.isArray(b.embeds)) msg.embeds = b.embeds;
    if (b.allowed_mentions !== undefined) msg.allowed_mentions = b.allowed_mentions;
    msg.edited_timestamp = new Date().toISOString();
    return { status: 200, body: msg };
  }

  const inChannel = (channel: string) => [...messages.values()].filter((m) => m.channel_id === channel);

  const commands = new Map<string, unknown[]>();
  const interactionReplies: FakeDiscord['interactionReplies'] = [];

  /** Routes that answer interactions: authorised by the interaction token in the path, not the bot token. */
  function interaction(r: Recorded): FakeReply | undefined {
    if (!/^\/api\/v10\/(interactions\/\d+\/[^/]+\/callback|webhooks\/\d+\/[^/]+)/.test(r.path)) return undefined;
    interactionReplies.push({ path: r.path, method: r.method, body: r.body });
    if (r.path.endsWith('/callback')) return { status: 204 };
    return { status: 200, body: { id: String(nextId++), ...(typeof r.body === 'object' ? r.body : {}) } };
  }

  function registered(r: Recorded): FakeReply | undefined {
    const m = r.path.match(/^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (!m) return undefined;
    const key = m[2] ? `${m[1]}/${m[2]}` : String(m[1]);
    if (r.method === 'PUT' && Array.isArray(r.body)) {
      commands.set(key, (r.body as object[]).map((c) => ({ id: String(nextId++), application_id: m[1], ...c })));
    }
    return { status: 200, body: commands.get(key) ?? [] };
  }

  function handle(r: Recorded): FakeReply {
    const answered = interaction(r);
    if (answered) return answered;
    if (!/^Bot \S+/.test(String(r.headers.authorization ?? ''))) return discordError(401, 0, '401: Unauthorized');
    const commandReply = registered(r);
    if (commandReply) return commandReply;
    if (r.method === 'GET' && r.path === `${V}/gateway/bot` && opts.gatewayUrl) {
      return { status: 200, body: { url: opts.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } } };
    }
    if (r.method === 'GET' && r.path === `${V}/users/@me`) return { status: 200, body: { id: botId, username: 'tocsin', bot: true } };
    const c = r.path.match(/^\/api\/v10\/channels\/(\d+)$/);
    if (c && r.method === 'GET') {
      const id = c[1] ?? '';
      if (!known(id)) return discordError(404, 10003, 'Unknown Channel');
      const thread = threads.get(id);
      if (thread) return { status: 200, body: { ...thread, guild_id: opts.channelGuilds?.[thread.parent_id] ?? DEFAULT_GUILD_ID } };
      return { status: 200, body: { id, type: 0, guild_id: opts.channelGuilds?.[id] ?? DEFAULT_GUILD_ID } };
    }
    const t = r.path.match(/^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (t && r.method === 'POST') {
      if (!known(t[1] ?? '')) return discordError(404, 10003, 'Unknown Channel');
      return startThread(t[1] ?? '', t[2] ?? '', (typeof r.body === 'object' && r.body ? r.body : {}) as Record<string, unknown>);
    }
    const m = r.path.match(/^\/api\/v10\/channels\/(\d+)\/messages(?:\/(\d+))?$/);
    if (!m) return discordError(404, 0, '404: Not Found');
    const [, channel = '', id] = m;
    if (!known(channel)) return discordError(404, 10003, 'Unknown Channel');
    const body = (typeof r.body === 'object' && r.body ? r.body : {}) as Record<string, unknown>;
    if (!id && r.method === 'POST') return create(channel, body);
    if (!id && r.method === 'GET') {
      const limit = Math.min(100, Number(r.query.limit ?? 50) || 50);
      return { status: 200, body: inChannel(channel).reverse().slice(0, limit) };
    }
    if (id && r.method === 'PATCH') return edit(channel, id, body);
    const msg = id ? messages.get(id) : undefined;
    if (!msg || msg.channel_id !== channel) return discordError(404, 10008, 'Unknown Message');
    if (r.method === 'GET') return { status: 200, body: msg };
    if (r.method === 'DELETE') {
      messages.delete(msg.id);
      return { status: 204 };
    }
    return discordError(405, 0, '405: Method Not Allowed');
  }

  const server = await startFakeServer(
    { channelOf: (r) => r.path.match(/\/channels\/(\d+)/)?.[1], handle },
    '/api',
  );
  return { ...server, messages, inChannel, threads, commands, interactionReplies };
}
