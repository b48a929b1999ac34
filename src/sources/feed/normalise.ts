import type { Item } from '../../model';
import { FEED_LIMITS } from './feed-types';
import type { ParsedFeed, RawFeedItem } from './feed-types';
import { canonicalUrl, itemId } from './item-id';
import { parseDate } from './parse-date';
import { plainText } from './plain-text';

export interface NormaliseContext {
  sourceId: string;
  /** Language of the whole feed (<language>, xml:lang). */
  feedLanguage?: string;
  /** The source's configured hint, used when the feed says nothing. */
  languageHint?: string;
  /** The feed's own link or final URL, to resolve relative item links. */
  baseUrl?: string;
}

/** One raw feed entry → the Item every later stage sees. */
export function normaliseItem(raw: RawFeedItem, ctx: NormaliseContext): Item {
  return identifyItem(raw, ctx).item();
}

/**
 * A feed entry whose id is known before the rest is normalised. The id is cheap (the
 * GUID as given, most often), while titles, summaries and dates cost real work: the
 * pipeline asks the store which ids are new and normalises only those.
 */
export interface FeedEntry {
  id: string;
  /** The full Item (computed on first call, then kept). */
  item(): Item;
}

/** GUID, else canonical URL, else a hash of the text (see `itemId`) — computing only what the id needs. */
export function identifyItem(raw: RawFeedItem, ctx: NormaliseContext): FeedEntry {
  let url: string | undefined | null = null;
  const urlOf = (): string | undefined => (url === null ? (url = canonicalUrl(raw.link, ctx.baseUrl) ?? canonicalUrl(raw.guid)) : url);
  let text: { title: string; summary: string } | undefined;
  const textOf = () => (text ??= { title: plainText(raw.title, FEED_LIMITS.titleChars), summary: plainText(raw.summary, FEED_LIMITS.summaryChars) });
  const guid = raw.guid?.trim();
  const id = guid || urlOf() || itemId(undefined, undefined, textOf().title, textOf().summary);
  let item: Item | undefined;
  return {
    id,
    item: () => (item ??= buildItem(raw, ctx, id, urlOf(), textOf())),
  };
}

function buildItem(raw: RawFeedItem, ctx: NormaliseContext, id: string, url: string | undefined, text: { title: string; summary: string }): Item {
  const item: Item = { id, sourceId: ctx.sourceId, title: text.title, summary: text.summary };
  if (url) item.url = url;
  const published = firstDate(raw.dates);
  if (published) item.published = published;
  const language = languageCode(raw.language) ?? languageCode(ctx.feedLanguage) ?? languageCode(ctx.languageHint);
  if (language) item.language = language;
  return item;
}

export function normaliseFeed(feed: ParsedFeed, ctx: Omit<NormaliseContext, 'feedLanguage'>): Item[] {
  return identifyFeed(feed, ctx).map((e) => e.item());
}

/** Every entry of a feed with its id; the rest is normalised on demand. */
export function identifyFeed(feed: ParsedFeed, ctx: Omit<NormaliseContext, 'feedLanguage'>): FeedEntry[] {
  const base = canonicalUrl(feed.xmlBase, ctx.baseUrl) ?? ctx.baseUrl ?? canonicalUrl(feed.link);
  const full: NormaliseContext = { ...ctx };
  if (feed.language) full.feedLanguage = feed.language;
  if (base) full.baseUrl = base;
  return feed.items.map((raw) => identifyItem(raw, full));
}

function firstDate(dates: string[]): string | undefined {
  for (const d of dates) {
    const iso = parseDate(d);
    if (iso) return iso;
  }
  return undefined;
}

/** "en-US", "EN_gb", "fr" → ISO 639-1 "en"/"fr"; anything else → undefined. */
export function languageCode(tag: string | undefined): string | undefined {
  const m = tag ? /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag) : null;
  return m?.[1]?.toLowerCase();
}
