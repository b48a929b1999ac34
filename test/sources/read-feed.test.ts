import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FeedError, readFeed } from '../../src/sources/feed';
import type { FeedReading } from '../../src/sources/feed';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '../fixtures/feeds', name));

async function feedError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return (err as FeedError).reason;
  }
  throw new Error('expected a FeedError');
}

describe('readFeed on well-formed feeds', () => {
  it('reads RSS 2.0: plain text, canonical URLs, odd dates, TTL, language', async () => {
    const r: FeedReading = await readFeed(fixture('rss2.xml'), { sourceId: 's1' });
    expect(r.ttlMinutes).toBe(15);
    expect(r.title).toBe('Example News');
    const [a, b] = r.items;
    expect(a).toEqual({
      id: 'example-1',
      sourceId: 's1',
      title: 'Explosion reported near central station',
      summary: 'Police cordoned off the area.',
      url: 'https://news.example.org/world/1?id=7',
      published: '2006-01-02T20:04:00.000Z',
      language: 'en',
    });
    // No GUID: the id is the canonical URL, resolved against the feed's link.
    expect(b).toMatchObject({ id: 'https://news.example.org/world/2', url: 'https://news.example.org/world/2', published: '2006-01-03T04:30:00.000Z' });
  });

  it('reads Atom with xml:lang and HTML titles', async () => {
    const r = await readFeed(fixture('atom.xml'), { sourceId: 'fr', languageHint: 'en' });
    expect(r.items).toEqual([
      {
        id: 'urn:uuid:entry-1', sourceId: 'fr', title: 'Alerte attentat', summary: 'Le plan Vigipirate est relevé.',
        url: 'https://exemple.fr/a/1', published: '2024-03-22T17:30:00.000Z', language: 'fr',
      },
    ]);
  });

  it('reads RSS 1.0 (RDF) with dc:date and dc:language', async () => {
    const r = await readFeed(fixture('rss1.rdf'), { sourceId: 'de' });
    expect(r.items[0]).toMatchObject({ title: 'Erster Eintrag', url: 'https://rdf.example.org/item/1', published: '2024-01-05T08:00:00.000Z', language: 'de' });
  });

  it('reads JSON Feed, hashing an item with neither id nor URL only when needed', async () => {
    const r = await readFeed(fixture('feed.json'), { sourceId: 'j' });
    expect(r.items[0]).toMatchObject({ id: 'j-1', title: 'Primera', summary: 'Hola & adiós', published: '2024-02-01T15:00:00.000Z', language: 'es' });
    expect(r.items[1]).toMatchObject({ id: 'j-2', summary: 'Sin título', title: '' });
  });

  it('decodes windows-1251 from the prolog', async () => {
    const r = await readFeed(fixture('windows-1251.xml'), { sourceId: 'ru' });
    expect(r.title).toBe('Новости');
    expect(r.items[0]).toMatchObject({ title: 'Теракт в Москве', language: 'ru', published: '2024-03-22T17:15:00.000Z' });
  });

  it('repairs &nbsp;, &eacute; and bare & before parsing', async () => {
    const r = await readFeed(fixture('quirks.xml'), { sourceId: 'q' });
    expect(r.title).toBe('Café & Bar');
    expect(r.items[0]?.title).toBe('Fish & chips & peas — cheap');
    expect(r.items[0]?.url).toBe('https://q.example.org/1?a=1&b=2');
    expect(r.repairs).toEqual(expect.arrayContaining(['escaped 2 bare ampersands']));
  });

  it('skips a UTF-8 BOM', async () => {
    const r = await readFeed(fixture('bom.xml'), { sourceId: 'b' });
    expect(r.items[0]).toMatchObject({ id: 'bom-1', title: 'Straße' });
  });

  it('content-hashes an item with no GUID and no link, stably', async () => {
    const xml = '<rss version="2.0"><channel><item><title>Same</title><description>Text</description></item></channel></rss>';
    const [a] = (await readFeed(Buffer.from(xml), { sourceId: 'h' })).items;
    const [b] = (await readFeed(Buffer.from(xml), { sourceId: 'h' })).items;
    expect(a?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a?.id).toBe(b?.id);
  });
});

