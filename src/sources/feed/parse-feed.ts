import { FEED_LIMITS, FeedError } from './feed-types';
import type { ParsedFeed, RawFeedItem } from './feed-types';
import { bound } from './field-text';
import { parseJsonFeed } from './parse-json-feed';
import { parseWithFeedsmith, parseWithRssParser } from './parse-xml-feed';
import { dropSeenItems, type UnseenFilter } from './item-chunks';
import { repairXml } from './repair-xml';
import { closeTruncatedFeed } from './truncated';

/**
 * Text → feed. JSON Feed by its first character; otherwise repaired XML through
 * rss-parser, then feedsmith when rss-parser gives up. Rejects only with a FeedError.
 * Every field and the item count are bounded, whatever the input. With `unseen`, XML items
 * whose id it does not name are left out before parsing (see `dropSeenItems`).
 */
export async function parseFeed(text: string, unseen?: UnseenFilter): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') throw new FeedError('not a feed: empty body');
  if (body.startsWith('{') || body.startsWith('[')) return bounded({ ...parseJsonFeed(body), repairs: [] });
  if (looksLikeHtml(body)) throw new FeedError('not a feed: HTML page');
  if (!body.includes('<')) throw new FeedError('not a feed: no XML or JSON found');

  const { xml, repairs } = repairXml(body);
  const trimmed = unseen ? await dropSeenItems(xml, unseen) : undefined;
  if (trimmed) {
    // The parser must find exactly the items kept; otherwise the cut was wrong: read it all.
    const feed = await parseXml(trimmed.xml, repairs).catch(() => undefined);
    if (feed?.items.length === trimmed.kept) return feed;
  }
  return parseXml(xml, repairs);
}

async function parseXml(xml: string, repairs: string[]): Promise<ParsedFeed> {
  let firstError: unknown;
  try {
    const feed = await parseWithRssParser(xml);
    // rss-parser drops attributes of the root: read Atom's xml:lang ourselves.
    feed.language ??= rootAttribute(xml, 'xml:lang');
    feed.xmlBase ??= rootAttribute(xml, 'xml:base');
    return bounded({ ...feed, repairs });
  } catch (err) {
    firstError = err;
  }
  try {
    return bounded({ ...parseWithFeedsmith(xml), repairs });
  } catch {
    // Cut off in transit: keep the items before the cut, as tolerant readers do.
    const closed = closeTruncatedFeed(xml);
    if (closed) {
      const feed = await parseXml(closed, [...repairs, 'truncated feed closed after its last complete item']).catch(() => undefined);
      if (feed) return feed;
    }
    throw explain(firstError, xml);
  }
}

function looksLikeHtml(body: string): boolean {
  const head = body.slice(0, 2048).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<!DOCTYPE\s+html/i.test(head) || /^<(html|head|body)[\s>]/i.test(head);
}

/** rss-parser's (sax's) complaint turned into one plain line. */
function explain(err: unknown, xml: string): FeedError {
  const message = err instanceof Error ? err.message : String(err);
  if (/not recognized as RSS|Unable to parse XML/i.test(message) || /^Feed not recognized/.test(message)) {
    return new FeedError(`not a feed: root element is <${rootName(xml) ?? '?'}>`);
  }
  const line = /Line:\s*(\d+)/.exec(message);
  const what = (message.split('\n')[0] ?? '').trim().toLowerCase();
  if (line) return new FeedError(`malformed XML at line ${Number(line[1]) + 1}: ${what}`);
  return new FeedError(`not a feed: ${what.slice(0, 200) || 'unreadable'}`);
}

function rootAttribute(xml: string, name: 'xml:lang' | 'xml:base'): string | undefined {
  const root = /<(?:feed|rss|rdf:RDF)\b[^>]*>/.exec(xml.slice(0, 8192))?.[0];
  return root ? new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`).exec(root)?.[1] : undefined;
}

function rootName(xml: string): string | undefined {
  return /<([A-Za-z_][\w:.-]*)/.exec(xml.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1];
}

function bounded(feed: ParsedFeed): ParsedFeed {
  const f = FEED_LIMITS.rawFactor;
  const items = feed.items.slice(0, FEED_LIMITS.items).map((it): RawFeedItem => {
    const out: RawFeedItem = { ...it, dates: it.dates.slice(0, 4).map((d) => d.slice(0, 100)) };
    if (it.title !== undefined) out.title = bound(it.title, FEED_LIMITS.titleChars * f);
    if (it.summary !== undefined) out.summary = bound(it.summary, FEED_LIMITS.summaryChars * f);
    if (it.link !== undefined) out.link = bound(it.link.trim(), 2048);
    if (it.guid !== undefined) out.guid = bound(it.guid.trim(), 2048);
    if (it.language !== undefined) out.language = bound(it.language, 35);
    return out;
  });
  const out: ParsedFeed = { ...feed, items };
  if (feed.title !== undefined) out.title = bound(feed.title, FEED_LIMITS.titleChars * f);
  if (feed.link !== undefined) out.link = bound(feed.link, 2048);
  if (feed.language !== undefined) out.language = bound(feed.language, 35);
  return out;
}
