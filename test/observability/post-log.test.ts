/** Issue 13 §11: every alert posted leaves one log line (channel, incident, message id), no token. */
import { runCli } from '../support/cli';
import { rss, type TestItem } from '../support/feed-server';
import { oneFeed, startWorld, type World } from '../support/world';

const CHANNEL = '700000000000000001';
const calm: TestItem[] = [{ title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' }];
const attack: TestItem = {
  title: 'Gunman kills 4 in attack at Lyon market',
  description: 'A gunman opened fire on shoppers at a market in Lyon, France, killing four people, police said.',
  guid: 'attack-1',
  link: 'https://news.example/lyon',
  pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
};

describe('the log of a post', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld('embedded', (url) => oneFeed('wire', `${url}/wire.xml`));
  });
  afterAll(() => w.close());

  it('has one "alert posted" line per message, naming channel, incident and message id', async () => {
    expect((await runCli(['subscribe', `discord:${CHANNEL}`], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('Wire', calm) });
    expect((await runCli(['run', '--once'], w.env)).code).toBe(0);
    w.feeds.set('/wire.xml', { body: rss('Wire', [...calm, attack]) });
    const r = await runCli(['run', '--once'], { ...w.env, LOG_LEVEL: 'info' });
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const posted = lines.filter((l) => l.msg === 'alert posted');
    const messages = w.discord.inChannel(CHANNEL);
    expect(messages).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: `discord:${CHANNEL}`, messageId: messages[0]?.id });
    expect(String(posted[0]?.incident)).not.toBe('');
    expect(r.stderr).not.toContain(w.env.DISCORD_TOKEN);
  }, 180_000);
});
