/** Feed reading: bytes → text (decode), text → raw feed (parseFeed), raw → Items (normalise); readFeed does all three, readFeedEntries the same with items normalised on demand. */
export { readFeed, readFeedEntries } from './read-feed';
export type { ReadFeedOptions, FeedReading, FeedEntries } from './read-feed';
export { decode, decodeWithInfo, charsetOf } from './decode';
export type { Decoded } from './decode';
export { parseFeed } from './parse-feed';
export { normaliseFeed, normaliseItem, identifyFeed, identifyItem, languageCode } from './normalise';
export type { FeedEntry } from './normalise';
export { parseDate, parseDateMs } from './parse-date';
export { canonicalUrl, itemId } from './item-id';
export { plainText } from './plain-text';
export { FeedError, FEED_LIMITS } from './feed-types';
export type { ParsedFeed, RawFeedItem } from './feed-types';
