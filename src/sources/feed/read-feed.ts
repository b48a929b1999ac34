import type { Item } from '../../model';
import { decode } from './decode';
import { FEED_LIMITS, FeedError } from './feed-types';
import { normaliseFeed } from './normalise';
import { parseFeed } from './parse-feed';
import { plainText } from './plain-text';

export interface ReadFeedOptions {
  contentType?: string;
  sourceId: string;
  languageHint?: string;
  /** Where the bytes came from (final URL), to resolve relative links. */
  baseUrl?: string;
}

export interface FeedReading {
  items: Item[];
  ttlMinutes?: number;
  title?: string;
  /** Repairs made to the XML before it parsed, for logs. */
  repairs: string[];
}

/** Fetched bytes → normalised items. Rejects only with a FeedError carrying a one-line reason. */
export async function readFeed(bytes: Uint8Array, opts: ReadFeedOptions): Promise<FeedReading> {
  try {
    const feed = await parseFeed(decode(bytes, opts.contentType));
    const ctx = { sourceId: opts.sourceId, ...(opts.languageHint ? { languageHint: opts.languageHint } : {}), ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) };
    const out: FeedReading = { items: normaliseFeed(feed, ctx), repairs: feed.repairs };
    if (feed.ttlMinutes !== undefined) out.ttlMinutes = feed.ttlMinutes;
    const title = plainText(feed.title, FEED_LIMITS.titleChars);
    if (title) out.title = title;
    return out;
  } catch (err) {
    if (err instanceof FeedError) throw err;
    throw new FeedError(`could not read feed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
}
