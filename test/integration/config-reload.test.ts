/**
 * Issue 14: SIGHUP reloads the config folder of a running `tocsin run` (real process, real
 * scheduler): a new source is polled; a broken rule file is refused with every problem
 * logged, and the bot keeps running on the old configuration until the file is fixed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, makeDataDir } from '../support/cli';
import { rss, startFeedServer, type FeedServer } from '../support/feed-server';
import { startCli, type LogLine, type RunningCli } from '../support/running-cli';

const feed = (id: string, base: string) => `  - id: ${id}\n    type: feed\n    url: ${base}/${id}.xml\n    every: 1m\n    language: en\n`;

/** A config folder with its own rules/ (copied, so the test can break one) and the rest of the shipped config linked. */
function configDir(sourcesYaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-reload-'));
  fs.writeFileSync(path.join(dir, 'sources.yaml'), sourcesYaml);
  fs.cpSync(path.join(ROOT, 'config', 'rules'), path.join(dir, 'rules'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, 'config'))) {
    if (entry === 'sources.yaml' || entry === 'rules') continue;
    fs.symlinkSync(path.join(ROOT, 'config', entry), path.join(dir, entry));
  }
  return dir;
}

const isMsg = (text: string) => (l: LogLine) => typeof l.msg === 'string' && l.msg.includes(text);

describe('tocsin run and SIGHUP', () => {
  let feeds: FeedServer;
  let bot: RunningCli | undefined;

  beforeAll(async () => {
    feeds = await startFeedServer();
    for (const id of ['alpha', 'beta', 'gamma']) feeds.set(`/${id}.xml`, { body: rss(id, [{ title: `Council meeting ${id}`, guid: `${id}-1` }]) });
  });
  afterAll(async () => {
    await bot?.stop();
    await feeds.close();
  });

  const polled = (id: string) => feeds.requests.some((r) => r.path === `/${id}.xml`);
  async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('polls a source added to sources.yaml, refuses a broken rule file and keeps running, then applies the fix', async () => {
    const dir = configDir(`sources:\n${feed('alpha', feeds.url)}`);
    bot = startCli(['run'], { TOCSIN_CONFIG_DIR: dir, TOCSIN_DATA_DIR: makeDataDir() });
    await bot.waitForLog(isMsg('Tocsin is running'));
    await until('the first source to be polled', () => polled('alpha'));
    expect(polled('beta')).toBe(false);

    // A new source, then SIGHUP: reloaded, and the new source polled by the running scheduler.
    fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n${feed('alpha', feeds.url)}${feed('beta', feeds.url)}`);
    bot.signal('SIGHUP');
    const reloaded = await bot.waitForLog(isMsg('configuration reloaded'));
    expect(reloaded.sources).toBe(2);
    await until('the added source to be polled', () => polled('beta'));

    // A broken rule file with two problems (and a third source): refused, both problems logged.
    const attack = path.join(dir, 'rules', 'attack.yaml');
    const good = fs.readFileSync(attack, 'utf8');
    fs.writeFileSync(attack, `${good}\n  - id: Broken_Rule\n    kind: attack\n    weight: heavy\n`);
    fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n${feed('alpha', feeds.url)}${feed('beta', feeds.url)}${feed('gamma', feeds.url)}`);
    bot.signal('SIGHUP');
    const refused = await bot.waitForLog(isMsg('configuration refused'));
    const problems = refused.problems as { file: string; path: string; message: string }[];
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((p) => p.file.endsWith('attack.yaml'))).toBe(true);
    expect(problems.map((p) => p.path).join(' ')).toMatch(/\.id\b/);
    expect(problems.map((p) => p.path).join(' ')).toMatch(/\.weight\b/);
    expect(refused.msg).toContain('kebab-case');

    // Still running on the old configuration: it answers a second reload once the file is fixed.
    expect(bot.child.exitCode).toBeNull();
    const res = await fetch(`${String((await bot.waitForLog(isMsg('Tocsin is running'))).http)}/healthz`);
    expect(res.status).toBe(200);
    fs.writeFileSync(attack, good);
    bot.signal('SIGHUP');
    await bot.waitForLog((l) => isMsg('configuration reloaded')(l) && l.sources === 3);
    await until('the source added with the fix to be polled', () => polled('gamma'));

    expect(await bot.stop()).toBe(0);
    bot = undefined;
  });
});
