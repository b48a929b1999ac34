import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDateMs } from '../../src/sources/feed';
import { describeSuite, expectText, read, sameInstant, sameUrl, shortJson, Tally } from './support';

interface Case {
  input: string;
  expected: string;
  kind: string;
  expected_paths: string[] | null;
}
type Loose = Record<string, unknown>;
type Field = 'feed.title' | 'items.count' | 'item.title' | 'item.link' | 'item.id' | 'item.published';

const ALL_FIELDS = new Set<Field>(['feed.title', 'items.count', 'item.title', 'item.link', 'item.id', 'item.published']);

/** The parser pairs set only some paths; compare those of them that Tocsin uses. */
function fieldsSetBy(paths: string[]): Set<Field> {
  const has = new Set(paths);
  const fields = new Set<Field>();
  if (has.has('title')) fields.add('feed.title');
  if (has.has('items[].title') || has.has('entries[].title')) fields.add('item.title');
  if (has.has('items[].link')) fields.add('item.link');
  if (has.has('items[].guid.value')) fields.add('item.id');
  return fields;
}

describeSuite('gofeed conformance', 'gofeed', (dir) => {
  const root = path.dirname(dir);
  const overall = new Tally('gofeed (translator + parser pairs)');
  const cases = (): Case[] => JSON.parse(readFileSync(path.join(dir, 'cases_index.json'), 'utf8')) as Case[];

  it('reads every one of its inputs without crashing', async () => {
    const crashes: string[] = [];
    let read_ = 0;
    for (const c of cases()) {
      const out = await read(readFileSync(path.join(root, c.input)));
      read_++;
      if (!out.ok && out.crashed) crashes.push(`${c.input}: ${out.error}`);
    }
    console.log(`gofeed: ${read_} inputs read, ${crashes.length} crashes`);
    expect(crashes).toEqual([]);
  });

  it('agrees with the translator pairs on title, link, id and published', async () => {
    const tally = new Tally('gofeed translator');
    for (const c of cases().filter((x) => x.kind.startsWith('translator/'))) await comparePair(c, tally, ALL_FIELDS);
    console.log(tally.summary());
    overall.absorb(tally);
    expect(tally.rate()).toBeGreaterThanOrEqual(0.98);
  });

  it('agrees with the parser pairs on the feed and item titles, links and ids they set', async () => {
    const tally = new Tally('gofeed parser');
    for (const c of cases().filter((x) => x.kind.startsWith('parser/') || x.kind.startsWith('extensions/'))) {
      const fields = fieldsSetBy(c.expected_paths ?? []);
      if (fields.size > 0) await comparePair(c, tally, fields);
    }
    console.log(tally.summary());
    overall.absorb(tally);
    // Its misses are gofeed's own choices (last <link> wins) or XML no strict parser accepts.
    expect(tally.rate()).toBeGreaterThanOrEqual(0.9);
  });

  /** Compares one input with gofeed's expected JSON on the chosen fields Tocsin uses. */
  async function comparePair(c: Case, tally: Tally, fields: Set<Field>): Promise<void> {
    const out = await read(readFileSync(path.join(root, c.input)));
    const want = JSON.parse(readFileSync(path.join(root, c.expected), 'utf8')) as Loose;
    const name = path.basename(c.input);
    if (!out.ok) {
      tally.check('parsed', false, () => `${name}: ${out.error}`);
      return;
    }
    const { reading } = out;
    const wantItems = ((want.items ?? want.entries) as Loose[] | undefined) ?? [];
    if (fields.has('feed.title')) {
      tally.check('feed.title', expectText(want.title) === (reading.title ?? ''), () => `${name}: ${shortJson(want.title)} vs ${shortJson(reading.title)}`);
    }
    if (fields.has('items.count')) {
      tally.check('items.count', wantItems.length === reading.items.length, () => `${name}: ${wantItems.length} vs ${reading.items.length}`);
    }
    wantItems.forEach((w, i) => {
      const got = reading.items[i];
      if (fields.has('item.title')) {
        tally.check('item.title', expectText(w.title) === (got?.title ?? ''), () => `${name}: ${shortJson(w.title)} vs ${shortJson(got?.title)}`);
      }
      if (fields.has('item.link') && typeof w.link === 'string') {
        tally.check('item.link', sameUrl(w.link, got?.url), () => `${name}: ${w.link} vs ${got?.url}`);
      }
      const guid = typeof w.guid === 'string' ? w.guid : (w.guid as Loose | undefined)?.value;
      if (fields.has('item.id') && typeof guid === 'string') tally.check('item.id', guid.trim() === got?.id, () => `${name}: ${guid} vs ${got?.id}`);
      const when = (w.publishedParsed ?? w.updatedParsed) as string | undefined;
      if (fields.has('item.published') && when) {
        tally.check('item.published', sameInstant(when, got?.published), () => `${name}: ${when} vs ${got?.published}`);
      }
    });
  }

  it('agrees overall at 98% or better', () => {
    console.log(overall.summary());
    expect(overall.compared).toBeGreaterThan(300);
    expect(overall.rate()).toBeGreaterThanOrEqual(0.98);
  });

  it('parses every listed date to the expected instant', () => {
    const lines = readFileSync(path.join(dir, 'testdata/dates_from_dateparser_test.jsonl'), 'utf8').trim().split('\n');
    const wrong: string[] = [];
    for (const line of lines) {
      const row = JSON.parse(line) as { input: string; want_utc: string };
      const got = parseDateMs(row.input);
      const want = Date.parse(`${row.want_utc.replace(' ', 'T')}Z`);
      if (got === undefined || Math.floor(got / 1000) !== want / 1000) wrong.push(`${row.input} → ${got === undefined ? 'nothing' : new Date(got).toISOString()}`);
    }
    console.log(`gofeed dates: ${lines.length - wrong.length}/${lines.length} parsed to the expected instant`);
    expect(wrong).toEqual([]);
  });
});
