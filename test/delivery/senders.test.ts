import { WebClient } from '@slack/web-api';
import { REST, Routes } from 'discord.js';
import { DeliveryError } from '../../src/delivery/port';
import { ConsoleSender, DiscordSender, SlackSender, discordNonce } from '../../src/delivery/senders';
import type { AlertMessage } from '../../src/format';
import {
  discordError, discordRateLimit, slackError, slackRateLimit, startFakeDiscord, startFakeSlack,
  type FakeDiscord, type FakeSlack,
} from '../support/fake-platforms';

const msg: AlertMessage = {
  kind: 'attack',
  severity: 'critical',
  title: 'Attack — Krasnogorsk, Russia',
  body: 'Feed says <!channel> @everyone <@U123> & more',
  fields: [{ name: 'Sources', value: '2' }],
  url: 'https://example.org/a',
  footer: '2 sources · first seen 22 Mar 2024 19:20 UTC',
  timestamp: '2024-03-22T19:20:00Z',
};
const huge: AlertMessage = {
  ...msg,
  title: '<@1> '.repeat(200),
  body: '**x** <!channel> & '.repeat(2000),
  fields: Array.from({ length: 40 }, (_, i) => ({ name: `f${i} `.repeat(100), value: '_v_ > '.repeat(500) })),
  footer: '@everyone '.repeat(500),
};
const TOKEN = 'fake-token-not-secret';
const CH = '111111111111111111';

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('DiscordSender against the fake Discord', () => {
  let fake: FakeDiscord;
  // A fresh client per test: discord.js keeps rate-limit buckets per client.
  const sender = (timeoutMs = 5000) => new DiscordSender({ token: TOKEN, apiUrl: fake.url, timeoutMs });
  beforeEach(async () => {
    fake = await startFakeDiscord({ channels: [CH, '222222222222222222'] });
  });
  afterEach(() => fake.close());

  it('posts an embed that cannot ping, with a short nonce, and edits and replies to it', async () => {
    const s = sender();
    const { ref } = await s.post(CH, msg, { idempotencyKey: 'inc-1:discord:111:v1' });
    const post = fake.requests[0]!;
    expect(post.method).toBe('POST');
    expect(post.path).toBe(`/api/v10/channels/${CH}/messages`);
    expect(post.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(post.body.enforce_nonce).toBe(true);
    expect(post.body.nonce).toBe(discordNonce('inc-1:discord:111:v1'));
    expect(post.body.nonce.length).toBeLessThanOrEqual(25);
    expect(post.body.embeds[0].description).toContain('@\u200beveryone');
    expect(fake.messages.get(ref)?.embeds).toHaveLength(1);

    await s.edit(CH, ref, { ...msg, title: 'Attack — updated' });
    expect(fake.requests[1]).toMatchObject({ method: 'PATCH', path: `/api/v10/channels/${CH}/messages/${ref}` });
    expect(fake.requests[1]!.body.allowed_mentions).toEqual({ parse: [] });
    expect((fake.messages.get(ref)?.embeds[0] as { title: string }).title).toBe('Attack — updated');

    const note = await s.reply(CH, ref, 'Death toll now 137 @here', { idempotencyKey: 'inc-1:note:2', threadName: 'Attack — Krasnogorsk @everyone' });
    // A thread started from the alert, then the note inside it: never a reply in the channel.
    expect(fake.requests[2]).toMatchObject({ method: 'POST', path: `/api/v10/channels/${CH}/messages/${ref}/threads` });
    expect(fake.requests[2]!.body.name).toBe('Attack — Krasnogorsk @\u200beveryone');
    expect(note.threadRef).toBe(ref);
    const replied = fake.messages.get(note.ref)!;
    expect(replied.channel_id).toBe(note.threadRef);
    expect(replied.message_reference).toBeUndefined();
    expect(replied.content).toBe('Death toll now 137 @\u200bhere');
    expect(fake.requests[3]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.requests[3]!.body.message_reference).toBeUndefined();
    expect(fake.requests[3]!.body.nonce).not.toBe(post.body.nonce);
    expect(fake.inChannel(CH)).toHaveLength(1);

    // A later note goes straight to the thread it is given.
    const second = await s.reply(CH, ref, 'Injured now 40', { idempotencyKey: 'inc-1:note:3', threadRef: note.threadRef });
    expect(fake.requests[4]).toMatchObject({ method: 'POST', path: `/api/v10/channels/${note.threadRef}/messages` });
    expect(second.threadRef).toBe(note.threadRef);
    expect(fake.inChannel(note.threadRef!)).toHaveLength(2);
  });

  it('uses the existing thread when an earlier attempt already started one', async () => {
    const s = sender();
    const { ref } = await s.post(CH, msg, { idempotencyKey: 'thread-twice' });
    await s.reply(CH, ref, 'one', { idempotencyKey: 'n1' });
    const again = await s.reply(CH, ref, 'two', { idempotencyKey: 'n2' }); // no threadRef remembered
    expect(again.threadRef).toBe(ref);
    expect(fake.threads.size).toBe(1);
    expect(fake.inChannel(ref).map((m) => m.content)).toEqual(['one', 'two']);
  });

  it('says a refused thread is a permanent failure, and a deleted message is a gone message, not a gone channel', async () => {
    const s = sender();
    const { ref } = await s.post(CH, msg, { idempotencyKey: 'refused-thread' });
    fake.fail({ match: { path: /\/threads$/ }, respond: discordError(403, 50013, 'Missing Permissions') });
    const refused = await failure(s.reply(CH, ref, 'note', { idempotencyKey: 'n' }));
    expect(refused.failure).toBe('permanent');
    expect(refused.messageGone).toBe(false);
    fake.messages.delete(ref);
    const gone = await failure(s.edit(CH, ref, msg));
    expect(gone.failure).toBe('permanent');
    expect(gone.messageGone).toBe(true);
    expect(gone.status).toBe(404);
  });

  it('posts once per idempotency key: a retry gets the same message back', async () => {
    const a = await sender().post(CH, msg, { idempotencyKey: 'k1' });
    const b = await sender().post(CH, msg, { idempotencyKey: 'k1' });
    const c = await sender().post(CH, msg, { idempotencyKey: 'k2' });
    expect(b.ref).toBe(a.ref);
    expect(c.ref).not.toBe(a.ref);
    expect(fake.inChannel(CH)).toHaveLength(2);
  });

  it('recovers the message when the answer was lost (accepted, then no reply)', async () => {
    fake.fail({ match: { method: 'POST' }, respond: 'hang-after-accept' });
    const err = await failure(sender(300).post(CH, msg, { idempotencyKey: 'k-lost' }));
    expect(err.failure).toBe('unknown');
    expect(fake.inChannel(CH)).toHaveLength(1);
    const retry = await sender().post(CH, msg, { idempotencyKey: 'k-lost' });
    expect(retry.ref).toBe(fake.inChannel(CH)[0]!.id);
    expect(fake.inChannel(CH)).toHaveLength(1);
  });

  it('fits an oversized message within the limits the fake enforces', async () => {
    const { ref } = await sender().post(CH, huge, { idempotencyKey: 'big' });
    expect(fake.messages.get(ref)?.embeds).toHaveLength(1);
  });

  it('maps 429 to rate_limited with the wait', async () => {
    fake.fail({ match: { path: '/messages' }, respond: discordRateLimit(2) });
    const err = await failure(sender().post(CH, msg, { idempotencyKey: 'k' }));
    expect(err.failure).toBe('rate_limited');
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(2000);
    expect(err.retryAfterMs).toBeLessThan(3000);
    expect(fake.inChannel(CH)).toHaveLength(0);
  });

  it('maps 5xx to transient, without retrying inside the client', async () => {
    fake.fail({ respond: { status: 500, body: { message: 'boom' } } });
    const err = await failure(sender().post(CH, msg, { idempotencyKey: 'k' }));
    expect(err.failure).toBe('transient');
    expect(err.status).toBe(500);
    expect(fake.requests).toHaveLength(1);
  });

  it('maps an unknown channel and missing permissions to permanent', async () => {
    const gone = await failure(sender().post('999999999999999999', msg, { idempotencyKey: 'k' }));
    expect(gone).toMatchObject({ failure: 'permanent', status: 404 });
    expect(gone.message).toContain('10003');
    fake.fail({ match: { channel: '222222222222222222' }, respond: discordError(403, 50013, 'Missing Permissions') });
    const denied = await failure(sender().post('222222222222222222', msg, { idempotencyKey: 'k' }));
    expect(denied).toMatchObject({ failure: 'permanent', status: 403 });
    const noMessage = await failure(sender().edit(CH, '1', msg));
    expect(noMessage).toMatchObject({ failure: 'permanent', status: 404 });
  });

  it('maps a server that never answers to unknown after the timeout', async () => {
    fake.fail({ respond: 'hang' });
    const err = await failure(sender(300).post(CH, msg, { idempotencyKey: 'k' }));
    expect(err.failure).toBe('unknown');
    expect(fake.inChannel(CH)).toHaveLength(0);
  });

  it('also fakes command registration and interaction answers for discord.js REST', async () => {
    const rest = new REST({ api: fake.url, retries: 0, timeout: 5000 }).setToken(TOKEN);
    await rest.put(Routes.applicationGuildCommands('42', '7'), { body: [{ name: 'alerts', description: 'x' }] });
    expect(fake.commands.get('42/7')).toEqual([expect.objectContaining({ name: 'alerts', application_id: '42' })]);
    expect(await rest.get(Routes.applicationGuildCommands('42', '7'))).toHaveLength(1);
    await rest.post(Routes.interactionCallback('9', 'itoken'), { body: { type: 4, data: { content: 'hi' } }, auth: false });
    expect(fake.interactionReplies).toEqual([{ path: '/api/v10/interactions/9/itoken/callback', method: 'POST', body: { type: 4, data: { content: 'hi' } } }]);
  });

  it('maps a refused connection to transient', async () => {
    const url = fake.url;
    await fake.close();
    const err = await failure(new DiscordSender({ token: TOKEN, apiUrl: url, timeoutMs: 2000 }).post(CH, msg, { idempotencyKey: 'k' }));
    expect(err.failure).toBe('transient');
    fake = await startFakeDiscord();
  });
});

describe('SlackSender against the fake Slack', () => {
  let fake: FakeSlack;
  const sender = (timeoutMs = 5000) => new SlackSender({ token: TOKEN, apiUrl: fake.url, timeoutMs });
  beforeEach(async () => {
    fake = await startFakeSlack({ channels: ['C1', 'C2'] });
  });
  afterEach(() => fake.close());

  it('posts blocks with escaped text, metadata and no unfurling; edits; replies in thread', async () => {
    const s = sender();
    const { ref } = await s.post('C1', msg, { idempotencyKey: 'inc-1:slack:C1:v1' });
    const post = fake.requests[0]!;
    expect(post.path).toBe('/api/chat.postMessage');
    expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post.body.unfurl_links).toBe('false');
    expect(post.body.link_names).toBe('false');
    expect(post.body.metadata).toEqual({ event_type: 'tocsin_alert', event_payload: { key: 'inc-1:slack:C1:v1' } });
    expect(post.body.text).toContain('&lt;!channel&gt; @everyone &lt;@U123&gt; &amp; more');
    expect(JSON.stringify(post.body.blocks)).not.toMatch(/<!channel>|<@U123>/);
    expect(fake.messages[0]!.ts).toBe(ref);

    await s.edit('C1', ref, { ...msg, body: 'Now <!here>' });
    expect(fake.requests[1]!.path).toBe('/api/chat.update');
    expect(fake.messages[0]!.text).toContain('Now &lt;!here&gt;');
    expect(fake.messages[0]!.edited).toBeDefined();

    const note = await s.reply('C1', ref, 'Death toll now 137', { idempotencyKey: 'inc-1:note:2' });
    expect(fake.messages.find((m) => m.ts === note.ref)?.thread_ts).toBe(ref);
    expect(fake.messages[0]!.reply_count).toBe(1);
  });

  it('finds a message posted earlier by its metadata key, and only that one', async () => {
    const first = await sender().post('C1', msg, { idempotencyKey: 'key-a' });
    await sender().post('C1', msg, { idempotencyKey: 'key-b' });
    await sender().reply('C1', first.ref, 'note', { idempotencyKey: 'key-c' });
    const later = sender();
    expect(await later.findPosted('C1', 'key-a')).toEqual({ ref: first.ref });
    expect(await later.findPosted('C1', 'key-c')).toBeUndefined();
    expect(await later.findPosted('C2', 'key-a')).toBeUndefined();
    const history = fake.requests.filter((r) => r.path === '/api/conversations.history');
    expect(history[0]!.body).toMatchObject({ channel: 'C1', limit: '50', include_all_metadata: 'true' });
  });

  it('fits an oversized message within the Block Kit limits the fake enforces', async () => {
    const { ref } = await sender().post('C1', huge, { idempotencyKey: 'big' });
    expect(fake.messages.find((m) => m.ts === ref)?.blocks?.length).toBeGreaterThan(2);
  });

  it('serves auth.test, users.info roles and ephemerals to the real WebClient', async () => {
    fake.users.set('UADMIN', { is_admin: true });
    const client = new WebClient(TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, timeout: 5000 });
    expect((await client.auth.test()).user_id).toBe('UTOCSIN');
    expect((await client.users.info({ user: 'UADMIN' })).user?.is_admin).toBe(true);
    expect((await client.users.info({ user: 'UOTHER' })).user?.is_admin).toBe(false);
    await client.chat.postEphemeral({ channel: 'C1', user: 'UOTHER', text: 'only you' });
    expect(fake.ephemerals).toEqual([{ channel: 'C1', user: 'UOTHER', text: 'only you' }]);
    fake.fail({ match: { path: 'users.info' }, times: 2, respond: slackError('user_not_found') });
    await expect(client.users.info({ user: 'UADMIN' })).rejects.toThrow('user_not_found');
    await expect(client.users.info({ user: 'UADMIN' })).rejects.toThrow('user_not_found');
    expect((await client.users.info({ user: 'UADMIN' })).ok).toBe(true);
  });

  it('maps 429 to rate_limited with Retry-After', async () => {
    fake.fail({ match: { path: 'chat.postMessage' }, respond: slackRateLimit(3) });
    const err = await failure(sender().post('C1', msg, { idempotencyKey: 'k' }));
    expect(err).toMatchObject({ failure: 'rate_limited', retryAfterMs: 3000 });
    expect(fake.messages).toHaveLength(0);
  });

  it('maps HTTP 5xx to transient without retrying', async () => {
    fake.fail({ respond: { status: 503, body: 'unavailable' } });
    const err = await failure(sender().post('C1', msg, { idempotencyKey: 'k' }));
    expect(err).toMatchObject({ failure: 'transient', status: 503 });
    expect(fake.requests).toHaveLength(1);
  });

  it('maps channel_not_found, not_in_channel and invalid_auth to permanent', async () => {
    expect((await failure(sender().post('C9', msg, { idempotencyKey: 'k' }))).message).toContain('channel_not_found');
    fake.fail({ match: { channel: 'C2' }, respond: slackError('not_in_channel') });
    const e2 = await failure(sender().post('C2', msg, { idempotencyKey: 'k' }));
    expect(e2.failure).toBe('permanent');
    expect(e2.messageGone).toBe(false);
    fake.fail({ respond: slackError('invalid_auth') });
    expect((await failure(sender().edit('C1', '1.000001', msg))).failure).toBe('permanent');
  });

  it('maps message_not_found (a deleted message) to a gone message, not a gone channel', async () => {
    const e = await failure(sender().edit('C1', '1.000404', msg));
    expect(e.message).toContain('message_not_found');
    expect(e.failure).toBe('permanent');
    expect(e.messageGone).toBe(true);
  });

  it('maps a server that never answers to unknown after the timeout', async () => {
    fake.fail({ respond: 'hang-after-accept' });
    const pending = failure(sender(300).post('C1', msg, { idempotencyKey: 'k-lost' }));
    const seen = await fake.waitForRequest((r) => r.path === '/api/chat.postMessage');
    expect(seen.body.metadata.event_payload.key).toBe('k-lost');
    const err = await pending;
    expect(err.failure).toBe('unknown');
    expect(await sender().findPosted('C1', 'k-lost')).toEqual({ ref: fake.messages[0]!.ts });
  });
});

describe('ConsoleSender', () => {
  it('prints messages with counter refs, once per key; edits and replies are marked', async () => {
    const out: string[] = [];
    const s = new ConsoleSender((t) => out.push(t));
    const a = await s.post('stdout', msg, { idempotencyKey: 'a' });
    const again = await s.post('stdout', msg, { idempotencyKey: 'a' });
    const b = await s.post('stdout', msg, { idempotencyKey: 'b' });
    expect([a.ref, again.ref, b.ref]).toEqual(['console-1', 'console-1', 'console-2']);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^\[CRITICAL\] Attack — Krasnogorsk, Russia\n/);
    await s.edit('stdout', a.ref, msg);
    expect(out[2]).toMatch(/^updated: console-1\n\[CRITICAL\]/);
    await s.reply('stdout', a.ref, 'Death toll now 137', { idempotencyKey: 'n' });
    expect(out[3]).toBe('  ↳ Death toll now 137');
    expect(await s.findPosted('stdout', 'b')).toEqual({ ref: 'console-2' });
  });
});
