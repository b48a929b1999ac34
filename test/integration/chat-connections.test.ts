/**
 * Issue 14: `/alerts` over the Discord gateway and Slack Socket Mode, with the real clients
 * (discord.js Client, Bolt's SocketModeReceiver) inside a running `tocsin run --role web`,
 * against local servers speaking each protocol. Same permission checks as over HTTP, and
 * still after a dropped connection (Discord: RESUME) or a `disconnect` (Slack: reconnect).
 */
import { makeConfigDir, makeDataDir } from '../support/cli';
import { BOT_USER_ID, startFakeDiscord, startFakeSlack, type FakeDiscord, type FakeSlack } from '../support/fake-platforms';
import { alertsInteraction, GATEWAY_SESSION, startFakeDiscordGateway, type FakeDiscordGateway } from '../support/fake-discord-gateway';
import { startFakeSlackSocket, type FakeSlackSocket } from '../support/fake-slack-socket';
import { startCli, type RunningCli } from '../support/running-cli';
import { oneFeed } from '../support/world';

const TOKEN = 'discord-gateway-test-token';
const GUILD = '200000000000000001';
const CHANNEL = '200000000000000002';
const MEMBER = '300000000000000001';
const MANAGER = '300000000000000002';
const MANAGE_GUILD = String(1 << 5);

const baseEnv = () => ({
  TOCSIN_CONFIG_DIR: makeConfigDir(oneFeed('unused', 'http://127.0.0.1:9/unused.xml')),
  TOCSIN_DATA_DIR: makeDataDir(),
});

