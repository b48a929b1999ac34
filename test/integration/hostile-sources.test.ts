/**
 * Issue 8: hostile sources through the real CLI. One config holds a good feed and one
 * source per hostile case, all served by a server of this test. Each hostile source must
 * end as a per-source error in words (or a bounded item), the child's memory must stay
 * bounded, and the good feed's new attack must still reach Discord exactly once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { makeConfigDir, makeDataDir, ROOT, runCli, type CliResult } from '../support/cli';
import { rss, type TestItem } from '../support/feed-server';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-platforms';

const CHANNEL = '333333333333333333';
const MAX_BYTES = 4 * 1024 * 1024;
const PEAK_RSS_LIMIT_MB = 400;

const calm: TestItem[] = [{ title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' }];
const attackIn = (city: string, guid: string, extraTitle = ''): TestItem => ({
  title: `Gunman kills 4 in attack at ${city} market${extraTitle}`,
  description: `A gunman opened fire on shoppers at a market in ${city}, killing four people, police said.`,
  guid,
  link: `https://news.example/${guid}`,
  pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
});

/** "Billion laughs": nine levels of ten references each, 3 GB if anything expanded them. */
function billionLaughs(item: TestItem): string {
  const defs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ');
  return `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${defs}
]>
<rss version="2.0"><channel><title>&lol9;</title><link>https://example.test/</link><description>&lol9;</description>
<item><title>${item.title} &lol9;</title><guid>${item.guid}</guid><description>${item.description} &lol9;</description></item></channel></rss>`;
}

/** 256 MB of zeros, gzipped (~250 KB), made in a stream so the test itself stays small. */
async function gzipBomb(): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (c: Buffer) => parts.push(c));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 256; i++) if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
  await new Promise((r) => gz.end(r));
  return Buffer.concat(parts);
}

interface HostileServer {
  url: string;
  setFeed(path: string, items: TestItem[]): void;
  setRaw(path: string, bytes: Buffer): void;
  close(): Promise<void>;
}

async function startHostileServer(bomb: Buffer): Promise<HostileServer> {
  const feeds = new Map<string, Buffer>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    const feed = p ? feeds.get(p) : undefined;
    if (feed) return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed);
    switch (p) {
      case '/huge.xml': {
        // 60 MB, streamed as the client reads it; stops when the client hangs up.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 60 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>');
        return pump();
      }
      case '/gzip-bomb.xml':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
      case '/drip.xml': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const text = rss('Drip', calm);
        let i = 0;
        const timer = setInterval(() => (i < text.length ? res.write(text[i++] as string) : res.end()), 1000);
        timers.add(timer);
        res.on('close', () => (clearInterval(timer), timers.delete(timer)));
        return;
      }
      case '/loop-a':
        return void res.writeHead(302, { location: '/loop-b' }).end();
      case '/loop-b':
        return void res.writeHead(302, { location: '/loop-a' }).end();
      case '/page.html':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>Our news</h1></body></html>');
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setFeed: (p, items) => feeds.set(p, Buffer.from(rss('Feed', items))),
    setRaw: (p, bytes) => feeds.set(p, bytes),
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Like runCli, and reads the child's peak resident memory (VmHWM) while it runs. */
function runCliMeasured(args: string[], env: Record<string, string>): Promise<CliResult & { peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tocsin.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', HTTP_PORT: '0', TOCSIN_ALLOW_PRIVATE_FETCH: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        /* the child has just exited */
      }
    }, 50);
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, peakMb: peakKb / 1024 });
    });
  });
}

interface SourceRow {
  id: string;
  health: string;
  lastPoll?: string;
  lastError?: string;
  consecutiveFailures: number;
}

const describeProc = fs.existsSync('/proc/self/status') ? describe : describe.skip;

