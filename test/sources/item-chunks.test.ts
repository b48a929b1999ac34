import { itemChunks } from '../../src/sources/feed/item-chunks';
import { FeedError, readFeed, readFeedEntries } from '../../src/sources/feed';

const rssItem = (guid: string, title = `Title ${guid}`) =>
  `<item><title>${title}</title><link>https://news.example/${guid}</link><guid isPermaLink="false">${guid}</guid><pubDate>Sat, 01 Nov 2026 10:00:00 GMT</pubDate></item>`;
const rss = (...items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link><language>en</language>\n${items.join('\n')}\n</channel></rss>`;
const ids = (xml: string) => itemChunks(xml)?.map((c) => c.id);

describe('finding items in feed XML without parsing it', () => {
  it('reads each RSS item plain-text GUID and each Atom entry id', () => {
    expect(ids(rss(rssItem('a'), rssItem('b')))).toEqual(['a', 'b']);
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>urn:1</id><title>x</title></entry><entry><id> urn:2 </id></entry></feed>';
    expect(ids(atom)).toEqual(['urn:1', 'urn:2']);
  });

  it('reads no id it could get wrong: entities, CDATA, two ids, an Atom source id, an empty GUID', () => {
    expect(ids(rss('<item><guid>a&amp;b</guid></item>', '<item><guid><![CDATA[c]]></guid></item>', '<item><guid>d</guid><guid>e</guid></item>', '<item><guid>  </guid></item>'))).toEqual([
      undefined, undefined, undefined, undefined,
    ]);
    expect(ids('<feed><entry><id>urn:1</id><source><id>urn:feed</id></source></entry></feed>')).toEqual([undefined]);
  });

  it('ignores items inside CDATA and comments, and <items> of RSS 1.0', () => {
    const xml = rss(`<item><description><![CDATA[<p>an <item> and </item> in text</p>]]></description><guid>real</guid></item>`, '<!-- <item><guid>gone</guid></item> -->');
    expect(ids(xml)).toEqual(['real']);
    // A GUID-like tag inside the text makes the id uncertain: none is read, the item is parsed.
    expect(ids(rss(`<item><description><![CDATA[<guid>fake</guid>]]></description><guid>real</guid></item>`))).toEqual([undefined]);
    expect(ids('<rdf:RDF><channel><items><rdf:Seq/></items></channel><item rdf:about="x"><guid>g</guid></item></rdf:RDF>')).toEqual(['g']);
  });

  it('gives up on layouts that are not plain: nested, unclosed or self-closing items', () => {
    expect(itemChunks(rss('<item><item><guid>a</guid></item></item>'))).toBeUndefined();
    expect(itemChunks(rss('<item><guid>a</guid>'))).toBeUndefined();
    expect(itemChunks(rss('<item/>'))).toBeUndefined();
    expect(itemChunks(rss('<item><description><![CDATA[never closed</description></item>'))).toBeUndefined();
  });
});

describe('readFeedEntries with an unseen filter', () => {
  const bytes = Buffer.from(rss(rssItem('old-1'), rssItem('new-1', 'Fresh &amp; <b>bold</b>'), rssItem('old-2'), '<item><title>No GUID</title><link>https://news.example/x</link></item>'));

  it('leaves out items the filter calls seen, and reads the rest exactly as readFeed does', async () => {
    const asked: string[][] = [];
    const unseen = async (list: string[]) => {
      asked.push(list);
      return list.filter((id) => !id.startsWith('old'));
    };
    const got = await readFeedEntries(bytes, { sourceId: 'wire', unseen });
    const all = await readFeed(bytes, { sourceId: 'wire' });
    expect(asked).toEqual([['old-1', 'new-1', 'old-2']]);
    expect(got.entries.map((e) => e.id)).toEqual(['new-1', 'https://news.example/x']);
    expect(got.entries.map((e) => e.item())).toEqual(all.items.filter((i) => !i.id.startsWith('old')));
    expect(got.entries[0]?.item().title).toBe('Fresh & bold');
  });

  it('reads every item when the filter finds nothing seen', async () => {
    const got = await readFeedEntries(bytes, { sourceId: 'wire', unseen: async (list) => list });
    expect(got.entries).toHaveLength(4);
  });

  it('falls back to the whole feed when the parser does not find the items the cut kept', async () => {
    // An item outside <channel> is no item to rss-parser: the cut's count is off, so all is read.
    const odd = Buffer.from(`<rss version="2.0"><channel><title>W</title>${rssItem('in-1')}${rssItem('in-2')}</channel>${rssItem('outside')}</rss>`);
    const got = await readFeedEntries(odd, { sourceId: 'wire', unseen: async (list) => list.filter((id) => id !== 'in-1') });
    const all = await readFeed(odd, { sourceId: 'wire' });
    expect(got.entries.map((e) => e.id)).toEqual(all.items.map((i) => i.id));
  });

  it('lets a failing filter (an unreachable store) through as it is, not as a feed error', async () => {
    class StoreDown extends Error {}
    const err = await readFeedEntries(bytes, { sourceId: 'wire', unseen: async () => Promise.reject(new StoreDown('store down')) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreDown);
    expect(err).not.toBeInstanceOf(FeedError);
  });

  it('normalises an item only when asked', async () => {
    const got = await readFeedEntries(bytes, { sourceId: 'wire' });
    const first = got.entries[0];
    expect(first?.item()).toBe(first?.item());
  });
});
