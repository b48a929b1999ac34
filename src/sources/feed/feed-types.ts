/** One entry as the feed gave it, before normalisation (fields may hold HTML). */
export interface RawFeedItem {
  title?: string;
  link?: string;
  guid?: string;
  /** Description, summary or content: whichever the feed offers first. */
  summary?: string;
  /** Date strings in order of preference: published, then updated, then dc:date. */
  dates: string[];
  language?: string;
}

export interface ParsedFeed {
  title?: string;
  link?: string;
  language?: string;
  /** The root's xml:base, against which relative links resolve. */
  xmlBase?: string;
  ttlMinutes?: number;
  /** Which parser read it: useful when a feed misbehaves. */
  parser: 'rss-parser' | 'feedsmith' | 'json';
  items: RawFeedItem[];
  /** Repairs made before parsing ("stripped DOCTYPE internal subset", …). */
  repairs: string[];
}

/** A body that could not be read as a feed; `reason` is one line in plain words. */
export class FeedError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'FeedError';
    this.reason = reason;
  }
}

export const FEED_LIMITS = {
  titleChars: 500,
  summaryChars: 2_000,
  items: 500,
  /** Raw fields may carry markup: keep a generous multiple until it is stripped. */
  rawFactor: 8,
} as const;
