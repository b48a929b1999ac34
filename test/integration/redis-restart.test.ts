/**
 * Issue 7: a Redis of the test's own, on a spare port, stopped and started again while
 * `tocsin run --once` is delivering → the alert arrives exactly once, nothing is lost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { makeConfigDir, makeDataDir, runCli, ROOT } from '../support/cli';
import { rss, startFeedServer } from '../support/feed-server';
import { startFakeDiscord } from '../support/fake-platforms';

const hasRedisServer = !spawnSync('redis-server', ['--version']).error;
if (!hasRedisServer) console.log('[tocsin] redis-server is not installed: the Redis restart test is skipped.');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts redis-server and resolves when it says it is ready (an event, not a poll). */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) {
        p.stdout?.off('data', onData);
        p.stdout?.resume();
        resolve();
      }
    };
    p.stdout?.on('data', onData);
    p.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${out}`)));
  });
  return p;
}

/** Stops a child process and waits until it has exited, so no handle outlives the test. */
async function stopped(p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exit = new Promise((r) => p.once('exit', r));
  p.kill(signal);
  await exit;
}

async function health(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
  } catch {
    return 0;
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

(hasRedisServer ? describe : describe.skip)('Redis stopped and restarted mid-run', () => {
  it('keeps tocsin run alive: /healthz says 503 while Redis is away, 200 when it is back, and SIGTERM exits 0', async () => {
    const port = await freePort();
    const httpPort = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-redis-'));
    let redis = await startRedis(port, dir);
    const feeds = await startFeedServer();
    feeds.set('/wire.xml', { body: rss('wire', [{ title: 'Quiet day', guid: 'calm' }]) });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tocsin.js'), 'run'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        LOG_LEVEL: 'warn',
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(httpPort),
        REDIS_URL: `redis://127.0.0.1:${port}/0`,
        TOCSIN_CONFIG_DIR: makeConfigDir(`sources:\n  - id: wire\n    type: feed\n    url: ${feeds.url}/wire.xml\n    every: 1m\n`),
        TOCSIN_DATA_DIR: makeDataDir(),
        TOCSIN_ALLOW_PRIVATE_FETCH: '1',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await until('healthy', async () => (await health(httpPort)) === 200);
      await stopped(redis);
      await until('503 while Redis is away', async () => (await health(httpPort)) === 503);
      redis = await startRedis(port, dir);
      await until('healthy again', async () => (await health(httpPort)) === 200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await stopped(child, 'SIGKILL');
      await stopped(redis);
      await feeds.close();
    }
  });


  it('loses nothing and doubles nothing', async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-redis-'));
    let redis = await startRedis(port, dir);
    const feeds = await startFeedServer();
    const discord = await startFakeDiscord();
    let child: ChildProcess | undefined;
    try {
      const env: Record<string, string> = {
        REDIS_URL: `redis://127.0.0.1:${port}/0`,
        TOCSIN_CONFIG_DIR: makeConfigDir(`sources:\n  - id: wire\n    type: feed\n    url: ${feeds.url}/wire.xml\n    every: 1m\n`),
        TOCSIN_DATA_DIR: makeDataDir(),
        TOCSIN_OUTBOX_LEASE_MS: '3000',
        TOCSIN_PLATFORM_TIMEOUT_MS: '2000',
        DISCORD_TOKEN: 'discord-token-restart',
        DISCORD_GATEWAY: 'off',
        DISCORD_API_URL: discord.url,
      };
      expect((await runCli(['subscribe', 'discord:501'], env)).code).toBe(0);
      feeds.set('/wire.xml', { body: rss('wire', [{ title: 'Quiet day in the markets', guid: 'calm' }]) });
      expect((await runCli(['run', '--once'], env)).code).toBe(0);

      // Discord fails until Redis has come back, so the job is queued while Redis is away.
      discord.fail({ match: { method: 'POST' }, times: Infinity, respond: { status: 503, body: { message: 'unavailable' } } });
      feeds.set('/wire.xml', {
        body: rss('wire', [
          { title: 'Quiet day in the markets', guid: 'calm' },
          { title: 'Gunman kills 4 at Porto stadium', description: 'A gunman opened fire outside a stadium in Porto, Portugal, killing four people.', guid: 'a1', link: 'https://news.example/porto' },
        ]),
      });
      const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'tocsin.js'), 'run', '--once'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', HTTP_PORT: '0', TOCSIN_ALLOW_PRIVATE_FETCH: '1', ...env },
        stdio: 'ignore',
      });
      child = proc;
      const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
      await discord.waitForRequest((q) => q.method === 'POST', 180_000);
      await stopped(redis);
      redis = await startRedis(port, dir);
      discord.clearFailures();
      expect(await exited).toBe(0);
      expect(discord.inChannel('501')).toHaveLength(1);
    } finally {
      if (child) await stopped(child, 'SIGKILL');
      await stopped(redis);
      await Promise.all([feeds.close(), discord.close()]);
    }
  });
});
