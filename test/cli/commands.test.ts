import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, ROOT } from '../support/cli';
import { startFakeDiscord } from '../support/fake-platforms';

const DEV = path.resolve(ROOT, '../shared/fixtures/news/dev.jsonl');

interface Scores {
  items: number;
  attack: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  alert_level: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  incidents?: { pairs_precision: number; pairs_recall: number; f1: number };
  predictions: { id: string; kinds: string[]; incident: string | null }[];
}

describe('tocsin evaluate', () => {
  it('prints the figures and every prediction as INTERFACE.md specifies', async () => {
    const r = await runCli(['evaluate', path.join(ROOT, 'test/fixtures/evaluate/labelled.jsonl'), '--json'], {});
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Scores;
    expect(out.items).toBe(6);
    expect(out.attack).toEqual({ tp: 3, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(out.alert_level).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(out.incidents).toEqual({ pairs_precision: 1, pairs_recall: 1, f1: 1 });
    const byId = new Map(out.predictions.map((p) => [p.id, p]));
    expect(byId.get('t1')?.incident).toBe(byId.get('t2')?.incident);
    expect(byId.get('t3')?.incident).not.toBe(byId.get('t1')?.incident);
    expect(byId.get('t4')).toEqual({ id: 't4', kinds: [], incident: null });
    expect(byId.get('t5')?.kinds).toEqual(['alert_level']);
  });

  it('refuses a file that is not labelled JSONL, without a stack trace', async () => {
    const r = await runCli(['evaluate', path.join(ROOT, 'package.json')], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/package\.json:1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  (fs.existsSync(DEV) ? it : it.skip)('meets the targets on the shared development set', async () => {
    const out = JSON.parse((await runCli(['evaluate', DEV, '--json'], {})).stdout) as Scores;
    expect(out.items).toBe(87);
    expect(out.attack.precision).toBeGreaterThanOrEqual(0.95);
    expect(out.attack.recall).toBeGreaterThanOrEqual(0.9);
    expect(out.alert_level.precision).toBeGreaterThanOrEqual(0.95);
    expect(out.alert_level.recall).toBeGreaterThanOrEqual(0.9);
    expect(out.incidents?.f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('tocsin explain and parse', () => {
  it('explains a detection with its rules, places and casualties', async () => {
    const r = await runCli(['explain', 'Gunmen kill 12 at a concert hall in Lyon, France'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/attack/i);
    expect(r.stdout).toMatch(/Lyon/);
    expect(r.stdout).toMatch(/12/);
  });

  it('reads a feed and a bad input, one JSON line each, exit 1', async () => {
    const good = path.join(ROOT, 'test/fixtures/feeds/rss2.xml');
    const r = await runCli(['parse', good, path.join(ROOT, 'README.md'), '--json'], {});
    expect(r.code).toBe(1);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; ok: boolean; items?: unknown[]; error?: string });
    expect(a).toMatchObject({ input: good, ok: true });
    expect(a?.items?.length).toBeGreaterThan(0);
    expect(b).toMatchObject({ ok: false });
    expect(b?.error).toMatch(/not a feed|malformed/);
  });

  it('reads an official page with --type', async () => {
    const r = await runCli(['parse', path.join(ROOT, 'test/fixtures/levels/ntas-bulletin.xml'), '--type', 'us-ntas', '--json'], {});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reading).toMatchObject({ authority: 'us-dhs', rank: 1 });
  });
});

describe('tocsin replay', () => {
  it('pushes JSONL items through detection, grouping and delivery, once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-replay-'));
    const file = path.join(dir, 'items.jsonl');
    fs.writeFileSync(
      file,
      [
        { title: 'Gunmen kill 12 at concert hall in Lyon', summary: 'Attackers opened fire at a concert hall in Lyon, France.', url: 'https://a.example/1', published: '2026-11-03T20:00:00Z', source: 'wire-a', lang: 'en' },
        { title: 'Attentat à Lyon : 20 morts', summary: 'Des hommes armés ont ouvert le feu dans une salle de concert à Lyon.', url: 'https://b.example/1', published: '2026-11-03T22:00:00Z', source: 'wire-b', lang: 'fr' },
        { title: 'Footballer has heart attack', summary: 'He is stable.', url: 'https://a.example/2', published: '2026-11-03T21:00:00Z', source: 'wire-a', lang: 'en' },
      ].map((x) => JSON.stringify(x)).join('\n'),
    );
    const env = { TOCSIN_DATA_DIR: fs.mkdtempSync(path.join(dir, 'data-')), TOCSIN_EDIT_COALESCE_MS: '0' };
    const r = await runCli(['replay', file], env);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/Lyon/g)?.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/heart/i);
    const again = await runCli(['replay', file], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new items/);
    expect(again.stdout).not.toMatch(/Attack/);
  });
});

describe('tocsin commands register', () => {
  it('registers /alerts with its subcommands in one guild, and refuses without credentials', async () => {
    const discord = await startFakeDiscord();
    try {
      const env = { DISCORD_TOKEN: 'discord-token-register', DISCORD_APPLICATION_ID: '555', DISCORD_API_URL: discord.url };
      const r = await runCli(['commands', 'register', '--guild', '42'], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const registered = discord.commands.get('555/42') as { name: string; options: { name: string }[] }[] | undefined;
      expect(registered?.[0]?.name).toBe('alerts');
      expect(registered?.[0]?.options.map((o) => o.name).sort()).toEqual(['help', 'recent', 'sources', 'status', 'subscribe', 'subscriptions', 'test', 'unsubscribe']);
      const refused = await runCli(['commands', 'register'], {});
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    } finally {
      await discord.close();
    }
  });
});
