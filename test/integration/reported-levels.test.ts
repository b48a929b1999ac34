/**
 * Issue 12 through the real CLI: a level change the news reports becomes an alert at once
 * ("reported by <outlet>"), a second outlet in another language adds no message, and the
 * official reading of the same step edits that very message to "confirmed". Also when the
 * authority's page is failing, and for an authority no source reads. Our own documents.
 */
import { runCli } from '../support/cli';
import { rss, type FeedServer, type TestItem } from '../support/feed-server';
import type { FakeDiscord, FakeSlack } from '../support/fake-platforms';
import { startWorld, type World } from '../support/world';

const DC = '444444444444444444';
const SC = 'C0REPORTD';
const now = () => new Date().toUTCString();
const calm: TestItem = { title: 'Weather: a mild week ahead', description: 'Sunshine and light winds.', guid: 'calm', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };

function sgdsn(stage: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><title>Vigipirate | SGDSN</title></head><body><main>
<h1>Vigipirate</h1><p>La posture Vigipirate est fixée au niveau « <strong>${stage}</strong> » sur l’ensemble du territoire national.</p>
</main></body></html>`;
}

function mi5(level: string): string {
  return `<rss version="2.0"><channel><title>Threat Level</title><link>https://www.mi5.gov.uk/</link><description>The Current UK Threat Level</description>
<item><title>Current Threat Level: ${level}</title><link>https://www.mi5.gov.uk/threats-and-advice/threat-levels</link>
<description>&lt;p&gt;The current national threat level is ${level}. The threat to Northern Ireland from Northern Ireland-related terrorism is SUBSTANTIAL.&lt;/p&gt;</description>
<pubDate>${now()}</pubDate></item></channel></rss>`;
}

const CHALLENGE = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="cf-chl-widget">Checking your browser before accessing the site.</div></body></html>';

const feed = (url: string, id: string, lang: string) => `  - id: ${id}\n    type: feed\n    url: ${url}/${id}.xml\n    every: 1m\n    language: ${lang}\n`;

interface Seen {
  discordTop: { body: unknown }[];
  discordEdits: { body: unknown }[];
  slackTop: { body: unknown }[];
  slackEdits: { body: unknown }[];
}

function seen(discord: FakeDiscord, slack: FakeSlack): Seen {
  const dPosts = discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${DC}/messages`));
  return {
    discordTop: dPosts.filter((r) => !r.body.message_reference),
    discordEdits: discord.requests.filter((r) => r.method === 'PATCH'),
    slackTop: slack.requests.filter((r) => r.path.endsWith('chat.postMessage') && r.body.channel === SC && !r.body.thread_ts),
    slackEdits: slack.requests.filter((r) => r.path.endsWith('chat.update')),
  };
}

async function subscribeBoth(env: Record<string, string>): Promise<void> {
  expect((await runCli(['subscribe', `discord:${DC}`], env)).code).toBe(0);
  expect((await runCli(['subscribe', `slack:${SC}`, '--kinds', 'alert_level'], env)).code).toBe(0);
}

async function runOnce(env: Record<string, string>): Promise<void> {
  const r = await runCli(['run', '--once'], env);
  if (r.code !== 0) throw new Error(r.stderr);
}

describe('Vigipirate: reported in French, again in German, then confirmed by the SGDSN page', () => {
  let world: World;
  let feeds: FeedServer;
  let env: Record<string, string>;
  const frReport: TestItem = {
    title: 'Vigipirate passe en « urgence attentat » après l’attaque',
    description: 'Le gouvernement a décidé de relever le plan Vigipirate au niveau « urgence attentat » sur l’ensemble du territoire.',
    guid: 'fr-vigi', link: 'https://fr.example/vigipirate-urgence', pubDate: now(),
  };
  const deReport: TestItem = {
    title: 'Frankreich erhöht Terrorwarnstufe auf höchste Stufe',
    description: 'Frankreich hat die Terrorwarnstufe Vigipirate auf die höchste Stufe „urgence attentat“ erhöht.',
    guid: 'de-vigi', link: 'https://de.example/vigipirate', pubDate: now(),
  };

  beforeAll(async () => {
    world = await startWorld('embedded', (url) =>
      `sources:\n${feed(url, 'outlet-fr', 'fr')}${feed(url, 'outlet-de', 'de')}  - id: fr-vigipirate\n    type: fr-vigipirate\n    url: ${url}/vigipirate\n    every: 10m\n    language: fr\n`,
    { TOCSIN_EDIT_COALESCE_MS: '0' });
    ({ feeds, env } = world);
    await subscribeBoth(env);
    for (const id of ['outlet-fr', 'outlet-de']) feeds.set(`/${id}.xml`, { body: rss(id, [calm]) });
    feeds.set('/vigipirate', { body: sgdsn('Sécurité renforcée – risque attentat'), headers: { 'content-type': 'text/html; charset=utf-8' } });
    await runOnce(env); // baselines: nothing posted
  });

  afterAll(async () => world?.close());

  it('posts the French report at once, one message per channel, naming the outlet and the new stage', async () => {
    feeds.set('/outlet-fr.xml', { body: rss('outlet-fr', [calm, frReport]) });
    await runOnce(env);
    const s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    for (const text of [JSON.stringify(s.discordTop[0]?.body), JSON.stringify(s.slackTop[0]?.body)]) {
      expect(text).toMatch(/reported/i);
      expect(text).toContain('Reported by outlet-fr');
      expect(text).toMatch(/alerte attentat \(Attack emergency\)/); // the registry's current wording of step 3
      expect(text).toContain('3 of 3');
    }
    expect(s.discordEdits).toHaveLength(0);
    const levels = JSON.parse((await runCli(['levels', '--json'], env)).stdout) as { authority?: string; status: string; rank?: number }[];
    expect(levels.find((l) => l.status === 'reported')).toMatchObject({ authority: 'fr-sgdsn', rank: 3 });
  });

  it('adds no message and no edit for a German report of the same change', async () => {
    feeds.set('/outlet-de.xml', { body: rss('outlet-de', [calm, deReport]) });
    await runOnce(env);
    const s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    expect(s.discordEdits).toHaveLength(0);
    expect(s.slackEdits).toHaveLength(0);
  });

  it('edits the same message to "confirmed" when the SGDSN page reads Urgence attentat', async () => {
    feeds.set('/vigipirate', { body: sgdsn('Urgence attentat'), headers: { 'content-type': 'text/html; charset=utf-8' } });
    await runOnce(env);
    const s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    expect(s.discordEdits).toHaveLength(1);
    expect(s.slackEdits).toHaveLength(1);
    for (const text of [JSON.stringify(s.discordEdits[0]?.body), JSON.stringify(s.slackEdits[0]?.body)]) {
      expect(text).toMatch(/Confirmed by/);
      expect(text).toContain('Urgence attentat');
    }
    const levels = JSON.parse((await runCli(['levels', '--json'], env)).stdout) as { status: string; rank?: number }[];
    expect(levels.map((l) => [l.status, l.rank])).toEqual([['official', 3]]);
    // The next poll of the same page changes nothing.
    await runOnce(env);
    expect(seen(world.discord, world.slack).discordEdits).toHaveLength(1);
  });
});

