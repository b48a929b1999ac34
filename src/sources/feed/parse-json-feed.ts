import { FeedError } from './feed-types';
import type { ParsedFeed, RawFeedItem } from './feed-types';
import { fieldText, firstText } from './field-text';
import { assign } from './parse-xml-feed';

type Loose = Record<string, unknown>;

/** JSON Feed 1.0/1.1 (https://jsonfeed.org), read leniently: any object with an `items` array. */
export function parseJsonFeed(text: string): Omit<ParsedFeed, 'repairs'> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedError(`malformed JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new FeedError('not a feed: JSON without items');
  const feed = lowerKeys(doc as Loose);
  // A lone item object where an array belongs is a common publisher slip.
  const list = Array.isArray(feed.items) ? (feed.items as unknown[]) : isObject(feed.items) ? [feed.items] : undefined;
  if (!list) throw new FeedError('not a feed: JSON without items');
  const items = list
    .filter(isObject)
    .map(lowerKeys)
    .filter((it) => Object.keys(it).length > 0)
    .map((it): RawFeedItem => {
      const raw: RawFeedItem = {
        dates: [it.date_published, it.date_modified].map((d) => fieldText(d)).filter((d): d is string => d !== undefined),
      };
      assign(raw, 'title', firstText(it.title));
      assign(raw, 'link', firstText(it.url, it.external_url));
      assign(raw, 'guid', firstText(it.id));
      assign(raw, 'summary', firstText(it.summary, it.content_text, it.content_html));
      assign(raw, 'language', firstText(it.language));
      return raw;
    });
  const out: Omit<ParsedFeed, 'repairs'> = { parser: 'json', items };
  assign(out, 'title', firstText(feed.title));
  assign(out, 'link', firstText(feed.home_page_url));
  assign(out, 'language', firstText(feed.language));
  return out;
}

function isObject(v: unknown): v is Loose {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** JSON Feed keys are lowercase by spec; some generators capitalise them. */
function lowerKeys(obj: Loose): Loose {
  const out: Loose = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = k.toLowerCase();
    if (!(key in out) || k === key) out[key] = v;
  }
  return out;
}
