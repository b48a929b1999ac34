import { parseFeed } from '../../src/sources/feed/parse-feed';

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items}`;
const item = (n: number, title: string) => `<item><title>${title}</title><link>https://example.org/${n}</link><guid>g${n}</guid></item>`;

describe('feeds cut off in transit (issue 13 §12)', () => {
  it('keeps the RSS items before the cut, even when the cut falls inside an item', async () => {
    const feed = await parseFeed(`${rss(item(1, 'Blast at the station') + item(2, 'Second'))}<item><title>Thi`);
    expect(feed.items.map((i) => i.title)).toEqual(['Blast at the station', 'Second']);
    expect(feed.repairs.join(' ')).toMatch(/truncated/);
  });

  it('keeps the Atom entries before the cut', async () => {
    const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
      + '<entry><title>One</title><id>urn:1</id><link href="https://example.org/1"/></entry><entry><title>Tw';
    expect((await parseFeed(atom)).items.map((i) => i.title)).toEqual(['One']);
  });

  it('reads character and named entities in titles, cut off or not', async () => {
    const feed = await parseFeed(rss(item(1, 'Caf&eacute; &#x41;ttack &amp; &#233;vacuation')));
    expect(feed.items[0]?.title).toBe('Café Attack & évacuation');
  });

  it('still refuses a cut feed with no complete item, saying why', async () => {
    await expect(parseFeed(`${rss('')}<item><title>Only a beginning`)).rejects.toThrow(/malformed XML|not a feed/);
  });

  it('does not mend a feed that is broken but complete', async () => {
    await expect(parseFeed(`${rss(item(1, 'One'))}<item><title>Two</titl></item></channel></rss>`)).rejects.toThrow();
  });
});
