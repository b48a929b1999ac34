import type { Item } from '../../model';
import { decode } from './decode';
import { FEED_LIMITS, FeedError } from './feed-types';
import { identifyFeed, type FeedEntry } from './normalise';
import type { UnseenFilter } from './item-chunks';
import { parseFeed } from './parse-feed';
import { plainText } from './plain-text';

export interface ReadFeedOptions {
  contentType?: string;
  sourceId: string;
  languageHint?: string;
  /** Where the bytes came from (final URL), to resolve relative links. */
  baseUrl?: string;
}

export interface ReadEntriesOptions extends ReadFeedOptions {
  /** Which ids are new: XML items seen before (by a plain-text GUID or Atom id) are not even parsed. */
  unseen?: UnseenFilter;
}

export interface FeedReading {
  items: Item[];
  ttlMinutes?: number;
  title?: string;
  /** Repairs made to the XML before it parsed, for logs. */
  repairs: string[];
}

export interface FeedEntries extends Omit<FeedReading, 'items'> {
  /** Every item's id at once; the item itself is normalised when asked for. */
  entries: FeedEntry[];
}

/** Fetched bytes → normalised items. Rejects only with a FeedError carrying a one-line reason. */
export async function readFeed(bytes: Uint8Array, opts: ReadFeedOptions): Promise<FeedReading> {
  const { entries, ...rest } = await readFeedEntries(bytes, opts);
  return { ...rest, items: entries.map((e) => e.item()) };
}

/**
 * As `readFeed`, but each item is normalised only when asked for, and items `unseen` rules
 * out may be missing: the pipeline reads the items the store has not seen, not the whole
 * feed every poll. Deferring is safe because normalising never throws (bad fields become
 * empty or absent).
 */
export async function readFeedEntries(bytes: Uint8Array, opts: ReadEntriesOptions): Promise<FeedEntries> {
  // The filter's own failure (an unreachable store) is not a feed problem: it goes out as it came.
  const filterFailures = new Set<unknown>();
  const { unseen } = opts;
  const filter: UnseenFilter | undefined = unseen && (async (ids) => {
    try {
      return await unseen(ids);
    } catch (e) {
      filterFailures.add(e);
      throw e;
    }
  });
  try {
    const feed = await parseFeed(decode(bytes, opts.contentType), filter);
    const ctx = { sourceId: opts.sourceId, ...(opts.languageHint ? { languageHint: opts.languageHint } : {}), ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) };
    const out: FeedEntries = { entries: identifyFeed(feed, ctx), repairs: feed.repairs };
    if (feed.ttlMinutes !== undefined) out.ttlMinutes = feed.ttlMinutes;
    const title = plainText(feed.title, FEED_LIMITS.titleChars);
    if (title) out.title = title;
    return out;
  } catch (err) {
    if (err instanceof FeedError || filterFailures.has(err)) throw err;
    throw new FeedError(`could not read feed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
}
