import { makeConfigDir, makeDataDir } from './cli';
import { startFeedServer, type FeedServer } from './feed-server';
import { startFakeDiscord, startFakeSlack, type FakeDiscord, type FakeDiscordOptions, type FakeSlack, type FakeSlackOptions } from './fake-platforms';
import { freshRedisUrl } from './redis';

/** Everything a CLI scenario talks to: a feed server, the recording platforms, and the env pointing at them. */
export interface World {
  feeds: FeedServer;
  discord: FakeDiscord;
  slack: FakeSlack;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `sources` builds sources.yaml from the feed server's base URL. The env enables Discord
 * and Slack against the fakes, in a fresh data folder (and a fresh Redis database for `redis`).
 */
export async function startWorld(
  backend: 'embedded' | 'redis',
  sources: (feedsUrl: string) => string,
  extra: Record<string, string> = {},
  platforms: { discord?: FakeDiscordOptions; slack?: FakeSlackOptions } = {},
): Promise<World> {
  const feeds = await startFeedServer();
  const discord = await startFakeDiscord(platforms.discord);
  const slack = await startFakeSlack(platforms.slack);
  const env: Record<string, string> = {
    TOCSIN_CONFIG_DIR: makeConfigDir(sources(feeds.url)),
    TOCSIN_DATA_DIR: makeDataDir(),
    DISCORD_TOKEN: 'discord-test-token-123456',
    DISCORD_GATEWAY: 'off',
    DISCORD_API_URL: discord.url,
    SLACK_BOT_TOKEN: 'xoxb-slack-test-token',
    SLACK_SIGNING_SECRET: 'slack-signing-secret',
    SLACK_API_URL: slack.url,
    // The feed server is on 127.0.0.1; tests of the refusal delete this.
    TOCSIN_ALLOW_PRIVATE_FETCH: '1',
    ...extra,
  };
  if (backend === 'redis') env.REDIS_URL = await freshRedisUrl();
  return {
    feeds,
    discord,
    slack,
    env,
    close: async () => {
      await Promise.all([feeds.close(), discord.close(), slack.close()]);
    },
  };
}

/** sources.yaml with one feed. */
export function oneFeed(id: string, url: string, language = 'en'): string {
  return `sources:\n  - id: ${id}\n    type: feed\n    url: ${url}\n    every: 1m\n    language: ${language}\n`;
}
