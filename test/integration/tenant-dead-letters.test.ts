/**
 * Issue 13.5 through the real endpoints: deliveries that gave up in guild A and guild B (and
 * a Slack workspace), made by the real CLI against the recording platforms; then the bot's
 * own HTTP server answers signed `/alerts sources` requests. Each guild's admins see their
 * own dead letters only; non-admins see source health only.
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { loadConfig, startRuntime, type Runtime } from '../../src/app';
import { startServing } from '../../src/cli/serve';
import { runCli } from '../support/cli';
import { rss, type TestItem } from '../support/feed-server';
import { discordError, slackError, SLACK_BOT } from '../support/fake-platforms';
import { oneFeed, startWorld, type World } from '../support/world';

const GUILD_A = '710000000000000001';
const GUILD_B = '720000000000000002';
const CH_A = '701701701701701701';
const CH_B = '702702702702702702';
const SLACK_CH = 'C0DEADLTR';
const SECRET = 'slack-signing-secret';
const calm: TestItem = { title: 'Markets calm ahead of holiday', description: 'Trading was quiet.', guid: 'calm', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };
const attack: TestItem = {
  title: 'Gunman kills 3 in shooting at Rotterdam station',
  description: 'A gunman opened fire at Rotterdam central station in the Netherlands, killing 3 people, police said.',
  guid: 'attack-1', link: 'https://news.example/rotterdam', pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
};

function rawPublicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

describe('/alerts sources across tenants', () => {
  const keys = generateKeyPairSync('ed25519');
  let w: World;
  let runtime: Runtime;
  let served: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    w = await startWorld('embedded', (url) => oneFeed('wire', `${url}/wire.xml`), { DISCORD_PUBLIC_KEY: rawPublicKeyHex(keys.publicKey), LOG_LEVEL: 'silent' }, {
      discord: { channelGuilds: { [CH_A]: GUILD_A, [CH_B]: GUILD_B } },
    });
    for (const c of [`discord:${CH_A}`, `discord:${CH_B}`, `slack:${SLACK_CH}`]) expect((await runCli(['subscribe', c], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('wire', [calm]) });
    expect((await runCli(['run', '--once'], w.env)).code).toBe(0);
    // Every channel refuses the alert: one dead letter each.
    w.discord.fail({ match: { method: 'POST', channel: CH_A }, times: Infinity, respond: discordError(403, 50001, 'Missing Access in guild A') });
    w.discord.fail({ match: { method: 'POST', channel: CH_B }, times: Infinity, respond: discordError(403, 50001, 'Missing Access in guild B') });
    w.slack.fail({ match: { path: 'chat.postMessage', channel: SLACK_CH }, times: Infinity, respond: slackError('is_archived') });
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attack]) });
    expect((await runCli(['run', '--once'], w.env)).code).toBe(1);
    w.slack.users.set('USLACKADM', { is_admin: true });
    runtime = await startRuntime(loadConfig({ ...w.env, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0' }), { writeConsole: () => undefined });
    served = await startServing(runtime);
  });
  afterAll(async () => {
    await served?.close();
    await runtime?.close();
    await w?.close();
  });

  async function discordSources(guild: string, channel: string, permissions: string): Promise<string> {
    const body = JSON.stringify({
      id: '1', application_id: 'app', token: 'tok', type: 2, guild_id: guild, channel_id: channel,
      member: { permissions, user: { id: '800', username: 'someone' } },
      data: { id: '2', name: 'alerts', type: 1, options: [{ type: 1, name: 'sources', options: [] }] },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(ts + body), keys.privateKey).toString('hex');
    const res = await fetch(`${served.url}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
      body,
    });
    expect(res.status).toBe(200);
    return JSON.stringify(await res.json());
  }

  async function slackSources(user: string): Promise<string> {
    const body = new URLSearchParams({ command: '/alerts', text: 'sources', user_id: user, channel_id: SLACK_CH, team_id: SLACK_BOT.team_id, response_url: `${w.slack.url}response/x`, trigger_id: 't' }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`${served.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-signature': sig, 'x-slack-request-timestamp': ts },
      body,
    });
    expect(res.status).toBe(200);
    return res.text();
  }

  it('shows a guild A admin guild A\'s dead letter and nothing of guild B or Slack', async () => {
    const reply = await discordSources(GUILD_A, CH_A, '8');
    expect(reply).toContain(`discord:${CH_A}`);
    expect(reply).toContain('guild A');
    expect(reply).not.toContain(CH_B);
    expect(reply).not.toContain('guild B');
    expect(reply).not.toContain(SLACK_CH);
  });

  it('shows a guild B admin only guild B\'s', async () => {
    const reply = await discordSources(GUILD_B, CH_B, '32'); // Manage Server
    expect(reply).toContain(`discord:${CH_B}`);
    expect(reply).not.toContain(CH_A);
  });

  it('shows a non-admin source health and no dead letters', async () => {
    const reply = await discordSources(GUILD_A, CH_A, '0');
    expect(reply).toMatch(/wire \(feed, every 1m\)/);
    expect(reply).not.toMatch(/gave up|Missing Access|discord:/);
  });

  it('shows a Slack admin the workspace\'s own dead letter only, and a member none', async () => {
    const admin = await slackSources('USLACKADM');
    expect(admin).toContain(`slack:${SLACK_CH}`);
    expect(admin).not.toMatch(/discord:|Missing Access/);
    const member = await slackSources('UMEMBER');
    expect(member).toMatch(/wire/);
    expect(member).not.toMatch(/gave up|is_archived/);
  });
});
