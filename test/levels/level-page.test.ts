import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LevelSourceConfig } from '../../src/sources/levels';
import { getLevelAdapter, levelSourceSchemas } from '../../src/sources/levels';
import { describeShared, doc, failureOf, NOW, own, parseWith, shared, summary, withAuthority } from './helpers';

const shipped: LevelSourceConfig[] = parseYaml(
  readFileSync(path.resolve(__dirname, '../../config/sources.yaml'), 'utf8'),
).sources;

function shippedEntry(id: string): LevelSourceConfig {
  const entry = shipped.find((s) => s.id === id);
  if (!entry) throw new Error(`config/sources.yaml has no ${id}`);
  return entry;
}

/** Parses `body` as the shipped source `id` would. */
function readShipped(id: string, body: string) {
  const entry = withAuthority(shippedEntry(id));
  return getLevelAdapter(entry.type)!.parse(doc(body, 200, entry.url), entry, NOW);
}

function shippedFailure(id: string, body: string): string {
  const { id: _id, type: _type, url: _url, every: _every, ...options } = shippedEntry(id);
  return failureOf('level-page', body, options);
}

const nl = (extra: Record<string, unknown>) => ({ authority: 'nl-nctv', ...extra });

describe('shipped alert-level sources', () => {
  const levelEntries = shipped.filter((s) => s.type !== 'feed');

  it('covers every authority the brief names, each valid against its type schema', () => {
    expect(levelEntries.map((s) => s.id).sort()).toEqual([
      'at-dsn', 'au-nationalsecurity', 'be-ocam', 'ca-itac', 'dk-pet', 'es-interior', 'fr-vigipirate',
      'nl-nctv', 'no-pst', 'nz-nzsis', 'se-sapo', 'uk-mi5', 'us-ntas',
    ]);
    for (const entry of levelEntries) {
      const schema = levelSourceSchemas[entry.type as keyof typeof levelSourceSchemas];
      expect(schema).toBeDefined();
      const result = schema.safeParse(entry);
      expect(result.success ? entry.id : `${entry.id}: ${JSON.stringify(result.error?.issues)}`).toBe(entry.id);
    }
  });

  it('polls every 10 to 30 minutes over https', () => {
    for (const entry of levelEntries) {
      const minutes = Number(/^(\d+)m$/.exec(entry.every)?.[1]);
      expect([entry.id, minutes >= 10 && minutes <= 30]).toEqual([entry.id, true]);
      expect(entry.url).toMatch(/^https:\/\//);
    }
  });

  it('rejects entries with a typo, a pattern without a group, or a scale of their own', () => {
    const base = { id: 'x', type: 'level-page', url: 'https://x.example', every: '15m', ...nl({}) };
    expect(levelSourceSchemas['level-page'].safeParse({ ...base, pattern: 'level (\\d)' }).success).toBe(true);
    expect(levelSourceSchemas['level-page'].safeParse({ ...base, pattern: 'level \\d' }).success).toBe(false);
    expect(levelSourceSchemas['level-page'].safeParse({ ...base, pattern: '(' }).success).toBe(false);
    // Nothing to say where the level is: the page's statements are read (see statements.ts).
    expect(levelSourceSchemas['level-page'].safeParse(base).success).toBe(true);
    expect(levelSourceSchemas['level-page'].safeParse({ ...base, levels: [] }).success).toBe(false);
    expect(levelSourceSchemas['uk-mi5'].safeParse({ id: 'u', type: 'uk-mi5', url: 'https://x.example', every: '10m', evry: 1 }).success).toBe(false);
  });

  // Our own sentences in the style of each authority's page: they check the shipped patterns, not the live pages.
  it.each([
    ['be-ocam', 'The general threat level in Belgium is currently level 3 on a scale of 4.', 'Grave 3/4'],
    ['es-interior', 'El nivel de alerta antiterrorista se mantiene en el nivel 4, riesgo alto.', 'Riesgo alto 4/5'],
    ['se-sapo', 'The terrorist threat level in Sweden is 3 on a five-point scale.', 'Förhöjt hot 3/5'],
    ['no-pst', 'Terrortrusselnivået i Norge er moderat.', 'Moderat 3/5'],
    ['dk-pet', 'Terrortruslen mod Danmark er fortsat alvorlig. Truslen kommer især fra militant islamisme.', 'Alvorlig 4/5'],
    ['dk-pet', 'Terrortruslen mod Danmark er meget alvorlig.', 'Meget alvorlig 5/5'],
    ['at-dsn', 'Die Terrorwarnstufe liegt derzeit bei Stufe 4 von 5.', 'Hohe Gefährdung 4/5'],
    ['ca-itac', "Canada's current National Terrorism Threat Level is medium. It has been at this level since 2014.", 'Medium 3/5'],
    ['nl-nctv', '<p>Actueel dreigingsniveau: niveau 4</p>', 'Substantieel 4/5'],
  ])('%s reads "%s"', (id, text, expected) => {
    const [r] = readShipped(id, `<html><body><main>${text}</main></body></html>`);
    expect(`${r?.name} ${r?.rank}/${r?.of}`).toBe(expected);
  });
});

describeShared('level-page with the shipped config on real page text', () => {
  it('NCTV: "Actueel dreigingsniveau: substantieel" is 4 of 5', () => {
    const [r] = readShipped('nl-nctv', shared('nl-nctv-dtn-page-text.txt'));
    expect(r).toMatchObject({ authority: 'nl-nctv', country: 'NL', rank: 4, of: 5, name: 'Substantieel', name_en: 'Substantial' });
  });

  it('NZSIS (before the 2026 renaming): the likelihood sentence reads as POSSIBLE, 2 of 5', () => {
    expect(readShipped('nz-nzsis', shared('nz-nzsis-threat-level-text.txt')).map(summary)).toEqual(['nz-nzsis/national POSSIBLE 2/5']);
  });

  it('PST: the page text lists the scale without marking the current level, so no level is read', () => {
    expect(shippedFailure('no-pst', shared('no-pst-dagens-trusselbilde-text.txt'))).toMatch(/no statement of the current level/);
  });
});

describe('level-page on written pages', () => {
  it('reads the element a selector points at', () => {
    const [r] = parseWith('level-page', own('nl-nctv-page.html'), nl({ selector: '.threat-level .level' }));
    expect([r?.rank, r?.name]).toEqual([3, 'Aanzienlijk']);
  });

  it('reads a pattern in the page text, ignoring a site banner when no selector is given', () => {
    const [r] = parseWith('level-page', own('nl-nctv-page.html'), nl({ pattern: 'dreigingsniveau\\s*(?:is\\s+)?(\\p{L}+)' }));
    // The banner's "het dreigingsniveau is kritiek" comes first in the page but is site chrome.
    expect(r?.rank).toBe(3);
    const [n] = parseWith('level-page', own('nl-nctv-page.html'), nl({ pattern: 'Niveau (\\d) van 5' }));
    expect(n?.rank).toBe(3);
  });

  it('NZSIS after the renaming: POSSIBLE', () => {
    expect(readShipped('nz-nzsis', own('nz-nzsis-2026.html')).map(summary)).toEqual(['nz-nzsis/national POSSIBLE 2/5']);
  });

  it('refuses to choose when the located text names several levels', () => {
    expect(failureOf('level-page', own('nl-nctv-page.html'), nl({ selector: 'ol' }))).toMatch(/ambiguous/);
  });

  it('says what failed: selector, pattern, unknown word, number off the scale, bad config', () => {
    expect(failureOf('level-page', own('nl-nctv-page.html'), nl({ selector: '#nope' }))).toMatch(/selector "#nope" matched nothing/);
    expect(failureOf('level-page', own('nl-nctv-page.html'), nl({ pattern: 'Huidig niveau: (\\w+)' }))).toMatch(/pattern did not match/);
    expect(failureOf('level-page', '<p>Level: orange</p>', nl({ pattern: 'Level: (\\w+)' }))).toMatch(/no level name in "orange"/);
    expect(failureOf('level-page', '<p>Level: 7</p>', nl({ pattern: 'Level: (\\d)' }))).toMatch(/outside the configured scale of 5/);
    expect(failureOf('level-page', '<p>x</p>', { authority: 'nl-nctv', pattern: '(x)', levels: [] })).toMatch(/^bad level-page config for test-level-page: /);
    expect(failureOf('level-page', '<p>x</p>', { authority: 'xx-unknown', pattern: '(x)' })).toMatch(/xx-unknown is not in config\/authorities.yaml/);
  });

  it('matches the longest name, accent- and case-insensitively, and reads numbers from json_path', () => {
    const opts = { authority: 'fr-sgdsn' };
    expect(parseWith('level-page', own('level-page.json'), { ...opts, json_path: 'data.levels[0].name' })[0]?.rank).toBe(2);
    expect(parseWith('level-page', own('level-page.json'), { ...opts, json_path: 'data.number' })[0]?.name).toBe('vigilance renforcée');
    expect(parseWith('level-page', '<p>Niveau : VIGILANCE RENFORCEE</p>', { ...opts, pattern: 'Niveau : (.+)' })[0]?.rank).toBe(2);
    expect(failureOf('level-page', own('level-page.json'), { ...opts, json_path: 'data.missing' })).toMatch(/nothing at json_path/);
    expect(failureOf('level-page', own('nl-nctv-page.html'), { ...opts, json_path: 'data.number' })).toMatch(/HTML page where JSON/);
  });

  it('rejects a challenge page before looking for the level', () => {
    expect(failureOf('level-page', own('challenge-attention-required.html'), nl({ selector: 'h1' }), 403)).toMatch(/Cloudflare block page/);
  });
});
