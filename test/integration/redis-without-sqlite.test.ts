/**
 * Issue 14: a replica on Redis needs no native module. The CLI runs in a child process where
 * better-sqlite3 cannot be loaded (a preload makes every load of it throw and records it):
 * on Redis it polls and delivers; on the embedded store the same preload stops it, which
 * shows the preload does bite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../support/cli';
import { rss } from '../support/feed-server';
import { describeRedis } from '../support/redis';
import { oneFeed, startWorld } from '../support/world';

const HOOK = path.join(ROOT, 'test', 'support', 'block-native-sqlite.js');
const calm = { title: 'Parliament debates the budget', description: 'Members argued over spending plans.', guid: 'calm-1', pubDate: 'Mon, 02 Nov 2026 08:00:00 GMT' };
const attack = { title: 'Gunmen kill 12 in attack on concert hall in Lyon', description: 'Attackers opened fire on the crowd at a concert hall in Lyon, France, killing at least 12 people, police said.', guid: 'attack-1', pubDate: 'Tue, 03 Nov 2026 20:15:00 GMT' };

function markerFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-marker-')), 'loads.txt');
}

describeRedis('the Redis store without better-sqlite3', () => {
  it('tocsin run --once on Redis polls and delivers without ever loading better-sqlite3', async () => {
    const world = await startWorld('redis', (base) => oneFeed('wire', `${base}/wire.xml`));
    try {
      const marker = markerFile();
      // No platform configured: alerts go to standard output.
      const env = { ...world.env, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, DISCORD_TOKEN: undefined, NODE_OPTIONS: `--require=${HOOK}`, TOCSIN_TEST_SQLITE_MARKER: marker };
      world.feeds.set('/wire.xml', { body: rss('Wire', [calm]) });
      const baseline = await runCli(['run', '--once'], env);
      expect(baseline.stderr).toBe('');
      expect(baseline.code).toBe(0);
      world.feeds.set('/wire.xml', { body: rss('Wire', [calm, attack]) });
      const res = await runCli(['run', '--once'], env);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('Lyon');
      expect(fs.existsSync(marker)).toBe(false);
      expect(fs.readdirSync(world.env.TOCSIN_DATA_DIR ?? '')).not.toContain('tocsin.db');
    } finally {
      await world.close();
    }
  });

  it('the same preload stops the embedded store (so the check above can fail)', async () => {
    const world = await startWorld('embedded', (base) => oneFeed('wire', `${base}/wire.xml`));
    try {
      world.feeds.set('/wire.xml', { body: rss('Wire', [calm]) });
      const marker = markerFile();
      const res = await runCli(['run', '--once'], { ...world.env, NODE_OPTIONS: `--require=${HOOK}`, TOCSIN_TEST_SQLITE_MARKER: marker });
      expect(res.code).not.toBe(0);
      expect(fs.readFileSync(marker, 'utf8')).toContain('better-sqlite3');
    } finally {
      await world.close();
    }
  });
});
