import { createHash } from 'node:crypto';

/**
 * What `new URL` returns unchanged: a lowercase host name ending in a letter-led label (no
 * IPv4 reading) and no punycode label, no port, user, query or fragment, and a path of
 * unreserved characters only (dot segments are ruled out separately).
 */
const ALREADY_CANONICAL = /^https?:\/\/(?!xn--)(?:[a-z0-9-]+\.)+(?!xn--)[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~/]*$/;

/** Absolute http(s) URL with a lowercase host, no fragment and no utm_* tracking; undefined if not a web URL. */
export function canonicalUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  // Most links are already canonical; `new URL` is a large share of normalising an item.
  if (ALREADY_CANONICAL.test(raw) && !raw.includes('/.') && !raw.includes('.xn--')) return raw;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  for (const key of [...url.searchParams.keys()]) {
    if (/^utm_/i.test(key)) url.searchParams.delete(key);
  }
  if (url.search === '?') url.search = '';
  return url.toString();
}

/** GUID, else canonical URL, else a hash of the text: stable across polls of the same item. */
export function itemId(guid: string | undefined, url: string | undefined, title: string, summary: string): string {
  const g = guid?.trim();
  if (g) return g;
  if (url) return url;
  return `sha256:${createHash('sha256').update(`${title}\n${summary}`).digest('hex')}`;
}
