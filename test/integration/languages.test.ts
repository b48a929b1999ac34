/**
 * Issue 16 through the real CLI and the recording Discord server: one English report of an
 * attack in Moscow (137 dead, an IS claim) delivered to an English, a French (Paris time) and
 * a German (Berlin time) channel → three messages whose structured parts are each in its
 * language and zone, quoting the English original; a toll update edits all three and notes
 * the change in each language; a Vigipirate change names the level in each. Embedded and Redis.
 */
import { runCli } from '../support/cli';
import { rss, type FeedServer, type TestItem } from '../support/feed-server';
import type { FakeDiscord } from '../support/fake-platforms';
import { testRedisAvailable } from '../support/redis';
import { startWorld, type World } from '../support/world';

jest.setTimeout(180_000);

const EN = '161616161616161601';
const FR = '161616161616161602';
const DE = '161616161616161603';
const now = () => new Date().toUTCString();
const calm: TestItem = { title: 'Weather: a mild week ahead', description: 'Sunshine and light winds.', guid: 'calm', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };
const ORIGINAL = 'At least 137 people were killed when gunmen opened fire at a concert hall in Moscow, Russia, officials said.';
const attack: TestItem = {
  title: 'Gunmen kill 137 at Moscow concert hall; Islamic State claims responsibility',
  description: `${ORIGINAL} Islamic State claimed the attack.`,
  guid: 'moscow-1', link: 'https://wire.example/moscow', pubDate: now(),
};
const toll: TestItem = {
  title: 'Death toll in Moscow concert hall attack rises to 145',
  description: 'The death toll in the attack on a concert hall in Moscow, Russia, has risen to 145, officials said.',
  guid: 'moscow-2', link: 'https://wire.example/moscow-toll', pubDate: now(),
};

