import Parser from 'rss-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { fieldText, firstText, parseTtl } from './field-text';
import type { ParsedFeed, RawFeedItem } from './feed-types';

type Loose = Record<string, unknown>;

const rssParser = new Parser<Loose, Loose>({
  customFields: {
    feed: ['ttl', 'language', 'dc:language'],
    item: ['itunes:title', 'dc:date', 'updated', 'published', 'issued', 'modified', 'atom:published', 'atom:updated', 'description'],
  },
});

/** rss-parser first (the design's parser): RSS 0.9x/1.0/2.0 and Atom. Throws as rss-parser does. */
export async function parseWithRssParser(xml: string): Promise<Omit<ParsedFeed, 'repairs'>> {
  const feed = (await rssParser.parseString(xml)) as Loose & { items?: Loose[] };
  const items = (feed.items ?? []).map((it): RawFeedItem => {
    const raw: RawFeedItem = {
      dates: [it.pubDate, it.published, it.issued, it['atom:published'], it.isoDate, it.updated, it.modified, it['atom:updated'], it.date, it['dc:date']]
        .map((d) => fieldText(d))
        .filter((d): d is string => d !== undefined),
    };
    assign(raw, 'title', firstText(it.title, it['itunes:title']));
    assign(raw, 'link', firstText(it.link));
    assign(raw, 'guid', firstText(it.guid, it.id, it['rdf:about']));
    assign(raw, 'summary', firstText(it.description, it.summary, it.content, it['content:encoded']));
    assign(raw, 'language', firstText(it.language));
    return raw;
  });
  const out: Omit<ParsedFeed, 'repairs'> = { parser: 'rss-parser', items };
  assign(out, 'title', firstText(feed.title));
  assign(out, 'link', firstText(feed.link));
  assign(out, 'language', firstText(feed.language, feed['dc:language']));
  assign(out, 'ttlMinutes', parseTtl(feed.ttl));
  return out;
}

/** feedsmith: more forgiving; used when rss-parser throws. */
export function parseWithFeedsmith(text: string): Omit<ParsedFeed, 'repairs'> {
  const { feed } = feedsmithParse(text) as { feed: Loose };
  const entries = ((feed.items ?? feed.entries ?? []) as Loose[]).map(feedsmithItem);
  const xmlAttrs = feed.xml as Loose | undefined;
  const dc = feed.dc as Loose | undefined;
  const out: Omit<ParsedFeed, 'repairs'> = { parser: 'feedsmith', items: entries };
  assign(out, 'title', firstText(feed.title));
  assign(out, 'link', firstText(feed.link, feed.home_page_url, pickLink(feed.links)));
  assign(out, 'language', firstText(feed.language, xmlAttrs?.lang, dc?.language, (dc?.languages as unknown[])?.[0]));
  assign(out, 'ttlMinutes', parseTtl(feed.ttl));
  return out;
}

function feedsmithItem(it: Loose): RawFeedItem {
  const dc = it.dc as Loose | undefined;
  const dcDates = [dc?.date, ...(((dc?.dates as unknown[]) ?? []) as unknown[])];
  const raw: RawFeedItem = {
    dates: [it.pubDate, it.published, it.date_published, it.issued, it.created, it.updated, it.modified, it.date_modified, ...dcDates]
      .map((d) => fieldText(d))
      .filter((d): d is string => d !== undefined),
  };
  assign(raw, 'title', firstText(it.title, dc?.title));
  assign(raw, 'link', firstText(it.link, it.url, pickLink(it.links)));
  assign(raw, 'guid', firstText(it.guid, it.id));
  assign(raw, 'summary', firstText(it.description, it.summary, it.content_text, it.content, it.content_html));
  assign(raw, 'language', firstText(it.language, (it.xml as Loose | undefined)?.lang));
  return raw;
}

/** Atom links: the alternate one, else the first without a rel. */
function pickLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const list = links as Loose[];
  const alt = list.find((l) => l.rel === 'alternate') ?? list.find((l) => !l.rel) ?? undefined;
  return fieldText(alt?.href);
}

export function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
