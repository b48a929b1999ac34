import { decodeHTML } from 'entities';

/**
 * Markup → plain text: drops scripts, styles and comments, turns block ends into spaces,
 * strips tags, decodes entities (twice when the feed double-escaped them) and collapses
 * whitespace. Bounded to `max` characters with an ellipsis.
 */
export function plainText(html: string | undefined, max: number): string {
  if (!html) return '';
  let text = html
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<(script|style|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ');
  text = stripTags(text);
  text = decodeHTML(text);
  // Feeds that escape twice ("&amp;lt;b&amp;gt;", "AT&amp;amp;T") need a second pass.
  if (/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(text)) text = decodeHTML(text);
  if (/<\/?[a-z][^>]*>/i.test(text)) text = stripTags(text);
  // Control characters are dropped (tabs and newlines become spaces) before whitespace is collapsed.
  text = text.replace(/[\p{Cc}\u200B\uFEFF]/gu, (c) => (/\s/.test(c) ? ' ' : '')).replace(/\s+/g, ' ').trim();
  return truncate(text, max);
}

function stripTags(text: string): string {
  return text.replace(/<\/?(p|div|br|li|h[1-6]|tr|td|blockquote|section|article)\b[^>]*>/gi, ' ').replace(/<\/?[a-z!][^>]*(>|$)/gi, '');
}

/** Cut at a word boundary near the limit, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.8) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