describeProc('hostile sources through tocsin run --once', () => {
  let server: HostileServer;
  let discord: FakeDiscord;
  let env: Record<string, string>;
  const peaks: number[] = [];
  let rows: Map<string, SourceRow>;

  const posts = () => discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL}/messages`));
  const postsAbout = (city: string) => posts().filter((r) => JSON.stringify(r.body).includes(city));

  async function runOnce(): Promise<void> {
    const r = await runCliMeasured(['run', '--once'], env);
    peaks.push(r.peakMb);
    if (r.code !== 0) throw new Error(`run --once exited ${r.code}\n${r.stderr}`);
  }

  async function sourceRows(): Promise<Map<string, SourceRow>> {
    const r = await runCli(['sources', '--json'], env);
    expect(r.code).toBe(0);
    return new Map((JSON.parse(r.stdout) as { sources: SourceRow[] }).sources.map((s) => [s.id, s]));
  }

  beforeAll(async () => {
    server = await startHostileServer(await gzipBomb());
    discord = await startFakeDiscord();
    server.setFeed('/good.xml', calm);
    server.setFeed('/bad-utf8.xml', calm);
    server.setFeed('/long-title.xml', calm);
    server.setRaw('/entity-bomb.xml', Buffer.from(billionLaughs(calm[0] as TestItem)));
    const entries = [
      ['good', '/good.xml'],
      ['entity-bomb', '/entity-bomb.xml'],
      ['huge-body', '/huge.xml'],
      ['gzip-bomb', '/gzip-bomb.xml'],
      ['drip', '/drip.xml'],
      ['redirect-loop', '/loop-a'],
      ['html-page', '/page.html'],
      ['bad-utf8', '/bad-utf8.xml'],
      ['long-title', '/long-title.xml'],
    ];
    const yaml = entries.map(([id, p]) => `  - id: ${id}\n    type: feed\n    url: ${server.url}${p}\n    every: 1m\n    language: en\n`).join('');
    env = {
      TOCSIN_CONFIG_DIR: makeConfigDir(`sources:\n${yaml}`),
      TOCSIN_DATA_DIR: makeDataDir(),
      TOCSIN_FETCH_MAX_BYTES: String(MAX_BYTES),
      TOCSIN_FETCH_TIMEOUT_MS: '3000',
      DISCORD_TOKEN: 'hostile-test-discord-token',
      DISCORD_GATEWAY: 'off',
      DISCORD_API_URL: discord.url,
    };
    const sub = await runCli(['subscribe', `discord:${CHANNEL}`], env);
    expect(sub.code).toBe(0);
    await runOnce(); // baseline: nothing posted, the hostile sources already fail
    expect(posts()).toHaveLength(0);
    server.setFeed('/good.xml', [attackIn('Lyon', 'good-attack'), ...calm]);
    // A 200 KB title, and bytes that are not UTF-8 at all (a lone continuation byte, 0xFF, a cut
    // sequence) inside an item: both must become bounded items.
    server.setRaw('/entity-bomb.xml', Buffer.from(billionLaughs(attackIn('Riga', 'bomb-attack'))));
    server.setFeed('/long-title.xml', [attackIn('Vienna', 'long-attack', ` ${'and the crowd fled '.repeat(11_000)}`), ...calm]);
    const [before, after] = rss('Feed', [attackIn('Sofia', 'utf8-attack', ' MARK'), ...calm]).split('MARK') as [string, string];
    server.setRaw('/bad-utf8.xml', Buffer.concat([Buffer.from(before), Buffer.from([0x80, 0xff, 0xc3, 0x28]), Buffer.from(after)]));
    await runOnce();
    rows = await sourceRows();
  });

  afterAll(async () => {
    await Promise.all([server?.close(), discord?.close()]);
  });

  it('delivers the good feed’s attack exactly once', () => {
    expect(postsAbout('Lyon')).toHaveLength(1);
  });

  it.each([
    ['huge-body', /body larger than 4 MB/],
    ['gzip-bomb', /body larger than 4 MB/],
    ['drip', /timed out after 3 s/],
    ['redirect-loop', /redirect loop/],
    ['html-page', /not a feed: HTML page/],
  ])('reports %s as a per-source error in words', (id, reason) => {
    const row = rows.get(id);
    expect(row?.lastPoll).toBeDefined();
    expect(row?.consecutiveFailures).toBe(2);
    expect(row?.lastError).toMatch(reason);
    expect(row?.lastError).not.toMatch(/\n|^\s*at /);
  });

  it('reads an entity bomb, invalid UTF-8 and a 200 KB title as bounded items', () => {
    for (const id of ['entity-bomb', 'bad-utf8', 'long-title']) expect(rows.get(id)).toMatchObject({ health: 'healthy', consecutiveFailures: 0 });
    const sofia = postsAbout('Sofia');
    const vienna = postsAbout('Vienna');
    const riga = postsAbout('Riga');
    expect(sofia).toHaveLength(1);
    expect(vienna).toHaveLength(1);
    expect(riga).toHaveLength(1);
    // The fake Discord refuses anything over its documented limits, so a recorded post is within them.
    expect(JSON.stringify(vienna[0]?.body).length).toBeLessThan(10_000);
    expect(JSON.stringify(riga[0]?.body)).not.toContain('lollollol');
  });

  it('keeps the process memory bounded', () => {
    if (process.env.TOCSIN_TEST_VERBOSE) console.log({ peaks, rows: [...rows.values()].map((r) => [r.id, r.health, r.lastError]) });
    expect(peaks).toHaveLength(2);
    for (const mb of peaks) {
      expect(mb).toBeGreaterThan(0);
      expect(mb).toBeLessThan(PEAK_RSS_LIMIT_MB);
    }
  });
});
