/** The fast ICU walk gives exactly what intl-messageformat gives, for every shipped message. */
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { loadCatalogues } from '../../src/config/locales-config';
import { EN, MESSAGE_KEYS } from '../../src/format';
import { fastFormat } from '../../src/format/locale/icu-eval';

const { catalogues } = loadCatalogues(path.join(__dirname, '..', '..', 'config'));
const texts: [string, string, string][] = [
  ...MESSAGE_KEYS.map((k) => ['en', k, EN[k]] as [string, string, string]),
  ...Object.entries(catalogues).flatMap(([lang, c]) => Object.entries(c ?? {}).map(([k, t]) => [lang, k, t] as [string, string, string])),
];

function valueSets(): Record<string, string | number>[] {
  const sets: Record<string, string | number>[] = [];
  for (const n of [0, 1, 2, 3, 5, 22, 137, 1500])
    for (const [severity, direction, status, raised] of [['low', 'raised', 'reported', 'yes'], ['medium', 'lowered', 'confirmed', 'no'], ['high', 'set', 'disputed', 'yes'], ['critical', 'raised', 'confirmed', 'no']] as const)
      sets.push({ n, sources: n, hours: n, of: n, rank: n, severity, direction, what: direction, status, raised, kind: 'K', place: 'P', country: 'C', countries: 'Cs', actors: 'A', toll: 'T', time: 'TIME', headline: 'H', lang: 'en', name: 'N', gloss: 'G', level: 'L', who: 'W', outlets: 'O' });
  return sets;
}

describe('fastFormat', () => {
  it.each([...new Set(texts.map(([lang]) => lang))])('%s: every message', (lang) => {
    const tag = lang === 'no' ? 'nb' : lang;
    for (const [, key, text] of texts.filter(([l]) => l === lang)) {
      const fmt = new IntlMessageFormat(text, tag);
      const fast = fastFormat(fmt, tag);
      for (const values of valueSets()) expect([key, fast(values)]).toEqual([key, String(fmt.format(values))]);
    }
  });

  it('refuses a missing value rather than print a hole', () => {
    const tag = 'fr';
    expect(fastFormat(new IntlMessageFormat('{n, plural, one {# mort} other {# morts}}', tag), tag)({})).toBeUndefined();
  });
});