describe('UK: reported in English, confirmed by the MI5 feed', () => {
  let world: World;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await startWorld('embedded', (url) => `sources:\n${feed(url, 'outlet-en', 'en')}  - id: uk-mi5\n    type: uk-mi5\n    url: ${url}/mi5.xml\n    every: 10m\n`,
      { TOCSIN_EDIT_COALESCE_MS: '0' });
    env = world.env;
    await subscribeBoth(env);
    world.feeds.set('/outlet-en.xml', { body: rss('outlet-en', [calm]) });
    world.feeds.set('/mi5.xml', { body: mi5('SUBSTANTIAL') });
    await runOnce(env);
  });

  afterAll(async () => world?.close());

  it('posts the report, then edits it to confirmed by MI5 — one message per channel throughout', async () => {
    const report: TestItem = {
      title: 'UK terror threat level raised to severe',
      description: 'The UK terrorism threat level has been raised from substantial to severe, meaning an attack is highly likely.',
      guid: 'en-uk', link: 'https://en.example/uk-severe', pubDate: now(),
    };
    world.feeds.set('/outlet-en.xml', { body: rss('outlet-en', [calm, report]) });
    await runOnce(env);
    let s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    const first = JSON.stringify(s.discordTop[0]?.body);
    expect(first).toMatch(/SUBSTANTIAL → SEVERE \(4 of 5\)/);
    expect(first).toMatch(/Not yet confirmed/);

    world.feeds.set('/mi5.xml', { body: mi5('SEVERE') });
    await runOnce(env);
    s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    expect(s.discordEdits).toHaveLength(1);
    expect(s.slackEdits).toHaveLength(1);
    expect(JSON.stringify(s.discordEdits[0]?.body)).toMatch(/Confirmed by .*first reported by outlet-en/);
  });
});

describe('a reported change while the authority page fails, and for an untracked authority', () => {
  let world: World;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await startWorld('embedded', (url) =>
      `sources:\n${feed(url, 'outlet-fr', 'fr')}${feed(url, 'outlet-en', 'en')}  - id: fr-vigipirate\n    type: fr-vigipirate\n    url: ${url}/vigipirate\n    every: 10m\n    language: fr\n`);
    env = world.env;
    await subscribeBoth(env);
    world.feeds.set('/outlet-fr.xml', { body: rss('outlet-fr', [calm]) });
    world.feeds.set('/outlet-en.xml', { body: rss('outlet-en', [calm]) });
    world.feeds.set('/vigipirate', { status: 403, body: CHALLENGE, headers: { 'content-type': 'text/html' } });
    await runOnce(env);
  });

  afterAll(async () => world?.close());

  it('still posts the reported alert when the SGDSN page answers with a challenge', async () => {
    const report: TestItem = {
      title: 'Le plan Vigipirate rehaussé au niveau urgence attentat',
      description: 'Le Premier ministre a rehaussé la posture Vigipirate au niveau « urgence attentat ».',
      guid: 'fr-2', link: 'https://fr.example/vigipirate-2', pubDate: now(),
    };
    world.feeds.set('/outlet-fr.xml', { body: rss('outlet-fr', [calm, report]) });
    await runOnce(env);
    const s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(1);
    expect(s.slackTop).toHaveLength(1);
    expect(JSON.stringify(s.discordTop[0]?.body)).toMatch(/reported/i);
  });

  it('posts a reported alert for an authority that no source reads (Poland)', async () => {
    const report: TestItem = {
      title: 'Poland raises terrorism alert level to BRAVO nationwide',
      description: 'The prime minister signed an order raising the terrorism alert level to the second degree, BRAVO, across the whole country.',
      guid: 'en-pl', link: 'https://en.example/poland-bravo', pubDate: now(),
    };
    world.feeds.set('/outlet-en.xml', { body: rss('outlet-en', [calm, report]) });
    await runOnce(env);
    const s = seen(world.discord, world.slack);
    expect(s.discordTop).toHaveLength(2);
    const text = JSON.stringify(s.discordTop[1]?.body);
    expect(text).toMatch(/Poland/);
    expect(text).toMatch(/BRAVO/);
  });
});
