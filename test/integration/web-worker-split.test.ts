/**
 * Issue 14: replicas split by role on one Redis. A `--role web` process takes a signed Slack
 * `/alerts subscribe`; a `--role worker` process polls the feed and delivers to the channel
 * the web replica subscribed, once. The web replica polls nothing; the worker serves no chat.
 */
import { createHmac } from 'node:crypto';
import { makeConfigDir } from '../support/cli';
import { rss } from '../support/feed-server';
import { describeRedis } from '../support/redis';
import { startCli, type LogLine, type RunningCli } from '../support/running-cli';
import { oneFeed, startWorld, type World } from '../support/world';
import { RedisStore } from '../../src/store';

const SECRET = 'slack-signing-secret';
const CHANNEL = 'C0SPLIT01';
const calm = { title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };
const attack = { title: 'Gunmen kill 12 in attack on concert hall in Lyon', description: 'Attackers opened fire on the crowd at a concert hall in Lyon, France, killing at least 12 people, police said.', guid: 'attack-1', pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT' };
const running = (l: LogLine) => l.msg === 'Tocsin is running';

async function slashCommand(baseUrl: string, text: string, user: string): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams({ command: '/alerts', text, user_id: user, channel_id: CHANNEL, team_id: 'T1', response_url: 'http://127.0.0.1:9/unused', trigger_id: 't' }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-signature': sig, 'x-slack-request-timestamp': ts }, body });
  return { status: res.status, body: await res.text() };
}

describeRedis('a web replica and a worker replica on one Redis', () => {
  let world: World;
  let web: RunningCli | undefined;
  let worker: RunningCli | undefined;

  afterAll(async () => {
    await Promise.all([web?.stop(), worker?.stop()]);
    await world?.close();
  });

  it('the web replica subscribes over Slack, the worker polls and delivers once', async () => {
    world = await startWorld('redis', (base) => oneFeed('wire', `${base}/wire.xml`), { TOCSIN_SLACK_ADMINS: 'UADMIN' });
    world.feeds.set('/wire.xml', { body: rss('Wire', [calm]) });
    world.feeds.set('/web-only.xml', { body: rss('Web', [calm]) });
    // The web replica's own sources.yaml names a feed only it would poll, if it polled.
    web = startCli(['run', '--role', 'web'], { ...world.env, TOCSIN_CONFIG_DIR: makeConfigDir(oneFeed('web-only', `${world.feeds.url}/web-only.xml`)) });
    const webUrl = String((await web.waitForLog(running)).http);

    const refused = await slashCommand(webUrl, 'subscribe', 'UMEMBER');
    expect(refused.status).toBe(200);
    expect(refused.body).toMatch(/admin/i);
    const subscribed = await slashCommand(webUrl, 'subscribe countries=FR', 'UADMIN');
    expect(subscribed.status).toBe(200);
    expect(subscribed.body).not.toMatch(/admin/i);

    worker = startCli(['run', '--role', 'worker'], world.env);
    const workerUrl = String((await worker.waitForLog(running)).http);
    // The worker keeps /healthz (for the container's health check) but serves no chat.
    expect((await fetch(`${workerUrl}/healthz`)).status).toBe(200);
    expect((await slashCommand(workerUrl, 'status', 'UMEMBER')).status).toBe(404);

    // First poll: a baseline. Then the attack appears and the test makes the source due now.
    const store = new RedisStore(world.env.REDIS_URL ?? '');
    try {
      const deadline = Date.now() + 30_000;
      while (!(await store.getSourceState('wire'))?.baselined) {
        if (Date.now() > deadline) throw new Error('the worker never polled the feed');
        await new Promise((r) => setTimeout(r, 100));
      }
      world.feeds.set('/wire.xml', { body: rss('Wire', [calm, attack]) });
      const state = await store.getSourceState('wire');
      if (!state) throw new Error('no state');
      await store.putSourceState({ ...state, nextDue: new Date(Date.now() - 1000).toISOString() });
    } finally {
      await store.close();
    }

    const posted = await world.slack.waitForRequest((r) => r.path.endsWith('chat.postMessage') && r.body.channel === CHANNEL, 120_000);
    expect(JSON.stringify(posted.body)).toContain('Lyon');
    expect(world.slack.requests.filter((r) => r.path.endsWith('chat.postMessage') && r.body.channel === CHANNEL)).toHaveLength(1);
    expect(world.feeds.requests.filter((r) => r.path === '/web-only.xml')).toHaveLength(0);
  });
});
