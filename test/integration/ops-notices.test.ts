/**
 * Issue 8: operators hear about a source that starts failing, in TOCSIN_OPS_CHANNEL, once —
 * not on every failed poll — and `tocsin sources` shows the failure in words.
 */
import { makeConfigDir, makeDataDir, runCli } from '../support/cli';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-platforms';

describe('operational notices', () => {
  let feeds: FeedServer;
  let discord: FakeDiscord;
  afterAll(async () => Promise.all([feeds?.close(), discord?.close()]));

  it('posts one notice to the ops channel when a source starts failing', async () => {
    feeds = await startFeedServer();
    discord = await startFakeDiscord();
    feeds.set('/gone.xml', { status: 503, body: 'down for maintenance' });
    const env = {
      TOCSIN_CONFIG_DIR: makeConfigDir(`sources:\n  - id: flaky-wire\n    type: feed\n    url: ${feeds.url}/gone.xml\n    every: 1m\n`),
      TOCSIN_DATA_DIR: makeDataDir(),
      TOCSIN_OPS_CHANNEL: 'discord:999',
      DISCORD_TOKEN: 'discord-token-ops',
      DISCORD_GATEWAY: 'off',
      DISCORD_API_URL: discord.url,
    };
    const notices = () => discord.inChannel('999');
    for (let i = 1; i <= 4; i++) {
      expect((await runCli(['run', '--once'], env)).code).toBe(0);
      expect(notices()).toHaveLength(i < 3 ? 0 : 1);
    }
    expect(JSON.stringify(notices()[0]?.embeds)).toMatch(/flaky-wire is failing \(3 failures in a row\): HTTP 503/);
    const state = (JSON.parse((await runCli(['sources', '--json'], env)).stdout) as { sources: { id: string; health: string; consecutiveFailures: number; lastError: string }[] }).sources[0];
    expect(state).toMatchObject({ id: 'flaky-wire', health: 'failing', consecutiveFailures: 4 });
    expect(state?.lastError).toMatch(/HTTP 503/);
  });
});
