import { load } from 'cheerio';
import type { FetchedDoc, LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { parseMi5Date } from './dates';
import type { Authority } from '../../model/authority';
import { readingFor, registryEntry, stepOf } from './reading';
import { assertUsableResponse } from './response-guard';
import { foldText, squash } from './text';

// The feed's grammar is fixed; the level words are those of the registry's scale (checked at parse).
const WORDS = ['low', 'moderate', 'substantial', 'severe', 'critical'];
const LEVEL = `(${WORDS.join('|')})`;

// Each scope's statement, in the feed's current and earlier (pre-2019) wordings.
const NATIONAL = [
  new RegExp(`national threat level is (?:now |currently )?${LEVEL}\\b`),
  new RegExp(`threat to the uk (?:\\([^)]*\\) )?from (?:international )?terrorism is (?:now |currently )?${LEVEL}\\b`),
  new RegExp(`^current (?:national )?threat level:? ${LEVEL}\\b`),
];
const NORTHERN_IRELAND = [
  new RegExp(`northern ireland-related terrorism (?:in northern ireland )?is (?:now |currently )?${LEVEL}\\b`),
  new RegExp(`in northern ireland it is ${LEVEL}\\b`),
];

/** MI5's threat-level RSS: the national level and the Northern Ireland-related level. */
export const ukMi5Adapter: LevelAdapter = {
  type: 'uk-mi5',
  authority: 'uk-mi5',
  parse(doc, source, now) {
    const uk = registryEntry(source, 'uk-mi5');
    if (uk.scale.map((st) => foldText(st.en)).join() !== WORDS.join()) throw new LevelSourceError('the uk-mi5 scale of authorities.yaml is not the feed\'s five words');
    const $ = load(assertUsableResponse(doc, 'xml'), { xml: true });
    const item = $('rss > channel > item, channel > item, item').first();
    if (item.length === 0) throw new LevelSourceError('threat level not found: the feed has no item');
    // The description is HTML escaped inside XML: decode it a second time to read its text.
    const description = load(item.find('description').first().text()).root().text();
    const text = foldText(`${squash(item.find('title').first().text())} ${squash(description)}`);
    const since = parseMi5Date(item.find('pubDate').first().text());

    const national = firstLevel(text, NATIONAL);
    if (national === undefined) throw new LevelSourceError('threat level not found in the MI5 feed item');
    const readings = [reading(uk, 'national', national, doc, now, since)];
    const ni = firstLevel(text, NORTHERN_IRELAND);
    if (ni !== undefined) readings.push(reading(uk, 'northern-ireland', ni, doc, now, since));
    return readings;
  },
};

function firstLevel(text: string, patterns: RegExp[]): number | undefined {
  for (const p of patterns) {
    const word = p.exec(text)?.[1];
    if (word) return WORDS.indexOf(word) + 1;
  }
  return undefined;
}

function reading(uk: Authority, scope: string, rank: number, doc: FetchedDoc, now: Date, since: string | undefined) {
  return readingFor(uk, scope, rank, stepOf(uk, rank), doc, now, { since });
}
