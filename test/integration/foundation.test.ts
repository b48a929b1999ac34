/**
 * Issue 2, end to end through the real CLI: a local feed server, the recording Discord
 * and Slack servers, once on the embedded store and once on Redis.
 */
import { makeConfigDir, makeDataDir, runCli } from '../support/cli';
import { rss, startFeedServer, type FeedServer, type TestItem } from '../support/feed-server';
import type { FakeDiscord, FakeSlack } from '../support/fake-platforms';
import { testRedisAvailable } from '../support/redis';
import { oneFeed, startWorld, type World } from '../support/world';

const DISCORD_CHANNEL = '111111111111111111';
const SLACK_CHANNEL = 'C0TOCSIN1';

const calm: TestItem[] = [
  { title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' },
  { title: 'Storm brings heavy rain to the coast', description: 'Forecasters expect more wind tomorrow.', guid: 'calm-2', pubDate: 'Mon, 02 Nov 2026 09:00:00 GMT' },
];
const attack: TestItem = {
  title: 'Gunmen kill 12 in attack on concert hall in Lyon',
  description: 'Attackers opened fire on the crowd at a concert hall in Lyon, France, killing at least 12 people and wounding 30, police said.',
  guid: 'attack-1',
  link: 'https://news.example/lyon-attack',
  pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
};
const pinging: TestItem = {
  title: '@everyone <!channel> Gunman kills 3 in shooting at Hamburg station',
  description: 'A gunman opened fire at the main station in Hamburg, Germany, killing three people. &lt;!channel&gt; <@U123> @everyone',
  guid: 'attack-2',
  link: 'https://news.example/hamburg',
  pubDate: 'Wed, 04 Nov 2026 07:00:00 GMT',
};
const lookalike: TestItem = {
  title: 'Footballer recovering after heart attack during training',
  description: 'The striker suffered a heart attack on Tuesday and is in a stable condition.',
  guid: 'other-1',
  pubDate: 'Wed, 04 Nov 2026 10:00:00 GMT',
};

type Backend = 'embedded' | 'redis';
const backends: Backend[] = testRedisAvailable() ? ['embedded', 'redis'] : ['embedded'];
if (!testRedisAvailable()) console.log('[tocsin] Redis not available: the Redis half of the foundation test is skipped.');

describe.each(backends)('foundation on the %s store', (backend) => {
  let world: World;
  let feeds: FeedServer;
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await startWorld(backend, (url) => oneFeed('local-world', `${url}/world.xml`));
    ({ feeds, discord, slack, env } = world);
    for (const channel of [`discord:${DISCORD_CHANNEL}`, `slack:${SLACK_CHANNEL}`]) {
      const sub = await runCli(['subscribe', channel], env);
      expect(sub.stderr).toBe('');
      expect(sub.code).toBe(0);
    }
  });

  afterAll(async () => world?.close());

  const posts = () => ({
    discord: discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${DISCORD_CHANNEL}/messages`)),
    slack: slack.requests.filter((r) => r.path.endsWith('chat.postMessage') && r.body.channel === SLACK_CHANNEL),
  });

  async function runOnce(): Promise<void> {
    const r = await runCli(['run', '--once'], env);
    if (r.code !== 0) throw new Error(`run --once exited ${r.code}\n${r.stderr}`);
  }

  it('records a baseline on the first poll and posts nothing', async () => {
    feeds.set('/world.xml', { body: rss('World', [...calm, attack]) });
    await runOnce();
    expect(posts().discord).toHaveLength(0);
    expect(posts().slack).toHaveLength(0);
  });

  it('posts one message per subscribed channel for a new attack, and none on a rerun', async () => {
    const second: TestItem = { ...attack, guid: 'attack-1b', title: 'Gunmen attack concert hall in Marseille, killing 5', description: 'Gunmen opened fire at a concert hall in Marseille, France, killing five people.', link: 'https://news.example/marseille' };
    feeds.set('/world.xml', { body: rss('World', [...calm, attack, second]) });
    await runOnce();
    const p = posts();
    expect(p.discord).toHaveLength(1);
    expect(p.slack).toHaveLength(1);
    expect(JSON.stringify(p.discord[0]?.body)).toContain('Marseille');
    await runOnce();
    expect(posts().discord).toHaveLength(1);
    expect(posts().slack).toHaveLength(1);
  });

  it('lets no feed text ping anyone', async () => {
    feeds.set('/world.xml', { body: rss('World', [...calm, pinging]) });
    await runOnce();
    const p = posts();
    expect(p.discord).toHaveLength(2);
    expect(p.slack).toHaveLength(2);
    const d = p.discord[1]?.body;
    expect(d.allowed_mentions).toEqual({ parse: [] });
    const s = p.slack[1]?.body;
    const slackText = JSON.stringify([s.text, s.blocks]);
    expect(slackText).not.toContain('<!channel>');
    expect(slackText).not.toContain('<@U123>');
    expect(slackText).toContain('&lt;!channel&gt;');
  });

  it('posts nothing for a look-alike that is not an attack', async () => {
    feeds.set('/world.xml', { body: rss('World', [...calm, pinging, lookalike]) });
    await runOnce();
    expect(posts().discord).toHaveLength(2);
    expect(posts().slack).toHaveLength(2);
  });
});

describe('with nothing configured', () => {
  it('prints alerts on standard output (the console channel) and logs on standard error', async () => {
    const feeds = await startFeedServer();
    try {
      const env = { TOCSIN_CONFIG_DIR: makeConfigDir(oneFeed('local-world', `${feeds.url}/world.xml`)), TOCSIN_DATA_DIR: makeDataDir() };
      feeds.set('/world.xml', { body: rss('World', calm) });
      const first = await runCli(['run', '--once'], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toBe('');
      feeds.set('/world.xml', { body: rss('World', [...calm, attack]) });
      const second = await runCli(['run', '--once'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/Lyon/);
      expect(second.stdout).toMatch(/12 killed/);
      expect(second.stdout).not.toMatch(/^\{"level"/m);
    } finally {
      await feeds.close();
    }
  });
});
