/** The shipped catalogues are complete, and an incomplete or broken one is a config problem. */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogues, parseCatalogue } from '../../src/config/locales-config';
import { EN, MESSAGE_KEYS } from '../../src/format';
import { LOCALES } from '../../src/model';
import { makeConfigDir, runCli } from '../support/cli';

const ROOT = path.join(__dirname, '..', '..');

describe('shipped catalogues (config/locales)', () => {
  const loaded = loadCatalogues(path.join(ROOT, 'config'));

  it('ship one catalogue for every locale but English, which is built in', () => {
    expect(Object.keys(loaded.catalogues).sort()).toEqual(LOCALES.filter((l) => l !== 'en').sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every key English has, each parsing as ICU MessageFormat', (lang) => {
    const catalogue = loaded.catalogues[lang] ?? {};
    expect(MESSAGE_KEYS.filter((k) => catalogue[k] === undefined)).toEqual([]);
    expect(loaded.problems.filter((p) => p.file.endsWith(`${lang}.yaml`))).toEqual([]);
  });
});

describe('parseCatalogue', () => {
  it('names each missing key, each unknown key and each message that does not parse', () => {
    const { catalogue, problems } = parseCatalogue('kind.attack: Attentat\nkind.atack: typo\nfield.level: "{rank, plural, one {x}"\n', 'fr.yaml', 'fr');
    expect(catalogue).toEqual({ 'kind.attack': 'Attentat' });
    expect(problems.find((p) => p.path === 'kind.atack')?.message).toMatch(/unknown/);
    expect(problems.find((p) => p.path === 'field.level')?.message).toMatch(/does not parse/);
    expect(problems.find((p) => p.path === 'field.severity')?.message).toMatch(/missing/);
    // Present but broken is not "missing": every other key is.
    expect(problems.filter((p) => /missing/.test(p.message))).toHaveLength(MESSAGE_KEYS.length - 2);
    expect(problems.every((p) => p.file === 'fr.yaml')).toBe(true);
  });
});

describe('tocsin check-config and catalogues', () => {
  it('reports a catalogue that lacks an English key, naming file and key, and exits 1', async () => {
    const dir = makeConfigDir(fs.readFileSync(path.join(ROOT, 'config', 'sources.yaml'), 'utf8'));
    // A copy of the locales folder whose French catalogue lost one message and broke another.
    fs.unlinkSync(path.join(dir, 'locales'));
    fs.mkdirSync(path.join(dir, 'locales'));
    for (const f of fs.readdirSync(path.join(ROOT, 'config', 'locales'))) fs.copyFileSync(path.join(ROOT, 'config', 'locales', f), path.join(dir, 'locales', f));
    const fr = fs.readFileSync(path.join(dir, 'locales', 'fr.yaml'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('attack.claim:'))
      .map((l) => (l.startsWith('field.level:') ? 'field.level: "{rank, plural, one {x}"' : l))
      .join('\n');
    fs.writeFileSync(path.join(dir, 'locales', 'fr.yaml'), fr);
    const r = await runCli(['check-config'], { TOCSIN_CONFIG_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fr\.yaml: attack\.claim: missing/);
    expect(r.stderr).toContain(EN['attack.claim']);
    expect(r.stderr).toMatch(/fr\.yaml: field\.level: the message does not parse/);
    expect(r.stderr).toMatch(/2 problems/);
  });
});
