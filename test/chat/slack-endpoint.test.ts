import { createHmac } from 'node:crypto';
import { createSlackHandler } from '../../src/chat/slack';
import type { CommandDeps } from '../../src/commands';
import type { RunningHttpServer } from '../../src/http';
import { startHttpServer } from '../../src/http';
import { level } from '../commands/memory-store';
import { gate, startFakeApi, tempStore } from './support';

const SECRET = 'test-signing-secret';

interface SlackBody {
  response_type?: string;
  text?: string;
  blocks?: { text?: { text: string } }[];
  challenge?: string;
}
const CHANNEL = 'C0123';
// Feed-borne text must not be able to ping.
const reading = level({ name_en: 'SEVERE <!channel> & co', url: 'https://example.test/threat-level' });
const USERS: Record<string, { is_admin: boolean; is_owner?: boolean }> = {
  U_ADMIN: { is_admin: true },
  U_OWNER: { is_admin: false, is_owner: true },
  U_MEMBER: { is_admin: false },
};

describe('POST /slack/events', () => {
  const { store, dispose } = tempStore();
  const sampleGate = gate();
  let slackApi: Awaited<ReturnType<typeof startFakeApi>>;
  let server: RunningHttpServer;

  beforeAll(async () => {
    await store.putLevel(reading);
    slackApi = await startFakeApi((r) => {
      if (r.url === '/api/users.info') {
        const id = new URLSearchParams(r.body).get('user') ?? '';
        const u = USERS[id];
        return { json: u ? { ok: true, user: { id, ...u } } : { ok: false, error: 'user_not_found' } };
      }
      return { json: { ok: true } };
    });
    const deps: CommandDeps = { store, sources: [], postSample: () => sampleGate.wait };
    const { handle } = createSlackHandler({
      signingSecret: SECRET,
      botToken: 'xoxb-test',
      botId: 'B1',
      botUserId: 'U_BOT',
      apiUrl: `${slackApi.url}/api/`,
      admins: ['U_LISTED'],
      deps,
      ackDeadlineMs: 200,
    });
    server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [{ method: 'POST', path: '/slack/events', handle }] });
  });
  afterAll(async () => {
    sampleGate.open();
    await server.close();
    await slackApi.close();
    await dispose();
  });

  function form(text: string, user: string, extra: Record<string, string> = {}): string {
    return new URLSearchParams({ command: '/alerts', text, user_id: user, channel_id: CHANNEL, team_id: 'T1', response_url: `${slackApi.url}/respond`, trigger_id: 't', ...extra }).toString();
  }

  async function post(body: string, opts: { secret?: string; ageSeconds?: number; contentType?: string } = {}) {
    const ts = String(Math.floor(Date.now() / 1000) - (opts.ageSeconds ?? 0));
    const sig = `v0=${createHmac('sha256', opts.secret ?? SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': opts.contentType ?? 'application/x-www-form-urlencoded', 'x-slack-signature': sig, 'x-slack-request-timestamp': ts },
      body,
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as SlackBody };
  }

  const usersInfoCalls = () => slackApi.requests.filter((r) => r.url === '/api/users.info').length;
  const blockText = (json: SlackBody) => (json.blocks ?? []).map((b) => b.text?.text ?? '').join('\n');

  it('answers a signed /alerts status with the current levels, escaped, in channel', async () => {
    const { status, json } = await post(form('status', 'U_MEMBER'));
    expect(status).toBe(200);
    expect(json.response_type).toBe('in_channel');
    const text = blockText(json);
    expect(text).toContain('*Alert levels*');
    expect(text).toContain('(4 of 5), since 2024-02-08 00:00 UTC — https://example.test/threat-level');
    expect(text).toContain('SEVERE / SEVERE &lt;!channel&gt; &amp; co');
    expect(text).not.toContain('<!channel>');
    // A read-only subcommand does not look the user up.
    expect(usersInfoCalls()).toBe(0);
  });

  it('refuses a wrong signature and a ten-minute-old timestamp, and runs nothing', async () => {
    const body = form('subscribe countries=FR', 'U_ADMIN');
    expect((await post(body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await post(body, { ageSeconds: 600 })).status).toBe(401);
    const unsigned = await fetch(`${server.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(401);
    expect(await store.listSubscriptions()).toEqual([]);
    expect(usersInfoCalls()).toBe(0);
  });

  it("refuses a non-admin's subscribe, ephemerally, with the store unchanged", async () => {
    const { json } = await post(form('subscribe countries=FR,GB kinds=attack min-severity=high', 'U_MEMBER'));
    expect(json.response_type).toBe('ephemeral');
    expect(blockText(json)).toContain('*Admins only*');
    expect(await store.listSubscriptions()).toEqual([]);
    expect(usersInfoCalls()).toBe(1);
  });

  it("stores a workspace admin's subscribe (users.info)", async () => {
    const { json } = await post(form('subscribe countries=FR,GB kinds=attack min-severity=high languages=en,fr', 'U_ADMIN'));
    expect(json.response_type).toBe('ephemeral');
    expect(blockText(json)).toContain('*Subscribed*');
    expect(await store.getSubscription({ platform: 'slack', id: CHANNEL })).toMatchObject({
      countries: ['FR', 'GB'],
      kinds: ['attack'],
      minSeverity: 'high',
      languages: ['en', 'fr'],
    });
    const lookup = slackApi.requests.filter((r) => r.url === '/api/users.info').at(-1)!;
    expect(lookup.headers.authorization).toBe('Bearer xoxb-test');
  });

  it('lets owners and TOCSIN_SLACK_ADMINS users administer too', async () => {
    await post(form('subscribe countries=DE', 'U_OWNER'));
    expect((await store.getSubscription({ platform: 'slack', id: CHANNEL }))?.countries).toEqual(['DE']);
    const before = usersInfoCalls();
    await post(form('unsubscribe', 'U_LISTED'));
    expect(await store.listSubscriptions()).toEqual([]);
    expect(usersInfoCalls()).toBe(before);
  });

  it('answers bad input with an ephemeral usage reply', async () => {
    const { json } = await post(form('status Narnia', 'U_MEMBER'));
    expect(json.response_type).toBe('ephemeral');
    expect(blockText(json)).toContain('Usage: /alerts status [country]');
  });

  it('acks a slow command, then answers through response_url', async () => {
    const { json } = await post(form('test', 'U_LISTED'));
    expect(json).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
    sampleGate.open();
    while (!slackApi.requests.some((r) => r.url === '/respond')) await new Promise((r) => setTimeout(r, 10));
    const later = JSON.parse(slackApi.requests.find((r) => r.url === '/respond')!.body) as SlackBody;
    expect(later.response_type).toBe('ephemeral');
    expect(blockText(later)).toContain('*Sample alert posted*');
  });

  it('answers a signed url_verification challenge', async () => {
    const { json } = await post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }), { contentType: 'application/json' });
    expect(json).toEqual({ challenge: 'abc123' });
  });
});
