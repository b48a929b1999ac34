/**
 * Issue 5 through the real CLI: three outlets (English, French, German) report one attack
 * with a rising toll → one message per channel, edited in place, with notes in its thread;
 * a second attack in another country the same day → a second message; a re-published
 * identical report → no edit. On the embedded store and on Redis.
 */
import { runCli } from '../support/cli';
import { rss, type FeedServer, type TestItem } from '../support/feed-server';
import type { FakeDiscord, FakeSlack } from '../support/fake-platforms';
import { testRedisAvailable } from '../support/redis';
import { startWorld, type World } from '../support/world';

const DC = '333333333333333333';
const SC = 'C0INCIDNT';

const en: TestItem = {
  title: 'Gunmen open fire at concert hall in Lyon, killing 10',
  description: 'At least 10 people were killed when gunmen opened fire at a concert hall in Lyon, France, police said.',
  guid: 'en-1', link: 'https://en.example/lyon', pubDate: 'Tue, 03 Nov 2026 20:30:00 GMT',
};
const fr: TestItem = {
  title: 'Attentat dans une salle de concert à Lyon : au moins 25 morts',
  description: 'Des hommes armés ont ouvert le feu dans une salle de concert à Lyon. Au moins 25 personnes ont été tuées.',
  guid: 'fr-1', link: 'https://fr.example/lyon', pubDate: 'Tue, 03 Nov 2026 21:30:00 GMT',
};
const de: TestItem = {
  title: 'Anschlag auf Konzerthalle in Lyon: mindestens 40 Tote',
  description: 'Bewaffnete haben in einer Konzerthalle in Lyon das Feuer eröffnet. Mindestens 40 Menschen wurden getötet.',
  guid: 'de-1', link: 'https://de.example/lyon', pubDate: 'Tue, 03 Nov 2026 22:30:00 GMT',
};
const antwerp: TestItem = {
  title: 'Bomb explosion kills 6 at market in Antwerp',
  description: 'A bomb exploded at a crowded market in Antwerp, Belgium, killing six people and injuring 20.',
  guid: 'en-2', link: 'https://en.example/antwerp', pubDate: 'Tue, 03 Nov 2026 23:00:00 GMT',
};
// A follow-up told only as a toll update and a claim: no "killed", no attack verb.
const antwerpToll: TestItem = {
  title: 'Death toll in Antwerp market attack rises to 9',
  description: 'Islamic State claims responsibility for the attack in Antwerp, Belgium.',
  guid: 'en-3', link: 'https://en.example/antwerp-toll', pubDate: 'Tue, 03 Nov 2026 23:40:00 GMT',
};
const calm: TestItem = { title: 'Weather: a mild week ahead', description: 'Sunshine and light winds.', guid: 'calm', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };

const backends: ('embedded' | 'redis')[] = testRedisAvailable() ? ['embedded', 'redis'] : ['embedded'];

