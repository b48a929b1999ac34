import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeSuite, expectText, read, sameInstant, sameUrl, shortJson, Tally } from './support';

type Loose = Record<string, unknown>;
interface RwCase {
  id: string;
  description: string;
  format: 'rss' | 'atom' | 'rdf' | 'json';
  input: string | Loose;
  expected?: Loose;
  expect_throw?: boolean;
}

/** The item fields Tocsin uses, as feedsmith's expected output names them per format. */
function expectedItems(c: RwCase): { title: unknown; link?: string; id?: string; date?: string }[] {
  const feed = c.expected ?? {};
  const list = ((c.format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined) ?? [];
  return list.map((it) => {
    if (c.format === 'atom') {
      const links = (it.links as Loose[] | undefined) ?? [];
      const alt = links.find((l) => l.rel === 'alternate') ?? links.find((l) => !l.rel);
      return { title: it.title, link: alt?.href as string | undefined, id: it.id as string | undefined, date: (it.published ?? it.updated) as string | undefined };
    }
    if (c.format === 'json') {
      return { title: it.title, link: (it.url ?? it.external_url) as string | undefined, id: it.id as string | undefined, date: it.date_published as string | undefined };
    }
    const guid = (it.guid as Loose | undefined)?.value as string | undefined;
    return { title: it.title, link: it.link as string | undefined, id: guid, date: it.pubDate as string | undefined };
  });
}

describeSuite('feedsmith conformance', 'feedsmith', (dir) => {
  const cases = (): RwCase[] =>
    readFileSync(path.join(dir, 'rw_cases.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as RwCase);

  it('reads all 236 real-world quirk cases without crashing, and agrees on the fields Tocsin uses', async () => {
    const tally = new Tally('feedsmith rw_cases');
    const crashes: string[] = [];
    let refused = 0;
    for (const c of cases()) {
      const out = await read(Buffer.from(typeof c.input === 'string' ? c.input : JSON.stringify(c.input), 'utf8'));
      if (!out.ok) {
        if (out.crashed) crashes.push(`${c.id}: ${out.error}`);
        refused++;
      }
      if (!c.expected) continue;
      if (!out.ok) {
        tally.check('parsed', false, () => `${c.id} ${c.description}: ${out.error}`);
        continue;
      }
      const { items } = out.reading;
      const want = expectedItems(c);
      if (typeof c.expected.title === 'string') {
        tally.check('feed.title', expectText(c.expected.title) === (out.reading.title ?? ''), () => `${c.id}: ${shortJson(c.expected?.title)} vs ${shortJson(out.reading.title)}`);
      }
      tally.check('items.count', want.length === items.length, () => `${c.id} ${c.description}: ${want.length} vs ${items.length}`);
      want.forEach((w, i) => {
        const got = items[i];
        if (w.title !== undefined) tally.check('item.title', expectText(w.title) === got?.title, () => `${c.id} ${c.description}: ${shortJson(w.title)} vs ${shortJson(got?.title)}`);
        if (w.link) tally.check('item.link', sameUrl(w.link, got?.url), () => `${c.id}: ${w.link} vs ${got?.url}`);
        if (w.id !== undefined) tally.check('item.id', String(w.id).trim() === got?.id, () => `${c.id}: ${shortJson(w.id)} vs ${got?.id}`);
        if (w.date && !Number.isNaN(Date.parse(w.date))) {
          tally.check('item.published', sameInstant(w.date, got?.published), () => `${c.id}: ${w.date} vs ${got?.published}`);
        }
      });
    }
    console.log(`feedsmith: ${cases().length} cases read, ${crashes.length} crashes, ${refused} refused with a FeedError\n${tally.summary()}`);
    expect(crashes).toEqual([]);
    expect(tally.rate()).toBeGreaterThanOrEqual(0.98);
  });

  it('reads its reference feeds', async () => {
    const tally = new Tally('feedsmith references');
    for (const format of ['rss', 'atom', 'rdf']) {
      const refDir = path.join(dir, 'src/feeds', format, 'references');
      for (const name of ['rss-20', 'rss-091', 'rss-092', 'rss-093', 'rss-094', 'rss-090', 'rss-ns', 'atom-10', 'atom-03', 'atom-ns', 'rdf-ns', 'rdf-10', 'rdf-09']) {
        let xml: Buffer;
        let expected: Loose;
        try {
          xml = readFileSync(path.join(refDir, `${name}.xml`));
          expected = JSON.parse(readFileSync(path.join(refDir, `${name}.json`), 'utf8')) as Loose;
        } catch {
          continue;
        }
        const out = await read(xml);
        if (!out.ok) {
          tally.check('parsed', false, () => `${name}: ${out.error}`);
          continue;
        }
        const want = expectedItems({ format: format as RwCase['format'], expected, id: name, description: '', input: '' });
        tally.check('items.count', want.length === out.reading.items.length, () => `${name}: ${want.length} vs ${out.reading.items.length}`);
        want.forEach((w, i) => {
          const got = out.reading.items[i];
          if (w.title !== undefined) tally.check('item.title', expectText(w.title) === got?.title, () => `${name}: ${shortJson(w.title)} vs ${shortJson(got?.title)}`);
          if (w.link) tally.check('item.link', sameUrl(w.link, got?.url), () => `${name}: ${w.link} vs ${got?.url}`);
        });
      }
    }
    console.log(tally.summary());
    expect(tally.compared).toBeGreaterThan(0);
    expect(tally.rate()).toBeGreaterThanOrEqual(0.98);
  });
});
