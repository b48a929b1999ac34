import { load } from 'cheerio';
import type { FetchedDoc, LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { parseMi5Date } from './dates';
import { readingOf } from './reading';
import type { ReadingPlace, ScaleStep } from './reading';
import { assertUsableResponse } from './response-guard';
import { foldText, squash } from './text';

const WORDS = ['low', 'moderate', 'substantial', 'severe', 'critical'];
export const UK_SCALE: ScaleStep[] = WORDS.map((w) => ({ name: w.toUpperCase(), name_en: w.toUpperCase() }));
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
  parse(doc, _source, now) {
    const $ = load(assertUsableResponse(doc, 'xml'), { xml: true });
    const item = $('rss > channel > item, channel > item, item').first();
    if (item.length === 0) throw new LevelSourceError('threat level not found: the feed has no item');
    // The description is HTML escaped inside XML: decode it a second time to read its text.
    const description = load(item.find('description').first().text()).root().text();
    const text = foldText(`${squash(item.find('title').first().text())} ${squash(description)}`);
    const since = parseMi5Date(item.find('pubDate').first().text());

    const national = firstLevel(text, NATIONAL);
    if (national === undefined) throw new LevelSourceError('threat level not found in the MI5 feed item');
    const readings = [reading('national', national, doc, now, since)];
    const ni = firstLevel(text, NORTHERN_IRELAND);
    if (ni !== undefined) readings.push(reading('northern-ireland', ni, doc, now, since));
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

function reading(scope: string, rank: number, doc: FetchedDoc, now: Date, since: string | undefined) {
  const place: ReadingPlace = { authority: 'uk-mi5', country: 'GB', scope };
  return readingOf(place, rank, UK_SCALE.length, UK_SCALE[rank - 1] as ScaleStep, doc, now, { since });
}
