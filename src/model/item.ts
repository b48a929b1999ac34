/** A news item as every later stage sees it, whatever feed format it came from. */
export interface Item {
  /** Stable identity: GUID, else canonical URL, else a content hash. */
  id: string;
  sourceId: string;
  /** Plain text (markup stripped, entities decoded); may be empty. */
  title: string;
  /** Plain text, bounded in length. */
  summary: string;
  url?: string;
  /** ISO 8601 instant. */
  published?: string;
  /** ISO 639-1 code: the feed's or source's hint, or detected later. */
  language?: string;
}