describe.each(backends)('incident updates on the %s store', (backend) => {
  let world: World;
  let feeds: FeedServer;
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let env: Record<string, string>;

  beforeAll(async () => {
    const source = (url: string, id: string, lang: string) => `  - id: ${id}\n    type: feed\n    url: ${url}/${id}.xml\n    every: 1m\n    language: ${lang}\n`;
    world = await startWorld(backend, (url) => `sources:\n${source(url, 'outlet-en', 'en')}${source(url, 'outlet-fr', 'fr')}${source(url, 'outlet-de', 'de')}`, { TOCSIN_EDIT_COALESCE_MS: '0' });
    ({ feeds, discord, slack, env } = world);
    expect((await runCli(['subscribe', `discord:${DC}`], env)).code).toBe(0);
    expect((await runCli(['subscribe', `slack:${SC}`], env)).code).toBe(0);
    for (const id of ['outlet-en', 'outlet-fr', 'outlet-de']) feeds.set(`/${id}.xml`, { body: rss(id, [calm]) });
    expect((await runCli(['run', '--once'], env)).code).toBe(0); // baseline
  });

  afterAll(async () => world?.close());

  const seen = () => {
    const dPosts = discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${DC}/messages`));
    return {
      discordTop: dPosts,
      // Notes go into a thread started from the alert (the thread has the message's id).
      discordReplies: discord.requests.filter((r) => r.method === 'POST' && [...discord.threads.keys()].some((t) => r.path.endsWith(`/channels/${t}/messages`))),
      discordThreads: discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/threads')),
      discordEdits: discord.requests.filter((r) => r.method === 'PATCH'),
      slackTop: slack.requests.filter((r) => r.path.endsWith('chat.postMessage') && r.body.channel === SC && !r.body.thread_ts),
      slackReplies: slack.requests.filter((r) => r.path.endsWith('chat.postMessage') && r.body.channel === SC && r.body.thread_ts),
      slackEdits: slack.requests.filter((r) => r.path.endsWith('chat.update')),
    };
  };
  const publish = async (id: string, items: TestItem[]) => {
    feeds.set(`/${id}.xml`, { body: rss(id, [calm, ...items]) });
    const r = await runCli(['run', '--once'], env);
    if (r.code !== 0) throw new Error(r.stderr);
  };

  it('posts the first report once per channel', async () => {
    await publish('outlet-en', [en]);
    const s = seen();
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    expect(s.discordEdits).toHaveLength(0);
  });

  it('edits the message when a French report raises the toll, with a thread reply', async () => {
    await publish('outlet-fr', [fr]);
    const s = seen();
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    expect(s.discordEdits).toHaveLength(1);
    expect(s.slackEdits).toHaveLength(1);
    expect(JSON.stringify(s.discordEdits[0]?.body)).toContain('25');
    expect(JSON.stringify(s.slackEdits[0]?.body)).toContain('25');
    expect(s.discordReplies).toHaveLength(1);
    expect(s.slackReplies).toHaveLength(1);
    expect(JSON.stringify(s.discordReplies[0]?.body)).toMatch(/Death toll now 25/);
    expect(s.discordThreads).toHaveLength(1);
    expect(s.discordThreads[0]?.path).toBe(`/api/v10/channels/${DC}/messages/${discord.inChannel(DC)[0]?.id}/threads`);
    expect(discord.requests.some((r) => r.body?.message_reference)).toBe(false);
    expect(s.slackReplies[0]?.body.thread_ts).toBe(slack.inChannel(SC)[0]?.ts);
  });

  it('edits again for the German report and its higher toll', async () => {
    await publish('outlet-de', [de]);
    const s = seen();
    expect(s.discordTop).toHaveLength(1);
    expect(s.discordEdits).toHaveLength(2);
    expect(JSON.stringify(s.discordEdits[1]?.body)).toContain('40');
    expect(JSON.stringify(s.discordEdits[1]?.body)).toMatch(/3 sources/);
    expect(s.slackEdits).toHaveLength(2);
    // The second note goes to the same thread: no second thread, nothing new at the top.
    expect(s.discordThreads).toHaveLength(1);
    expect(s.discordReplies).toHaveLength(2);
    expect(discord.inChannel(DC)).toHaveLength(1);
  });

  it('posts a second message for an attack in another country the same day', async () => {
    await publish('outlet-en', [en, antwerp]);
    const s = seen();
    expect(s.discordTop).toHaveLength(2);
    expect(s.slackTop).toHaveLength(2);
    expect(JSON.stringify(s.discordTop[1]?.body)).toContain('Antwerp');
  });

  it('edits the Antwerp message for a toll update that claims responsibility', async () => {
    const before = seen();
    await publish('outlet-en', [en, antwerp, antwerpToll]);
    const after = seen();
    expect(after.discordTop).toHaveLength(before.discordTop.length);
    expect(after.slackTop).toHaveLength(before.slackTop.length);
    const dEdit = after.discordEdits.slice(before.discordEdits.length);
    const sEdit = after.slackEdits.slice(before.slackEdits.length);
    expect(dEdit).toHaveLength(1);
    expect(sEdit).toHaveLength(1);
    expect(JSON.stringify(dEdit[0]?.body)).toContain('Antwerp');
    expect(JSON.stringify(dEdit[0]?.body)).toContain('9');
    expect(JSON.stringify(sEdit[0]?.body)).toContain('9');
  });

  it('does not edit for a re-published identical report', async () => {
    const before = seen();
    await publish('outlet-fr', [fr, { ...de, guid: 'fr-copy-of-de' }]);
    const after = seen();
    expect(after.discordEdits).toHaveLength(before.discordEdits.length);
    expect(after.slackEdits).toHaveLength(before.slackEdits.length);
    expect(after.discordTop).toHaveLength(before.discordTop.length);
  });
});