describe('Discord gateway with the real discord.js client', () => {
  let gateway: FakeDiscordGateway;
  let discord: FakeDiscord;
  let bot: RunningCli | undefined;

  beforeAll(async () => {
    gateway = await startFakeDiscordGateway({ botUserId: BOT_USER_ID, token: TOKEN });
    discord = await startFakeDiscord({ gatewayUrl: gateway.url });
  });
  afterAll(async () => {
    await bot?.stop();
    await Promise.all([gateway.close(), discord.close()]);
  });

  /** Dispatches `/alerts …` and resolves with the reply's body, however discord.js sent it. */
  async function ask(subcommand: string, userId: string, permissions: string, options: { name: string; type: number; value: string }[] = []) {
    const interaction = alertsInteraction({ subcommand, options, channelId: CHANNEL, guildId: GUILD, userId, permissions });
    gateway.dispatch('INTERACTION_CREATE', interaction);
    const path = `/api/v10/interactions/${String(interaction.id)}/${String(interaction.token)}/callback`;
    const callback = await discord.waitForRequest((r) => r.path === path, 120_000);
    if (callback.body?.type === 4) return callback.body.data as { embeds: { title?: string; description?: string }[]; flags?: number };
    // Deferred (type 5): the answer is the edit of the original response.
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/webhooks/`) && r.path.includes(String(interaction.token)), 120_000);
    return edit.body as { embeds: { title?: string; description?: string }[]; flags?: number };
  }
  const text = (reply: { embeds: { title?: string; description?: string }[] }) => reply.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n');

  it('logs in through GET /gateway/bot, IDENTIFY and READY, heartbeats, and answers /alerts', async () => {
    bot = startCli(['run', '--role', 'web'], { ...baseEnv(), DISCORD_TOKEN: TOKEN, DISCORD_GATEWAY: 'on', DISCORD_API_URL: discord.url });
    const identify = await gateway.waitFor('identify');
    expect(identify.d.token).toBe(TOKEN);
    expect(discord.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(true);
    // A heartbeat (acknowledged by the fake) shows the session is up.
    await gateway.waitFor('heartbeat');

    const status = await ask('status', MEMBER, '0');
    expect(text(status)).toMatch(/alert levels/i);
    const refused = await ask('subscribe', MEMBER, '0', [{ name: 'countries', type: 3, value: 'FR' }]);
    expect(refused.embeds[0]?.title).toBe('Admins only');
    expect(refused.flags).toBe(64);
  });

  it('resumes its session after a dropped connection and keeps the same checks', async () => {
    gateway.drop(4000);
    const resume = await gateway.waitFor('resume');
    expect(resume.d.session_id).toBe(GATEWAY_SESSION);
    expect(resume.d.seq).toBeGreaterThanOrEqual(3);
    expect(gateway.events.filter((e) => e.kind === 'identify')).toHaveLength(1);

    const status = await ask('status', MEMBER, '0');
    expect(text(status)).toMatch(/alert levels/i);
    const refused = await ask('subscribe', MEMBER, '0', [{ name: 'countries', type: 3, value: 'FR' }]);
    expect(refused.embeds[0]?.title).toBe('Admins only');
    const allowed = await ask('subscribe', MANAGER, MANAGE_GUILD, [{ name: 'countries', type: 3, value: 'FR' }]);
    expect(allowed.embeds[0]?.title).not.toBe('Admins only');
    expect(text(allowed)).toMatch(/FR|France/);
  });
});

describe('Slack Socket Mode with Bolt', () => {
  let socket: FakeSlackSocket;
  let slack: FakeSlack;
  let bot: RunningCli | undefined;
  const SLACK_CHANNEL = 'C0SOCKET1';

  beforeAll(async () => {
    socket = await startFakeSlackSocket();
    slack = await startFakeSlack({ socketModeUrl: socket.url, users: { UOWNER: { is_owner: true } } });
  });
  afterAll(async () => {
    await bot?.stop();
    await Promise.all([socket.close(), slack.close()]);
  });

  /** Sends `/alerts <text>` and resolves with the reply, from the ack or from response_url. */
  async function ask(text: string, user: string): Promise<string> {
    const responseUrl = `${slack.url}response/${user}-${Date.now()}`;
    const ack = await socket.slashCommand({ command: '/alerts', text, user_id: user, user_name: user.toLowerCase(), channel_id: SLACK_CHANNEL, channel_name: 'alerts', team_id: 'TFAKE', team_domain: 'fake', api_app_id: 'AFAKE', response_url: responseUrl, trigger_id: 't', token: 'deprecated' });
    const payload = ack.payload as { text?: string; blocks?: { text?: { text?: string } }[] } | undefined;
    const body = payload?.text === 'Working on it…' ? ((await slack.waitForRequest((r) => r.path === new URL(responseUrl).pathname, 20_000)).body as typeof payload) : payload;
    return [body?.text ?? '', ...(body?.blocks ?? []).map((b) => b.text?.text ?? '')].join('\n');
  }

  it('opens the socket through apps.connections.open, acknowledges envelopes with the reply', async () => {
    bot = startCli(['run', '--role', 'web'], { ...baseEnv(), SLACK_BOT_TOKEN: 'xoxb-socket-test', SLACK_APP_TOKEN: 'xapp-socket-test', SLACK_API_URL: slack.url });
    await socket.waitForConnection(1);
    const open = await slack.waitForRequest((r) => r.path.endsWith('apps.connections.open'));
    expect(String(open.headers.authorization)).toBe('Bearer xapp-socket-test');

    expect(await ask('status', 'UMEMBER')).toMatch(/alert levels/i);
    expect(await ask('subscribe countries=FR', 'UMEMBER')).toMatch(/Admins only/);
  });

  it('reconnects after a disconnect message and keeps the same checks', async () => {
    socket.disconnect();
    await socket.waitForConnection(2);
    expect(slack.requests.filter((r) => r.path.endsWith('apps.connections.open'))).toHaveLength(2);

    expect(await ask('status', 'UMEMBER')).toMatch(/alert levels/i);
    expect(await ask('subscribe countries=FR', 'UMEMBER')).toMatch(/Admins only/);
    const allowed = await ask('subscribe countries=FR', 'UOWNER');
    expect(allowed).not.toMatch(/Admins only/);
    expect(allowed).toMatch(/FR|France/);
    expect(socket.acks.every((a) => a.connection <= 2)).toBe(true);
    expect(socket.acks.slice(-3).every((a) => a.connection === 2)).toBe(true);
  });
});