describe('readFeed on hostile and messy input', () => {
  it('says an HTML page is not a feed', async () => {
    const html = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>';
    expect(await feedError(readFeed(Buffer.from(html), { sourceId: 'x', contentType: 'text/html' }))).toBe('not a feed: HTML page');
  });

  it('says JSON without items is not a feed, and names broken XML by line', async () => {
    expect(await feedError(readFeed(Buffer.from('{"error":"rate limited"}'), { sourceId: 'x' }))).toBe('not a feed: JSON without items');
    const broken = '<rss version="2.0">\n<channel>\n<title>x</title>\n<item><title>a</b></item></channel></rss>';
    expect(await feedError(readFeed(Buffer.from(broken), { sourceId: 'x' }))).toMatch(/^malformed XML at line 4: /);
    expect(await feedError(readFeed(Buffer.alloc(0), { sourceId: 'x' }))).toBe('not a feed: empty body');
  });

  it('replaces invalid UTF-8 instead of throwing', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<rss version="2.0"><channel><item><title>caf\u00e9 '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' ok</title><guid>u</guid></item></channel></rss>'),
    ]);
    const r = await readFeed(bytes, { sourceId: 'x', contentType: 'application/xml; charset=utf-8' });
    expect(r.items[0]?.title).toBe('café \uFFFD\uFFFD\uFFFD ok');
  });

  it('bounds a 200 KB title, a huge summary and the number of items', async () => {
    const long = 'word '.repeat(40_000);
    const items = Array.from({ length: 600 }, (_, i) => `<item><guid>g${i}</guid><title>${i === 0 ? long : 't'}</title><description>${i === 0 ? long : 's'}</description></item>`);
    const xml = `<rss version="2.0"><channel><title>${long}</title>${items.join('')}</channel></rss>`;
    const r = await readFeed(Buffer.from(xml), { sourceId: 'x' });
    expect(r.items).toHaveLength(500);
    expect(r.items[0]?.title.length).toBeLessThanOrEqual(500);
    expect(r.items[0]?.title.endsWith('…')).toBe(true);
    expect(r.items[0]?.summary.length).toBeLessThanOrEqual(2000);
    expect(r.title?.length).toBeLessThanOrEqual(500);
  });

  it('refuses entity expansion: a billion-laughs feed parses harmlessly and stays small', async () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${lol.join('')}]><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>b</guid></item></channel></rss>`;
    const before = process.memoryUsage().heapUsed;
    const r = await readFeed(Buffer.from(xml), { sourceId: 'x' });
    expect(r.items[0]?.title).toBe('&lol9;');
    expect(r.repairs).toContain('removed DOCTYPE with entity declarations (entity expansion refused)');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('reads pathological markup (thousands of unclosed CDATA, comments and titles) to an answer', async () => {
    const junk = '<![CDATA[<title><!--&x'.repeat(100_000);
    const xml = `<rss version="2.0"><channel><item><guid>p</guid><title>t</title></item>${junk}</channel></rss>`;
    const reason = await feedError(readFeed(Buffer.from(xml), { sourceId: 'x' }));
    expect(reason).toMatch(/^(malformed XML at line \d+|not a feed)/);
  });

  it('strips junk before the first tag', async () => {
    const r = await readFeed(Buffer.from('\n\nWarning: deprecated in /var/www/feed.php\n<rss version="2.0"><channel><item><guid>j</guid><title>ok</title></item></channel></rss>'), { sourceId: 'x' });
    expect(r.items[0]?.title).toBe('ok');
    expect(r.repairs).toContain('removed text before the first tag');
  });
});
