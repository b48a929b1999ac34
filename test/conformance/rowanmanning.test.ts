import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FEED_LIMITS } from '../../src/sources/feed';
import { describeSuite, read, sameInstant, sameText, sameUrl, shortJson, Tally } from './support';

type Loose = Record<string, unknown>;
interface Pair {
  hash: string;
  kind: string;
  input: string | null;
  expected: string;
}

describeSuite('rowanmanning feed-parser conformance', 'rowanmanning-feed-parser', (dir) => {
  const pairs = (): Pair[] => JSON.parse(readFileSync(path.join(dir, 'pairs.json'), 'utf8')) as Pair[];

  it("reads its captured real feeds without crashing and agrees with its snapshots on items' id, title, url, published and count", async () => {
    const tally = new Tally('rowanmanning');
    const crashes: string[] = [];
    let feeds = 0;
    for (const p of pairs()) {
      if (!p.input || !existsSync(path.join(dir, p.input))) continue;
      feeds++;
      const name = `${p.kind}/${p.hash.slice(0, 8)}`;
      const out = await read(readFileSync(path.join(dir, p.input)));
      if (!out.ok && out.crashed) crashes.push(`${name}: ${out.error}`);
      if (!out.ok) {
        tally.check('parsed', false, () => `${name}: ${out.error}`);
        continue;
      }
      const snapshot = JSON.parse(readFileSync(path.join(dir, p.expected), 'utf8')) as { feed: Loose };
      const want = (snapshot.feed.items as Loose[] | undefined) ?? [];
      const { items } = out.reading;
      tally.check('items.count', Math.min(want.length, FEED_LIMITS.items) === items.length, () => `${name}: ${want.length} vs ${items.length}`);
      want.slice(0, FEED_LIMITS.items).forEach((w, i) => {
        const got = items[i];
        tally.check('item.title', sameText(w.title, got?.title), () => `${name}#${i}: ${shortJson(w.title)} vs ${shortJson(got?.title)}`);
        if (typeof w.url === 'string') tally.check('item.url', sameUrl(w.url, got?.url), () => `${name}#${i}: ${w.url} vs ${got?.url}`);
        if (typeof w.id === 'string' && w.id.trim()) tally.check('item.id', w.id.trim() === got?.id, () => `${name}#${i}: ${w.id} vs ${got?.id}`);
        if (typeof w.published === 'string') tally.check('item.published', sameInstant(w.published, got?.published), () => `${name}#${i}: ${w.published} vs ${got?.published}`);
      });
    }
    console.log(`rowanmanning: ${feeds} feeds read, ${crashes.length} crashes\n${tally.summary()}`);
    expect(crashes).toEqual([]);
    expect(feeds).toBeGreaterThan(0);
    expect(tally.rate()).toBeGreaterThanOrEqual(0.98);
  });
});
