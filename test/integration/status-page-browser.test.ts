/**
 * Issue 15's "done when": a real browser (Debian's chromium through puppeteer-core) reads the
 * status page of a running `tocsin run` whose store was filled through the CLI — levels read
 * from the real MI5 and SGDSN captures served locally, incidents replayed from JSONL items
 * with tolls, and one source that fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { makeConfigDir, makeDataDir, runCli, ROOT } from '../support/cli';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { levelBand } from '../../src/status-page';
import type { LevelReading } from '../../src/model';

const SHARED_GOV = path.resolve(ROOT, '../shared/fixtures/gov');
const MI5 = path.join(SHARED_GOV, 'uk-mi5-UKThreatLevel-2026-04-30-SEVERE.xml');
const SGDSN = path.join(SHARED_GOV, 'fr-sgdsn-vigipirate-2026-10-04-excerpt.html');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'docs/status-page.png');

const haveFixtures = fs.existsSync(MI5) && fs.existsSync(SGDSN);
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveFixtures) console.warn(`status page browser test skipped: ${SHARED_GOV} (real MI5 and SGDSN captures) is absent`);
if (!haveChromium) console.warn(`status page browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run does it)`);
const describeBrowser = haveFixtures && haveChromium ? describe : describe.skip;

// Three CLI runs, a long-lived bot and a browser on a shared machine: allow minutes, not seconds.
jest.setTimeout(400_000);
const CLI_TIMEOUT_MS = 150_000;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** Our own news items, dated relative to now so they stay inside the page's 7-day window. */
function items(): string {
  const rows = [
    { id: 'lyon-en', title: 'Gunman kills 3 and injures 12 in shooting at Lyon train station', summary: 'A gunman opened fire at the Part-Dieu station in Lyon, France, killing three people and injuring twelve, police said.', url: 'https://news.example/lyon-shooting', published: hoursAgo(5), source: 'wire-en', lang: 'en' },
    { id: 'lyon-fr', title: 'Fusillade à la gare de Lyon Part-Dieu : trois morts et douze blessés', summary: 'Un homme armé a ouvert le feu dans la gare de Lyon Part-Dieu, faisant trois morts et douze blessés.', url: 'https://news.example/fr/lyon-fusillade', published: hoursAgo(4), source: 'wire-fr', lang: 'fr' },
    { id: 'manchester', title: 'Knife attack in Manchester: 2 dead, 4 injured, police declare terrorist incident', summary: 'Two people were killed and four injured in a stabbing at a Manchester tram stop in England; counter-terrorism police are leading the investigation.', url: 'https://news.example/manchester-stabbing', published: hoursAgo(3), source: 'wire-en', lang: 'en' },
  ];
  return rows.map((r) => JSON.stringify(r)).join('\n');
}

/** `tocsin run` as a long-lived child; resolves with its HTTP address once it says it is running. */
function startTocsin(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/tocsin.js'), 'run'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      for (const line of log.split('\n')) {
        if (!line.includes('Tocsin is running')) continue;
        const http = (JSON.parse(line) as { http?: string }).http;
        if (http) resolve({ url: http, child, stop });
      }
    });
    child.once('exit', (code) => reject(new Error(`tocsin run exited (${code}) before serving:\n${log}`)));
  });
}

describeBrowser('the status page in a real browser', () => {
  let feeds: FeedServer;
  let browser: Browser | undefined;
  let tocsin: Awaited<ReturnType<typeof startTocsin>> | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-status-browser-'));
  let env: Record<string, string>;

  beforeAll(async () => {
    feeds = await startFeedServer();
    feeds.set('/mi5', { body: fs.readFileSync(MI5) });
    feeds.set('/sgdsn', { body: fs.readFileSync(SGDSN), headers: { 'content-type': 'text/html; charset=utf-8' } });
    feeds.set('/broken', { status: 503, body: 'Service Unavailable' });
    const sources = [
      `  - id: uk-mi5\n    type: uk-mi5\n    url: ${feeds.url}/mi5\n    every: 1h`,
      `  - id: fr-vigipirate\n    type: fr-vigipirate\n    url: ${feeds.url}/sgdsn\n    every: 1h`,
      `  - id: broken-feed\n    type: feed\n    url: ${feeds.url}/broken\n    every: 1h\n    language: en`,
    ];
    env = { TOCSIN_CONFIG_DIR: makeConfigDir(`sources:\n${sources.join('\n')}\n`), TOCSIN_DATA_DIR: makeDataDir() };
    const once = await runCli(['run', '--once'], env, { timeoutMs: CLI_TIMEOUT_MS });
    expect(once.code).toBe(0);
    const file = path.join(tmp, 'items.jsonl');
    fs.writeFileSync(file, items());
    const replay = await runCli(['replay', file], env, { timeoutMs: CLI_TIMEOUT_MS });
    expect(replay.code).toBe(0);
  });

  afterAll(async () => {
    await browser?.close();
    await tocsin?.stop();
    await feeds?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the levels on the map, the replayed incidents with their tolls and the failing source, without console errors', async () => {
    const levels = JSON.parse((await runCli(['levels', '--json'], env, { timeoutMs: CLI_TIMEOUT_MS })).stdout) as LevelReading[];
    const uk = levels.find((l) => l.authority === 'uk-mi5' && l.scope === 'national');
    const fr = levels.find((l) => l.authority === 'fr-sgdsn' && l.scope === 'national');
    expect(uk).toMatchObject({ rank: 4, of: 5, name: 'SEVERE' });
    expect(fr?.rank).toBeGreaterThan(0);

    tocsin = await startTocsin(env);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: fs.mkdtempSync(path.join(tmp, 'profile-')),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.setViewport({ width: 1280, height: 900 });
    const res = await page.goto(`${tocsin.url}/`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);

    const fill = (code: string) => page.$eval(`svg.map path[data-country="${code}"]`, (p) => p.getAttribute('fill'));
    expect(await fill('GB')).toBe(levelBand(uk!.rank, uk!.of).colour);
    expect(await fill('FR')).toBe(levelBand(fr!.rank, fr!.of).colour);
    expect(await page.$eval('svg.map path[data-country="GB"] title', (t) => t.textContent)).toContain('SEVERE');

    const incidents = await page.$eval('#incidents', (t) => t.textContent ?? '');
    expect(incidents).toContain('At least 3 killed, 12 injured');
    expect(incidents).toContain('At least 2 killed, 4 injured');
    expect(incidents).toMatch(/2 sources, 2 languages \(en, fr\)/);

    const failing = await page.$eval('#source-problems tr[data-source="broken-feed"]', (t) => t.textContent ?? '');
    expect(failing).toMatch(/failing/);
    expect(failing).toMatch(/503/);

    const authorities = await page.$eval('#authorities', (t) => t.textContent ?? '');
    expect(authorities).toContain('SEVERE');
    expect(authorities).toContain(fr!.name);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    // On a phone the page fits the screen's width: tables stack instead of scrolling sideways.
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    expect(await page.$eval('html', (h) => h.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });

  it('is off (404) when TOCSIN_STATUS_PAGE=off', async () => {
    const off = await startTocsin({ ...env, TOCSIN_STATUS_PAGE: 'off' });
    try {
      for (const p of ['/', '/api/levels', '/api/incidents']) expect((await fetch(`${off.url}${p}`)).status).toBe(404);
      expect((await fetch(`${off.url}/healthz`)).status).toBe(200);
    } finally {
      await off.stop();
    }
  });
});
