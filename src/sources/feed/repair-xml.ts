import { decodeHTML } from 'entities';

export interface Repaired {
  xml: string;
  repairs: string[];
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Makes common real-world breakage parseable before a strict XML parser sees it:
 * a BOM or junk before the first tag, HTML named entities, bare ampersands — and refuses
 * entity expansion by removing any DOCTYPE internal subset (no declared entity survives,
 * so a "billion laughs" document cannot grow; references to them read as literal text).
 */
export function repairXml(text: string): Repaired {
  const repairs: string[] = [];
  let xml = text.replace(/^\uFEFF/, '');
  const start = xml.indexOf('<');
  if (start > 0) {
    if (xml.slice(0, start).trim() !== '') repairs.push('removed text before the first tag');
    xml = xml.slice(start);
  }
  xml = stripDoctype(xml, repairs);
  xml = fixEntities(xml, repairs);
  xml = fixTitles(xml, repairs);
  return { xml, repairs };
}

/**
 * Splits text into [outside, verbatim, outside, verbatim, …] where verbatim parts are CDATA
 * sections and comments. Uses indexOf, not a lazy regex, so unclosed sections stay linear.
 */
function splitVerbatim(xml: string): string[] {
  const parts: string[] = [];
  let from = 0;
  let cdata = -2;
  let comment = -2;
  for (;;) {
    // Each marker is searched again only once passed, keeping the whole split linear.
    if (cdata !== -1 && cdata < from) cdata = xml.indexOf('<![CDATA[', from);
    if (comment !== -1 && comment < from) comment = xml.indexOf('<!--', from);
    const start = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
    if (start < 0) break;
    const close = start === cdata ? ']]>' : '-->';
    const end = xml.indexOf(close, start + 4);
    if (end < 0) break; // unclosed: the rest is ordinary text and the parser will say so
    parts.push(xml.slice(from, start), xml.slice(start, end + close.length));
    from = end + close.length;
  }
  parts.push(xml.slice(from));
  return parts;
}

/**
 * Titles holding raw markup (Atom type="html"/"xhtml" done wrong, or RSS with <b> inside)
 * become CDATA, so the XML parser keeps the whole text instead of the part before the first
 * child element; base64 titles (Atom 0.3 mode="base64", binary media types) are decoded.
 */
function fixTitles(xml: string, repairs: string[]): string {
  let fixed = 0;
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<title', from);
    if (open < 0) break;
    const openEnd = xml.indexOf('>', open);
    if (openEnd < 0) break;
    const attrs = xml.slice(open + 6, openEnd);
    // Only <title> itself, not <titleFoo> or a self-closing <title/>.
    if (!/^(\s[^>]*)?$/.test(attrs) || attrs.endsWith('/')) {
      out.push(xml.slice(from, openEnd + 1));
      from = openEnd + 1;
      continue;
    }
    const close = xml.indexOf('</title', openEnd);
    const closeEnd = close < 0 ? -1 : xml.indexOf('>', close);
    if (closeEnd < 0) break;
    const repaired = fixTitle(attrs, xml.slice(openEnd + 1, close));
    out.push(xml.slice(from, open), repaired ?? xml.slice(open, closeEnd + 1));
    if (repaired) fixed++;
    from = closeEnd + 1;
  }
  out.push(xml.slice(from));
  if (fixed) repairs.push(`wrapped ${fixed} titles holding markup`);
  return out.join('');
}

function fixTitle(attrs: string, body: string): string | undefined {
  if (/\bmode\s*=\s*["']base64["']|\btype\s*=\s*["']application\/octet-stream["']/.test(attrs)) {
    const compact = body.replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]+=*$/.test(compact)) {
      const plainAttrs = attrs.replace(/\s(mode|type)\s*=\s*["'][^"']*["']/g, '');
      return `<title${plainAttrs}><![CDATA[${cdataSafe(Buffer.from(compact, 'base64').toString('utf8'))}]]></title>`;
    }
  }
  if (!body.includes('<') || body.includes('<![CDATA[')) return undefined;
  return `<title${attrs}><![CDATA[${cdataSafe(body)}]]></title>`;
}

function cdataSafe(text: string): string {
  return text.replace(/]]>/g, ']]]]><![CDATA[>');
}

function stripDoctype(xml: string, repairs: string[]): string {
  // A DOCTYPE is only legal before the root element; one later (inside CDATA) is content.
  const root = xml.search(/<[A-Za-z_]/);
  const at = (root < 0 ? xml : xml.slice(0, root)).search(/<!DOCTYPE/i);
  if (at < 0) return xml;
  const end = doctypeEnd(xml, at);
  if (end < 0) return xml;
  const decl = xml.slice(at, end);
  if (decl.includes('[')) {
    repairs.push(/<!ENTITY/i.test(decl) ? 'removed DOCTYPE with entity declarations (entity expansion refused)' : 'removed DOCTYPE internal subset');
  }
  return xml.slice(0, at) + xml.slice(end);
}

/** End of a DOCTYPE, honouring the [...] internal subset and quoted strings within it. */
function doctypeEnd(xml: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from + 9; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

/** HTML named entities → numeric references; an `&` that starts no valid reference → `&amp;`. Skips CDATA. */
function fixEntities(xml: string, repairs: string[]): string {
  let named = 0;
  let bare = 0;
  const out = splitVerbatim(xml).map((part, i) => {
    if (i % 2 === 1) return part;
    return part.replace(/&(#[0-9]{1,7};|#x[0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)?/g, (whole, ref?: string, name?: string) => {
      if (!ref) {
        bare++;
        return '&amp;';
      }
      if (!name || XML_ENTITIES.has(name)) return whole;
      const decoded = decodeHTML(whole);
      if (decoded === whole) {
        bare++;
        return `&amp;${ref}`;
      }
      named++;
      return Array.from(decoded, (ch) => `&#${ch.codePointAt(0)};`).join('');
    });
  });
  if (named) repairs.push(`converted ${named} HTML entities`);
  if (bare) repairs.push(`escaped ${bare} bare ampersands`);
  return out.join('');
}
