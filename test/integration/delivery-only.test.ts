/**
 * Issue 13.1 through the real CLI: a platform configured for delivery only (a token, no
 * signing secret / public key / app token) is a valid setup. Every command works, alerts
 * are posted, and the missing command path is one warning per platform, never a refusal.
 */
import { runCli } from '../support/cli';
import { rss, type TestItem } from '../support/feed-server';
import { oneFeed, startWorld, type World } from '../support/world';

const calm: TestItem = { title: 'Markets calm ahead of holiday', description: 'Trading was quiet.', guid: 'calm', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };
const attack: TestItem = {
  title: 'Gunman kills 3 in shooting at Rotterdam station',
  description: 'A gunman opened fire at Rotterdam central station in the Netherlands, killing 3 people, police said.',
  guid: 'attack-1',
  link: 'https://news.example/rotterdam',
  pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
};

describe('alerts-only setups', () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('Slack with a bot token only: subscribe works, the alert is posted, one warning says commands cannot arrive', async () => {
    // Empty values count as unset: no signing secret, no app token, no Discord at all.
    w = await startWorld('embedded', (url) => oneFeed('wire', `${url}/wire.xml`), { SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '' });
    const sub = await runCli(['subscribe', 'slack:C0ALERTS'], w.env);
    expect(sub.stderr).not.toMatch(/cannot arrive/);
    expect(sub.code).toBe(0);
    expect((await runCli(['subscriptions'], w.env)).stdout).toContain('slack:C0ALERTS');
    expect((await runCli(['check-config'], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('wire', [calm]) });
    expect((await runCli(['run', '--once'], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attack]) });
    const run = await runCli(['run', '--once'], w.env);
    expect(run.code).toBe(0);
    expect(w.slack.inChannel('C0ALERTS')).toHaveLength(1);
    expect(w.slack.inChannel('C0ALERTS')[0]?.text).toContain('Rotterdam');
    expect(run.stderr.match(/Slack delivers alerts, but \/alerts commands cannot arrive/g)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/Discord delivers alerts/);
  });

  it('Discord without a public key or gateway: the alert is posted, one warning', async () => {
    w = await startWorld('embedded', (url) => oneFeed('wire', `${url}/wire.xml`), { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' });
    expect((await runCli(['subscribe', 'discord:501'], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('wire', [calm]) });
    expect((await runCli(['run', '--once'], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attack]) });
    const run = await runCli(['run', '--once'], w.env);
    expect(run.code).toBe(0);
    expect(w.discord.inChannel('501')).toHaveLength(1);
    expect(run.stderr.match(/Discord delivers alerts, but \/alerts commands cannot arrive/g)).toHaveLength(1);
  });
});
