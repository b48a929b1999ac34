import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FEED_LIMITS } from '../../src/sources/feed';
import { describeSuite, read, sameText, sameInstant, sameUrl, shortJson, Tally } from './support';

type Loose = Record<string, unknown>;
interface Entry {
  input: string;
  expected: string | null;
  expected_file_encoding?: string | null;
}

describeSuite('rss-parser conformance', 'rss-parser', (dir) => {
  const entries = (): Entry[] => JSON.parse(readFileSync(path.join(dir, 'test/_index.json'), 'utf8')) as Entry[];

  it("reads its 31 real feeds without crashing and agrees with its golden outputs on items' title, link, guid and date", async () => {
    const tally = new Tally('rss-parser');
    const crashes: string[] = [];
    for (const e of entries()) {
      const name = path.basename(e.input);
      const out = await read(readFileSync(path.join(dir, e.input)));
      if (!out.ok && out.crashed) crashes.push(`${name}: ${out.error}`);
      if (!e.expected) continue;
      if (!out.ok) {
        tally.check('parsed', false, () => `${name}: ${out.error}`);
        continue;
      }
      const encoding = e.expected_file_encoding === 'latin-1' ? 'latin1' : 'utf8';
      const golden = JSON.parse(readFileSync(path.join(dir, e.expected), encoding)) as { feed: Loose };
      const want = (golden.feed.items as Loose[] | undefined) ?? [];
      const { items } = out.reading;
      tally.check('items.count', Math.min(want.length, FEED_LIMITS.items) === items.length, () => `${name}: ${want.length} vs ${items.length}`);
      want.slice(0, FEED_LIMITS.items).forEach((w, i) => {
        const got = items[i];
        tally.check('item.title', sameText(w.title, got?.title), () => `${name}#${i}: ${shortJson(w.title)} vs ${shortJson(got?.title)}`);
        if (typeof w.link === 'string' && w.link.trim()) tally.check('item.link', sameUrl(w.link, got?.url), () => `${name}#${i}: ${w.link} vs ${got?.url}`);
        const guid = typeof w.guid === 'string' ? w.guid : typeof w.id === 'string' ? w.id : undefined;
        if (guid?.trim()) tally.check('item.id', guid.trim() === got?.id, () => `${name}#${i}: ${guid} vs ${got?.id}`);
        if (typeof w.isoDate === 'string') tally.check('item.published', sameInstant(w.isoDate, got?.published), () => `${name}#${i}: ${w.isoDate} vs ${got?.published}`);
      });
    }
    console.log(`rss-parser: ${entries().length} feeds read, ${crashes.length} crashes\n${tally.summary()}`);
    expect(crashes).toEqual([]);
    expect(tally.rate()).toBeGreaterThanOrEqual(0.98);
  });
});
