/**
 * Issue 3 through the real CLI: MI5 at SUBSTANTIAL (baseline, no post) → SEVERE (one post
 * per channel, naming both levels) → a Cloudflare challenge served with 200, then 403
 * (no post, level still SEVERE, source unhealthy). Feeds are our own MI5-shaped
 * documents; a second pass uses the real captures in ../shared/fixtures when present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli';
import type { FeedServer } from '../support/feed-server';
import type { FakeDiscord, FakeSlack } from '../support/fake-platforms';
import { startWorld, type World } from '../support/world';

const SHARED = path.resolve(__dirname, '../../../shared/fixtures/gov');
const DISCORD_CHANNEL = '222222222222222222';
const SLACK_CHANNEL = 'C0LEVELS1';

function mi5(national: string, ni: string, date: string): string {
  return `<rss version="2.0"><channel><title>Threat Level</title><link>https://www.mi5.gov.uk/</link><description>The Current UK Threat Level</description><ttl>20</ttl>
<item><title>Current Threat Level: ${national}</title><link>https://www.mi5.gov.uk/threats-and-advice/threat-levels</link>
<description>&lt;p&gt;The current national threat level is ${national}. The threat to Northern Ireland from Northern Ireland-related terrorism is ${ni}.&lt;/p&gt;</description>
<pubDate>${date}</pubDate></item></channel></rss>`;
}

const CHALLENGE = '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div id="cf-chl-widget">Checking your browser before accessing www.mi5.gov.uk.</div><noscript>Enable JavaScript and cookies to continue</noscript></body></html>';

const pages = {
  own: {
    substantial: mi5('SUBSTANTIAL', 'SUBSTANTIAL', 'Tue, 05 Mar 2024 10:00:00 +0000'),
    severe: mi5('SEVERE', 'SUBSTANTIAL', 'Thu, 30 Apr 2026 06:09:17 +0100'),
    challenge: CHALLENGE,
  },
  ...(fs.existsSync(SHARED)
    ? {
        real: {
          substantial: fs.readFileSync(path.join(SHARED, 'uk-mi5-UKThreatLevel.xml'), 'utf8'),
          severe: fs.readFileSync(path.join(SHARED, 'uk-mi5-UKThreatLevel-2026-04-30-SEVERE.xml'), 'utf8'),
          challenge: fs.readFileSync(path.join(SHARED, 'uk-mi5-UKThreatLevel-cloudflare-challenge.html'), 'utf8'),
        },
      }
    : {}),
};
if (!fs.existsSync(SHARED)) console.log('[tocsin] ../shared/fixtures absent: the MI5 sequence runs on our own documents only.');

describe.each(Object.keys(pages))('MI5 sequence (%s documents)', (which) => {
  const docs = pages[which as keyof typeof pages]!;
  let world: World;
  let feeds: FeedServer;
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await startWorld('embedded', (url) => `sources:\n  - id: uk-mi5\n    type: uk-mi5\n    url: ${url}/UKThreatLevel.xml\n    every: 10m\n`);
    ({ feeds, discord, slack, env } = world);
    expect((await runCli(['subscribe', `discord:${DISCORD_CHANNEL}`], env)).code).toBe(0);
    expect((await runCli(['subscribe', `slack:${SLACK_CHANNEL}`, '--kinds', 'alert_level'], env)).code).toBe(0);
  });

  afterAll(async () => world?.close());

  const posted = () => ({
    discord: discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${DISCORD_CHANNEL}/messages`)),
    slack: slack.requests.filter((r) => r.path.endsWith('chat.postMessage') && r.body.channel === SLACK_CHANNEL),
  });
  const run = async () => runCli(['run', '--once'], env);
  const national = async () => {
    const r = await runCli(['levels', '--json'], env);
    type Row = { scope: string; name: string; rank: number; source?: string; health: string; lastReadRight: string; lastError?: string };
    return (JSON.parse(r.stdout) as Row[]).find((l) => l.scope === 'national');
  };
  const mi5Source = async () => {
    const r = await runCli(['sources', '--json'], env);
    return (JSON.parse(r.stdout) as { sources: { id: string; health: string; lastError?: string }[] }).sources.find((s) => s.id === 'uk-mi5');
  };

  it('takes SUBSTANTIAL as a baseline and posts nothing', async () => {
    feeds.set('/UKThreatLevel.xml', { body: docs.substantial });
    expect((await run()).code).toBe(0);
    expect(posted().discord).toHaveLength(0);
    expect(posted().slack).toHaveLength(0);
    expect((await national())?.name).toBe('SUBSTANTIAL');
  });

  it('announces SUBSTANTIAL → SEVERE exactly once per channel', async () => {
    feeds.set('/UKThreatLevel.xml', { body: docs.severe });
    expect((await run()).code).toBe(0);
    expect((await run()).code).toBe(0);
    const p = posted();
    expect(p.discord).toHaveLength(1);
    expect(p.slack).toHaveLength(1);
    for (const text of [JSON.stringify(p.discord[0]?.body), JSON.stringify(p.slack[0]?.body)]) {
      expect(text).toContain('SUBSTANTIAL');
      expect(text).toContain('SEVERE');
      expect(text).toContain('4 of 5');
    }
    expect(await national()).toMatchObject({ rank: 4, source: 'uk-mi5', health: 'healthy' });
  });

  it.each([200, 403])('keeps SEVERE and marks the source unhealthy on a challenge page (HTTP %s)', async (status) => {
    feeds.set('/UKThreatLevel.xml', { status, body: docs.challenge, headers: { 'content-type': 'text/html; charset=UTF-8' } });
    await run();
    expect(posted().discord).toHaveLength(1);
    expect(posted().slack).toHaveLength(1);
    // The level stays as last read right, and says when that was and that its source now fails.
    const before = (await national())?.lastReadRight;
    await run();
    const level = await national();
    expect(level).toMatchObject({ name: 'SEVERE', source: 'uk-mi5' });
    expect(level?.health).not.toBe('healthy');
    expect(level?.lastError).toBeTruthy();
    expect(level?.lastReadRight).toBe(before);
    const text = (await runCli(['levels'], env)).stdout;
    expect(text).toMatch(/SEVERE[^\n]*\n\s+read right [^\n]*· source uk-mi5 failing/);
    const source = await mi5Source();
    expect(source?.health).not.toBe('healthy');
    expect(source?.lastError).toBeTruthy();
  });
});
