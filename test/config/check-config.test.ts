import fs from 'node:fs';
import path from 'node:path';
import { loadAuthorities } from '../../src/config/authorities-config';
import { loadSourcesConfig } from '../../src/config/sources-config';
import { levelSourceSchemas } from '../../src/sources/levels';
import { authorityOfSource } from '../../src/sources/authority';
import { makeConfigDir, runCli } from '../support/cli';
import { parseSourcesConfig } from '../../src/config/sources-config';
import { readEnv } from '../../src/config/env';
import { ConfigError } from '../../src/config/config-error';

describe('tocsin check-config', () => {
  it('accepts the shipped configuration', async () => {
    const r = await runCli(['check-config'], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Configuration OK/);
  });

  it('lists every problem of a broken sources.yaml with file and field, and exits 1', async () => {
    const dir = makeConfigDir(
      [
        'sources:',
        '  - id: Bad_Id',
        '    type: feed',
        '    url: https://example.test/rss',
        '    every: 5m',
        '  - id: no-url',
        '    type: feed',
        '    every: soon',
        '  - id: strange',
        '    type: carrier-pigeon',
        '    url: https://example.test/x',
        '    every: 5m',
      ].join('\n'),
    );
    const r = await runCli(['check-config'], { TOCSIN_CONFIG_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sources.yaml');
    expect(r.stderr).toContain('sources[0].id');
    expect(r.stderr).toContain('sources[1].url');
    expect(r.stderr).toContain('sources[1].every');
    expect(r.stderr).toContain('sources[2].type');
    expect(r.stderr).toMatch(/carrier-pigeon/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('reports a missing sources.yaml and bad environment variables', async () => {
    const r = await runCli(['check-config'], { TOCSIN_CONFIG_DIR: '/nonexistent/tocsin', HTTP_PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HTTP_PORT/);
    expect(r.stderr).toMatch(/\/nonexistent\/tocsin\/sources\.yaml: cannot be read/);
  });
});

describe('config parsing', () => {
  it('refuses duplicate ids and too-short intervals', () => {
    const text = 'sources:\n  - {id: a, type: feed, url: "https://x.test/", every: 5s}\n  - {id: a, type: feed, url: "https://y.test/", every: 5m}\n';
    try {
      parseSourcesConfig(text, 'sources.yaml', {});
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.map((p) => `${p.path}: ${p.message}`);
      expect(problems.some((p) => p.startsWith('sources[0].every'))).toBe(true);
    }
  });

  it('reads the environment with defaults and lists every bad variable', () => {
    const env = readEnv({});
    expect(env.httpPort).toBe(8080);
    expect(env.dataDir).toBe('./data');
    expect(env.discord.gateway).toBe(false);
    expect(() => readEnv({ REDIS_URL: 'http://nope', LOG_LEVEL: 'loud' })).toThrow(/REDIS_URL[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*REDIS_URL/);
  });
});

describe('tocsin check-config and the authority registry', () => {
  it('refuses a source naming an authority the registry lacks, with file and path', async () => {
    const dir = makeConfigDir(
      [
        'sources:',
        '  - {id: news, type: feed, url: "https://example.test/rss", every: 5m}',
        '  - {id: mystery, type: level-page, url: "https://example.test/level", every: 30m, authority: xx-mystery}',
      ].join('\n'),
    );
    const r = await runCli(['check-config'], { TOCSIN_CONFIG_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sources\.yaml: sources\[1\]\.authority: unknown authority "xx-mystery"/);
  });

  it('refuses a registry entry whose scale is not lowest first, naming the path', async () => {
    const dir = makeConfigDir('sources:\n  - {id: news, type: feed, url: "https://example.test/rss", every: 5m}\n');
    fs.unlinkSync(path.join(dir, 'authorities.yaml'));
    fs.writeFileSync(
      path.join(dir, 'authorities.yaml'),
      [
        'authorities:',
        '  - id: xx-agency',
        '    country: XX',
        '    name: {en: Agency}',
        '    label: Agency',
        '    languages: [en]',
        '    tracked: false',
        '    urls: ["https://agency.example/"]',
        '    scale:',
        '      - {rank: 2, names: {en: [High]}, en: High, meaning: high}',
        '      - {rank: 1, names: {en: [Low]}, en: Low, meaning: low}',
      ].join('\n'),
    );
    const r = await runCli(['check-config'], { TOCSIN_CONFIG_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/authorities\.yaml: authorities\[0\]\.scale\[0\]\.rank: expected rank 1/);
  });
});

describe('the shipped authority registry', () => {
  const dir = path.resolve(__dirname, '../../config');
  const registry = loadAuthorities(dir);
  const sources = loadSourcesConfig(dir, levelSourceSchemas);

  it('knows every authority a shipped source reads, and marks exactly those tracked', () => {
    const read = new Set(sources.map(authorityOfSource).filter((id): id is string => id !== undefined));
    expect([...read].filter((id) => !registry.some((a) => a.id === id))).toEqual([]);
    expect(registry.filter((a) => a.tracked).map((a) => a.id).sort()).toEqual([...read].sort());
  });

  it('holds the ids the stored levels use, and no drifted one', () => {
    const ids = registry.map((a) => a.id);
    for (const id of ['uk-mi5', 'fr-sgdsn', 'nl-nctv', 'be-ocam', 'us-dhs', 'au-asio', 'es-interior', 'se-sapo', 'no-pst', 'dk-pet', 'at-dsn', 'nz-nzsis', 'ca-itac']) expect(ids).toContain(id);
    for (const id of ['us-ntas', 'es-naa', 'nz-ctag']) expect(ids).not.toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['pl-rcb', 'fi-supo', 'pt-ssi', 'ru-nak', 'kz-atc']));
  });
});
