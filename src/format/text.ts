import countries from 'i18n-iso-countries';

/**
 * Where the library's English name is officialese ("Russian Federation") or its alias an
 * abbreviation ("UK"), say it the way a news reader expects.
 */
const COMMON_NAMES: Record<string, string> = {
  BO: 'Bolivia', CD: 'DR Congo', GB: 'United Kingdom', IR: 'Iran', KP: 'North Korea', KR: 'South Korea',
  LA: 'Laos', MD: 'Moldova', PS: 'Palestine', RU: 'Russia', SY: 'Syria', TW: 'Taiwan', TZ: 'Tanzania',
  US: 'United States', VE: 'Venezuela', VN: 'Vietnam',
};

/** English name of an ISO 3166-1 alpha-2 code; the code itself when unknown. */
export function countryName(code: string): string {
  const up = code.toUpperCase();
  return COMMON_NAMES[up] ?? countries.getName(up, 'en') ?? up;
}

/** Regional-indicator flag for an alpha-2 code, or '' for anything else. */
export function flagEmoji(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** `islamic-state-khorasan` → `Islamic State Khorasan`. */
export function titleCase(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** A display name from an injected map, else the id title-cased. */
export function displayName(id: string, names?: Record<string, string>): string {
  return names?.[id] ?? titleCase(id);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03-22T19:20:00Z` → `22 Mar 2024 19:20 UTC`; unparseable input comes back as is. */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Cut to at most `max` UTF-16 units (a safe bound for every platform's character count),
 * ending in '…', never splitting a surrogate pair.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return '';
  let cut = max - 1;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${s.slice(0, cut)}…`;
}

/** Only absolute http(s) links are worth showing (platforms reject the rest, or worse). */
export function safeUrl(u: string | undefined, max = 2048): string | undefined {
  if (!u || u.length > max) return undefined;
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Drop control characters (terminal escapes, NULs) from feed text, keeping line breaks and tabs. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/**
 * Escape `raw` and fit the result into `max` units, shortening the raw text (not the escaped
 * one) so an escape sequence or entity is never cut in half.
 */
export function fitEscaped(raw: string, max: number, escape: (s: string) => string): string {
  let out = escape(raw);
  let n = Math.min(raw.length, max);
  while (out.length > max && n > 0) {
    out = escape(truncate(raw, n));
    // Shrink in proportion to how much escaping expands the text, at least by one.
    if (out.length > max) n = Math.min(n - 1, Math.floor((n * max) / out.length));
  }
  return out.length <= max ? out : '';
}
