/** Pulls a string out of whatever shape an XML-to-object parser produced for one field. */
export function fieldText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  if (depth > 3 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return fieldText(value[0], depth + 1);
  const obj = value as Record<string, unknown>;
  const attrs = obj.$ as Record<string, unknown> | undefined;
  // xml2js puts text beside attributes under `_`; feedsmith uses `value`.
  const text = fieldText(obj.value ?? obj['#text'], depth + 1);
  if (text !== undefined) return text;
  if (typeof obj._ === 'string' && attrs?.mode === 'base64') return fromBase64(obj._);
  // Atom xhtml / naked markup: xml2js turns child elements into keys; keep their text too.
  return childText(obj, depth);
}

function childText(obj: Record<string, unknown>, depth: number): string | undefined {
  if (depth > 8) return undefined;
  const parts: string[] = typeof obj._ === 'string' ? [obj._] : [];
  for (const [key, child] of Object.entries(obj)) {
    if (key === '$' || key === '_') continue;
    for (const c of Array.isArray(child) ? child : [child]) {
      const t = typeof c === 'string' ? c : c && typeof c === 'object' ? childText(c as Record<string, unknown>, depth + 1) : undefined;
      if (t) parts.push(t);
    }
  }
  const joined = parts.join(' ').trim();
  return joined === '' ? undefined : joined;
}

function fromBase64(text: string): string {
  const compact = text.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]+=*$/.test(compact) ? Buffer.from(compact, 'base64').toString('utf8') : text;
}

/** First non-empty text among candidates. */
export function firstText(...values: unknown[]): string | undefined {
  for (const v of values) {
    const t = fieldText(v);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
export function bound(text: string | undefined, max: number): string | undefined {
  if (text === undefined || text.length <= max) return text;
  const cut = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, cut);
}

export function parseTtl(value: unknown): number | undefined {
  const n = Number(fieldText(value));
  return Number.isFinite(n) && n > 0 && n < 100_000 ? Math.round(n) : undefined;
}
