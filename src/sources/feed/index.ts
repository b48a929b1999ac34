/** Feed reading: bytes → text (decode), text → raw feed (parseFeed), raw → Items (normalise); readFeed does all three. */
export { readFeed } from './read-feed';
export type { ReadFeedOptions, FeedReading } from './read-feed';
export { decode, decodeWithInfo, charsetOf } from './decode';
export type { Decoded } from './decode';
export { parseFeed } from './parse-feed';
export { normaliseFeed, normaliseItem, languageCode } from './normalise';
export { parseDate, parseDateMs } from './parse-date';
export { canonicalUrl, itemId } from './item-id';
export { plainText } from './plain-text';
export { FeedError, FEED_LIMITS } from './feed-types';
export type { ParsedFeed, RawFeedItem } from './feed-types';
