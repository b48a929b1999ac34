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
  const title = plainText(raw.title, FEED_LIMITS.titleChars);
  const summary = plainText(raw.summary, FEED_LIMITS.summaryChars);
  const guidAsUrl = canonicalUrl(raw.guid);
  const url = canonicalUrl(raw.link, ctx.baseUrl) ?? guidAsUrl;
  const item: Item = { id: itemId(raw.guid, url, title, summary), sourceId: ctx.sourceId, title, summary };
  if (url) item.url = url;
  const published = firstDate(raw.dates);
  if (published) item.published = published;
  const language = languageCode(raw.language) ?? languageCode(ctx.feedLanguage) ?? languageCode(ctx.languageHint);
  if (language) item.language = language;
  return item;
}

export function normaliseFeed(feed: ParsedFeed, ctx: Omit<NormaliseContext, 'feedLanguage'>): Item[] {
  const base = canonicalUrl(feed.xmlBase, ctx.baseUrl) ?? ctx.baseUrl ?? canonicalUrl(feed.link);
  const full: NormaliseContext = { ...ctx };
  if (feed.language) full.feedLanguage = feed.language;
  if (base) full.baseUrl = base;
  return feed.items.map((raw) => normaliseItem(raw, full));
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
