/**
 * Issue 8, observability: no token reaches the log (the logger alone, and the real CLI with
 * platforms that fail and even echo the token back), and a running `tocsin run` serves
 * GET /healthz and GET /metrics and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger';
import { makeConfigDir, makeDataDir, ROOT, runCli } from '../support/cli';
import { rss, startFeedServer, type FeedServer, type TestItem } from '../support/feed-server';
import { startFakeDiscord, startFakeSlack, type FakeDiscord, type FakeSlack } from '../support/fake-platforms';

const SECRETS = {
  DISCORD_TOKEN: 'dsc-SECRET-token-7f3a9c1e5b',
  SLACK_BOT_TOKEN: 'xoxb-SECRET-slack-5e2d8b0a',
  SLACK_SIGNING_SECRET: 'sss-SECRET-signing-4c1f9d',
};
const SECRET_VALUES = Object.values(SECRETS);

const calm: TestItem[] = [{ title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' }];
const attack: TestItem = {
  title: 'Gunman kills 4 in attack at Lyon market',
  description: 'A gunman opened fire on shoppers at a market in Lyon, France, killing four people, police said.',
  guid: 'attack-1',
  link: 'https://news.example/lyon',
  pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
};

function collectingStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('createLogger', () => {
  it('redacts secrets by key and by value, and keeps the rest of the line', () => {
    const out = collectingStream();
    const log = createLogger({ level: 'debug', secrets: [SECRETS.DISCORD_TOKEN, SECRETS.SLACK_BOT_TOKEN, undefined], destination: out.stream });
    log.info({ token: 'any-token-value', discord: { token: SECRETS.DISCORD_TOKEN }, headers: { authorization: `Bot ${SECRETS.DISCORD_TOKEN}` } }, 'posting');
    log.warn({ err: `request https://slack.example/api?token=${SECRETS.SLACK_BOT_TOKEN} failed` }, `Slack said ${SECRETS.SLACK_BOT_TOKEN} is invalid`);
    log.error({ detail: { deep: [`quoted ${SECRETS.DISCORD_TOKEN} here`] } }, 'nested');
    const text = out.text();
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    for (const secret of [...SECRET_VALUES.slice(0, 2), 'any-token-value']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ msg: 'posting', token: '[Redacted]', discord: { token: '[Redacted]' } });
    expect(lines[1]?.msg).toBe('Slack said [Redacted] is invalid');
    expect(lines[1]?.err).toBe('request https://slack.example/api?token=[Redacted] failed');
    expect(lines[2]).toMatchObject({ detail: { deep: ['quoted [Redacted] here'] } });
  });

  it('logs nothing below its level', () => {
    const out = collectingStream();
    const log = createLogger({ level: 'warn', secrets: [], destination: out.stream });
    log.info({}, 'quiet');
    log.warn({}, 'loud');
    expect(out.text()).not.toContain('quiet');
    expect(out.text()).toContain('loud');
  });
});

describe('no token reaches the log of tocsin run --once', () => {
  let feeds: FeedServer;
  let discord: FakeDiscord;
  let slack: FakeSlack;

  beforeAll(async () => {
    feeds = await startFeedServer();
    discord = await startFakeDiscord();
    slack = await startFakeSlack();
  });

  afterAll(async () => {
    await Promise.all([feeds?.close(), discord?.close(), slack?.close()]);
  });

  it('prints no secret at debug level while deliveries fail, even when the platform echoes the token', async () => {
    feeds.set('/world.xml', { body: rss('World', calm) });
    // A source whose URL carries the token and redirects to itself: its error quotes the URL.
    const leaky = `${feeds.url}/loop?token=${SECRETS.DISCORD_TOKEN}`;
    feeds.set('/loop', { status: 302, body: '', headers: { location: leaky } });
    const env: Record<string, string> = {
      TOCSIN_CONFIG_DIR: makeConfigDir(
        `sources:\n  - id: local-world\n    type: feed\n    url: ${feeds.url}/world.xml\n    every: 1m\n    language: en\n` +
          `  - id: leaky-url\n    type: feed\n    url: '${leaky}'\n    every: 1m\n`,
      ),
      TOCSIN_DATA_DIR: makeDataDir(),
      DISCORD_GATEWAY: 'off',
      DISCORD_API_URL: discord.url,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: 'debug',
      ...SECRETS,
    };
    for (const channel of ['discord:444444444444444444', 'slack:C0LOGTEST']) expect((await runCli(['subscribe', channel], env)).code).toBe(0);
    const baseline = await runCli(['run', '--once'], env);
    expect(baseline.code).toBe(0);
    expect(baseline.stderr).not.toContain(SECRETS.DISCORD_TOKEN);

    discord.fail({ match: { method: 'POST' }, times: Infinity, respond: { status: 401, body: { message: `401: Unauthorized: bad token ${SECRETS.DISCORD_TOKEN}`, code: 0 } } });
    slack.fail({ match: { path: 'chat.postMessage' }, times: Infinity, respond: { status: 200, body: { ok: false, error: 'invalid_auth', token: SECRETS.SLACK_BOT_TOKEN } } });
    feeds.set('/world.xml', { body: rss('World', [attack, ...calm]) });
    const r = await runCli(['run', '--once'], env);

    // The platforms did refuse (with the token in their answer), and the run said so.
    expect(discord.requests.some((q) => q.method === 'POST' && String(q.headers.authorization).includes(SECRETS.DISCORD_TOKEN))).toBe(true);
    expect(slack.requests.some((q) => q.path.endsWith('chat.postMessage'))).toBe(true);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('delivery could not complete');
    expect(r.stderr).toMatch(/redirect loop at [^"]*token=\[Redacted\]/);
    // Both deliveries gave up for the platforms' reasons (recorded as dead letters).
    expect(r.stderr).toMatch(/"dead":2\b/);
    const report = await runCli(['sources', '--json'], env);
    const dead = (JSON.parse(report.stdout) as { deadLetters: { reason: string }[] }).deadLetters.map((d) => d.reason).join('\n');
    expect(dead).toMatch(/401/);
    expect(dead).toMatch(/invalid_auth/);
    const subs = await runCli(['subscriptions', '--json'], env);
    for (const out of [r.stdout, r.stderr, report.stdout, subs.stdout]) {
      for (const secret of SECRET_VALUES) expect(out).not.toContain(secret);
      expect(out).not.toContain('SECRET');
    }
  }, 180_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('GET /healthz and /metrics of tocsin run', () => {
  it('serves health and metrics, counts the first poll, and exits 0 on SIGTERM', async () => {
    const feeds = await startFeedServer();
    feeds.set('/world.xml', { body: rss('World', calm) });
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tocsin.js'), 'run'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(port),
        TOCSIN_CONFIG_DIR: makeConfigDir(`sources:\n  - id: local-world\n    type: feed\n    url: ${feeds.url}/world.xml\n    every: 30s\n`),
        TOCSIN_DATA_DIR: makeDataDir(),
        TOCSIN_ALLOW_PRIVATE_FETCH: '1',
        TOCSIN_METRICS_TOKEN: METRICS_TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await waitFor('/healthz', async () => {
        const res = await fetch(`${base}/healthz`);
        return res.status === 200 ? ((await res.json()) as { ok: boolean; store: string }) : undefined;
      });
      expect(health).toMatchObject({ ok: true, store: 'ok' });
      const metrics = await waitFor('the first poll in /metrics', async () => {
        const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
        return /tocsin_polls_total\{source="local-world",outcome="ok"\} 1\b/.test(text) ? text : undefined;
      });
      for (const name of ['tocsin_deliveries_total', 'tocsin_time_to_alert_seconds', 'tocsin_fetch_not_modified_total', 'tocsin_poll_duration_seconds', 'tocsin_detections_total']) {
        expect(metrics).toContain(name);
      }
      expect(metrics).toMatch(/^# TYPE tocsin_time_to_alert_seconds histogram$/m);
      // TOCSIN_METRICS_TOKEN set: no token or a wrong one gets 401 and no figures.
      for (const headers of [{}, { authorization: 'Bearer not-the-metrics-token' }] as Record<string, string>[]) {
        const refused = await fetch(`${base}/metrics`, { headers });
        expect(refused.status).toBe(401);
        expect(await refused.text()).not.toContain('tocsin_polls_total');
      }
      expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exited, new Promise<string>((r) => (timer = setTimeout(() => r('still running'), 20_000)))]);
      clearTimeout(timer);
      if (code === 'still running') child.kill('SIGKILL');
      await feeds.close();
      expect(code).toBe(0);
      expect(stderr).not.toMatch(/"level":(50|60)/);
    }
  }, 60_000);
});