function sgdsn(stage: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><title>Vigipirate | SGDSN</title></head><body><main>
<h1>Vigipirate</h1><p>La posture Vigipirate est fixée au niveau « <strong>${stage}</strong> » sur l’ensemble du territoire national.</p>
</main></body></html>`;
}

/** The embed of a channel's live messages, as one text each (edits applied). */
function texts(discord: FakeDiscord, channel: string): string[] {
  return discord.inChannel(channel).map((m) => JSON.stringify(m.embeds));
}

const backends: ('embedded' | 'redis')[] = testRedisAvailable() ? ['embedded', 'redis'] : ['embedded'];

describe.each(backends)('alerts in the reader’s language on the %s store', (backend) => {
  let world: World;
  let feeds: FeedServer;
  let discord: FakeDiscord;
  let env: Record<string, string>;
  const runOnce = async () => {
    const r = await runCli(['run', '--once'], env);
    if (r.code !== 0) throw new Error(r.stderr);
  };

  beforeAll(async () => {
    world = await startWorld(
      backend,
      (url) =>
        `sources:\n  - id: wire\n    type: feed\n    url: ${url}/wire.xml\n    every: 1m\n    language: en\n` +
        `  - id: fr-vigipirate\n    type: fr-vigipirate\n    url: ${url}/vigipirate\n    every: 10m\n    language: fr\n`,
      { TOCSIN_EDIT_COALESCE_MS: '0' },
    );
    ({ feeds, discord, env } = world);
    expect((await runCli(['subscribe', `discord:${EN}`], env)).code).toBe(0);
    expect((await runCli(['subscribe', `discord:${FR}`, '--locale', 'fr', '--timezone', 'Europe/Paris'], env)).code).toBe(0);
    expect((await runCli(['subscribe', `discord:${DE}`, '--locale', 'de', '--timezone', 'Europe/Berlin'], env)).code).toBe(0);
    feeds.set('/wire.xml', { body: rss('wire', [calm]) });
    feeds.set('/vigipirate', { body: sgdsn('Sécurité renforcée – risque attentat'), headers: { 'content-type': 'text/html; charset=utf-8' } });
    await runOnce(); // baselines: nothing posted
  });

  afterAll(async () => world?.close());

  it('keeps each channel’s locale and zone, shows them, and refuses an unknown one', async () => {
    const list = await runCli(['subscriptions'], env);
    expect(list.stdout).toMatch(new RegExp(`discord:${FR}: .*Locale: fr · Time zone: Europe/Paris`));
    expect(list.stdout).toMatch(new RegExp(`discord:${EN}: .*Locale: en · Time zone: UTC`));
    const json = JSON.parse((await runCli(['subscriptions', '--json'], env)).stdout) as { channel: string; locale?: string; timezone?: string }[];
    expect(json.find((s) => s.channel === `discord:${DE}`)).toMatchObject({ locale: 'de', timezone: 'Europe/Berlin' });
    const bad = await runCli(['subscribe', 'discord:999', '--locale', 'tlh', '--timezone', 'Mars/Olympus_Mons'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"tlh" is not a supported locale: use en, fr, de/);
    expect(bad.stderr).toMatch(/"Mars\/Olympus_Mons" is not an IANA time zone/);
  });

  it('posts one message per channel, each in its language and zone, quoting the English original', async () => {
    feeds.set('/wire.xml', { body: rss('wire', [calm, attack]) });
    await runOnce();
    const [en] = texts(discord, EN);
    const [fr] = texts(discord, FR);
    const [de] = texts(discord, DE);
    expect(texts(discord, EN)).toHaveLength(1);
    expect(texts(discord, FR)).toHaveLength(1);
    expect(texts(discord, DE)).toHaveLength(1);
    // English, as it always was.
    expect(en).toContain('Attack — Moscow, Russia');
    expect(en).toContain('At least 137 killed');
    expect(en).toMatch(/Claimed by Islamic State/);
    expect(en).toMatch(/"name":"Severity","value":"Critical"/);
    expect(en).toMatch(/first seen \d+ \w{3} \d{4} \d\d:\d\d UTC/);
    // French: place, country, toll, claim, severity and time in Paris.
    expect(fr).toContain('Attentat — Moscou, Russie');
    expect(fr).toContain('Au moins 137 morts');
    expect(fr).toMatch(/Revendiqué par Islamic State/);
    expect(fr).toMatch(/"name":"Gravité","value":"Critique"/);
    expect(fr).toMatch(/vu pour la première fois le \d+ \S+ \d{4},? \d\d:\d\d UTC\+[12]/);
    // German, Berlin time.
    expect(de).toContain('Anschlag — Moskau, Russland');
    expect(de).toContain('Mindestens 137 Tote');
    expect(de).toMatch(/Bekenntnis von Islamic State/);
    expect(de).toMatch(/"name":"Schweregrad","value":"Kritisch"/);
    expect(de).toMatch(/zuerst gesehen \d+\. \S+ \d{4},? \d\d:\d\d MES?Z/);
    // The original stays verbatim, marked with its language where the reader's differs.
    for (const text of [en, fr, de]) expect(text).toContain(ORIGINAL);
    expect(fr).toMatch(/« At least 137 people.*» \(en\)/);
    expect(de).toMatch(/„At least 137 people.*“ \(en\)/);
    for (const text of [en, fr, de]) expect(text).toContain('https://wire.example/moscow');
  });

  it('edits all three for a higher toll, each in its language, with a note in its thread', async () => {
    feeds.set('/wire.xml', { body: rss('wire', [calm, attack, toll]) });
    await runOnce();
    for (const c of [EN, FR, DE]) expect(discord.inChannel(c)).toHaveLength(1);
    expect(discord.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
    expect(texts(discord, EN)[0]).toContain('At least 145 killed');
    expect(texts(discord, FR)[0]).toContain('Au moins 145 morts');
    expect(texts(discord, DE)[0]).toContain('Mindestens 145 Tote');
    const note = (c: string) => discord.inChannel(discord.inChannel(c)[0]?.id ?? '').map((m) => m.content).join('\n');
    expect(note(EN)).toMatch(/Death toll now 145/);
    expect(note(FR)).toMatch(/Bilan désormais : 145 morts/);
    expect(note(DE)).toMatch(/Zahl der Toten jetzt 145/);
  });

  it('names the Vigipirate levels in each language when the SGDSN page moves to Urgence attentat', async () => {
    feeds.set('/vigipirate', { body: sgdsn('Urgence attentat'), headers: { 'content-type': 'text/html; charset=utf-8' } });
    await runOnce();
    const last = (c: string) => texts(discord, c)[1] ?? '';
    for (const c of [EN, FR, DE]) expect(discord.inChannel(c)).toHaveLength(2);
    expect(last(EN)).toContain('France — terrorism threat level raised');
    expect(last(EN)).toMatch(/"name":"Level","value":"Urgence attentat \(Attack emergency\) \(3 of 3\)"/);
    expect(last(FR)).toContain('France — niveau de menace terroriste relevé');
    expect(last(FR)).toMatch(/"name":"Niveau","value":"Urgence attentat \(3 sur 3\)"/);
    expect(last(DE)).toContain('Frankreich — Terrorwarnstufe erhöht');
    expect(last(DE)).toMatch(/"name":"Stufe","value":"Urgence attentat \(Anschlagsnotstand\) \(Stufe 3 von 3\)"/);
    expect(last(DE)).toMatch(/"name":"Vorher","value":"[^"]*\(erhöhte Wachsamkeit\) \(Stufe 2 von 3\)"/);
  });
});
