/**
 * Issue 7 through the real CLI, with the recording platforms injecting faults: a storm of
 * 429s and 500s, a process SIGKILLed while Discord or Slack hangs after accepting the
 * message, a 403 on one channel, and (on Redis) two replicas at once. Each test counts
 * what reached the channel: delivered once, never twice, never lost.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runCli, ROOT } from '../support/cli';
import { rss, type TestItem } from '../support/feed-server';
import { discordError, discordRateLimit, slackRateLimit } from '../support/fake-platforms';
import { testRedisAvailable } from '../support/redis';
import { oneFeed, startWorld, type World } from '../support/world';

const calm: TestItem = { title: 'Markets calm ahead of holiday', description: 'Trading was quiet.', guid: 'calm', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };
const attackItem = (n: number): TestItem => ({
  title: `Gunman kills ${n + 2} in shooting at Rotterdam station`,
  description: `A gunman opened fire at Rotterdam central station in the Netherlands, killing ${n + 2} people, police said.`,
  guid: `attack-${n}`,
  link: `https://news.example/rotterdam-${n}`,
  pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT',
});

async function world(backend: 'embedded' | 'redis', channels: string[]): Promise<World> {
  const w = await startWorld(backend, (url) => oneFeed('wire', `${url}/wire.xml`), { TOCSIN_OUTBOX_LEASE_MS: '3000', TOCSIN_PLATFORM_TIMEOUT_MS: '2000' });
  for (const c of channels) expect((await runCli(['subscribe', c], w.env)).code).toBe(0);
  w.feeds.set('/wire.xml', { body: rss('wire', [calm]) });
  expect((await runCli(['run', '--once'], w.env)).code).toBe(0); // baseline
  return w;
}

const close = async (w?: World) => w?.close();
const backends: ('embedded' | 'redis')[] = testRedisAvailable() ? ['embedded', 'redis'] : ['embedded'];

describe.each(backends)('delivery under faults (%s store)', (backend) => {
  let w: World | undefined;
  afterEach(async () => {
    await close(w);
    w = undefined;
  });

  it('delivers each alert once per channel through a storm of 429s and 500s', async () => {
    w = await world(backend, ['discord:401', 'slack:C401']);
    w.discord.fail({ match: { method: 'POST', path: /messages$/ }, times: 3, respond: discordRateLimit(0.3) });
    w.discord.fail({ match: { method: 'POST', path: /messages$/ }, times: 2, respond: discordError(500, 0, 'Internal Server Error') });
    w.slack.fail({ match: { path: 'chat.postMessage' }, times: 3, respond: slackRateLimit(1) });
    w.slack.fail({ match: { path: 'chat.postMessage' }, times: 2, respond: { status: 500, body: 'oops' } });
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attackItem(1), { ...attackItem(2), title: 'Bomb kills 4 at Lisbon market', description: 'A bomb exploded at a market in Lisbon, Portugal, killing four people.', link: 'https://news.example/lisbon' }]) });
    const r = await runCli(['run', '--once'], w.env);
    expect(r.code).toBe(0);
    expect(w.discord.inChannel('401')).toHaveLength(2);
    expect(w.slack.inChannel('C401')).toHaveLength(2);
    expect(w.discord.requests.filter((q) => q.method === 'POST' && /messages$/.test(q.path)).length).toBeGreaterThanOrEqual(7); // 5 refused + 2 accepted
  });

  it('marks a channel that answers 403 as broken and still serves the others', async () => {
    w = await world(backend, ['discord:402', 'discord:403', 'slack:C402']);
    w.discord.fail({ match: { channel: '403' }, times: Infinity, respond: discordError(403, 50001, 'Missing Access') });
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attackItem(1)]) });
    const r = await runCli(['run', '--once'], w.env);
    expect(r.code).toBe(1); // a delivery could not complete, and says so
    expect(w.discord.inChannel('402')).toHaveLength(1);
    expect(w.slack.inChannel('C402')).toHaveLength(1);
    expect(w.discord.inChannel('403')).toHaveLength(0);
    const subs = JSON.parse((await runCli(['subscriptions', '--json'], w.env)).stdout) as { channel: string; broken?: { reason: string } }[];
    expect(subs.find((s) => s.channel === 'discord:403')?.broken?.reason).toMatch(/Missing Access|403/);
    expect(subs.find((s) => s.channel === 'discord:402')?.broken).toBeUndefined();
  });

  it.each(['discord', 'slack'] as const)('posts once on %s when the process is killed while the platform hangs after accepting', async (platform) => {
    w = await world(backend, [platform === 'discord' ? 'discord:404' : 'slack:C404']);
    const fake = platform === 'discord' ? w.discord : w.slack;
    const match = platform === 'discord' ? { method: 'POST', path: /messages$/ } : { path: 'chat.postMessage' };
    fake.fail({ match, times: 1, respond: 'hang-after-accept' });
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attackItem(1)]) });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'tocsin.js'), 'run', '--once'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', HTTP_PORT: '0', ...w.env, TOCSIN_PLATFORM_TIMEOUT_MS: '5000' },
      stdio: 'ignore',
    });
    await fake.waitForRequest((q) => (platform === 'discord' ? q.method === 'POST' && /messages$/.test(q.path) : q.path.endsWith('chat.postMessage')), 180_000);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const r = await runCli(['run', '--once'], { ...w.env, LOG_LEVEL: 'info' });
    if (r.code !== 0) throw new Error(r.stderr);
    const delivered = platform === 'discord' ? w.discord.inChannel('404') : w.slack.inChannel('C404');
    expect(delivered).toHaveLength(1);
  });
});

(testRedisAvailable() ? describe : describe.skip)('two replicas on one Redis', () => {
  let w: World | undefined;
  afterAll(async () => close(w));

  it('deliver each alert once', async () => {
    w = await world('redis', ['discord:405', 'slack:C405']);
    w.feeds.set('/wire.xml', { body: rss('wire', [calm, attackItem(1), { ...attackItem(2), title: 'Knife attack in Oslo leaves 3 dead', description: 'A man stabbed people in central Oslo, Norway, killing three.', link: 'https://news.example/oslo' }]) });
    const [a, b] = await Promise.all([runCli(['run', '--once'], w.env), runCli(['run', '--once'], w.env)]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(w.discord.inChannel('405')).toHaveLength(2);
    expect(w.slack.inChannel('C405')).toHaveLength(2);
  });
});
