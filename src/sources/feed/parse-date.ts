import { ianaOffsetMinutes, monthOf, ZONE_ABBREVIATIONS } from './date-words';

/**
 * A real-world feed date → ISO 8601 instant (UTC), or undefined when it cannot be read.
 * Handles RFC 822/1123 with named or numeric zones and missing seconds, ISO 8601 variants,
 * IANA zone names, Unix timestamps, two-digit years, ordinal days, am/pm, and month and
 * weekday names in several European languages. A date without a zone is taken as UTC.
 */
export function parseDate(input: string | undefined): string | undefined {
  const ms = parseDateMs(input);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

export function parseDateMs(input: string | undefined): number | undefined {
  if (input === undefined) return undefined;
  const text = input.trim().slice(0, 100);
  if (text === '') return undefined;
  if (/^\d{9,10}$/.test(text)) return plausible(Number(text) * 1000);
  if (/^\d{12,13}$/.test(text)) return plausible(Number(text));
  return plausible(parseIso(text) ?? parseRfc822(text) ?? parseLoose(text));
}

const RFC822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC?|Z|[+-]\d{4})$/;
const RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The common case, "Sat, 01 Nov 2026 14:05:00 GMT", read directly; anything else goes to the loose reader. */
function parseRfc822(text: string): number | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, d, mo, y, h, mi, s, zone] = m as unknown as [string, string, string, string, string, string, string | undefined, string];
  const offset = /^[+-]/.test(zone) ? numericOffset(zone) : 0;
  return build(Number(y), RFC822_MONTHS.indexOf(mo) + 1, Number(d), Number(h), Number(mi), Number(s ?? 0), offset, 0);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?/i;

function parseIso(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const offset = zone ? numericOffset(zone) : 0;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), offset, ms);
}

/** "+0530", "-07:00", "+01" → minutes east; offsets beyond real-world range count as UTC. */
function numericOffset(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return minutes < -12 * 60 || minutes > 14 * 60 ? 0 : minutes;
}

const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?![\w])/i;
const TIME_HOUR_ONLY = /\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![\w])/i;

function parseLoose(raw: string): number | undefined {
  let text = ` ${raw.replace(/\([^)]*\)/g, ' ')} `;
  const time = TIME.exec(text) ?? TIME_HOUR_ONLY.exec(text);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (time) {
    const hasMinutes = time.length > 3 && time[0].includes(':');
    hour = Number(time[1]);
    minute = hasMinutes ? Number(time[2]) : 0;
    second = hasMinutes && time[3] ? Number(time[3]) : 0;
    const meridiem = (hasMinutes ? time[4] : time[2])?.toLowerCase().replace(/[.\s]/g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    text = `${text.slice(0, time.index)} @ ${text.slice(time.index + time[0].length)}`;
  }
  const zone = takeZone(text);
  text = zone.rest;
  const date = readDate(text);
  if (!date) return undefined;
  const utcGuess = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  let offset = zone.minutes;
  if (zone.iana) {
    const first = ianaOffsetMinutes(zone.iana, utcGuess) ?? 0;
    offset = ianaOffsetMinutes(zone.iana, utcGuess - first * 60000) ?? first;
  }
  return build(date.year, date.month, date.day, hour, minute, second, offset, 0);
}

/** Finds the zone after the time: "GMT-07:00", "+0100", "EST", "America/Los_Angeles". */
function takeZone(text: string): { minutes: number; iana?: string; rest: string } {
  const iana = /\b([A-Z][a-z]+(?:\/[A-Z][A-Za-z_-]+)+)\b/.exec(text);
  if (iana?.[1]) return { minutes: 0, iana: iana[1], rest: text.replace(iana[0], ' ') };
  const numeric = /(?:\b(?:GMT|UTC|UT))?\s*([+-]\d{2}:?\d{2})(?![\d:])/.exec(text.slice(text.indexOf('@') + 1));
  if (numeric?.[1] && text.includes('@')) {
    return { minutes: numericOffset(numeric[1]), rest: text.replace(numeric[0], ' ') };
  }
  for (const m of text.matchAll(/\b([A-Z]{1,5})\b/g)) {
    const name = m[1] as string;
    if (name in ZONE_ABBREVIATIONS && !monthOf(name)) {
      return { minutes: ZONE_ABBREVIATIONS[name] as number, rest: text.replace(m[0], ' ') };
    }
  }
  return { minutes: 0, rest: text };
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function readDate(text: string): DateParts | undefined {
  const numericDate = /(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(text);
  if (numericDate) return numericDmy(numericDate);
  const words = text.match(/[A-Za-zÀ-ÿ]+\.?/g) ?? [];
  // The first word is often a weekday ("mar." is Tuesday in French): prefer a later month word.
  const months = words.map((w) => monthOf(w)).map((m, i) => ({ m, i })).filter((x) => x.m !== undefined);
  const pick = months.length > 1 ? months.find((x) => x.i > 0) : months[0];
  const numbers = (text.match(/\d+(?=st|nd|rd|th|\b|\.)/g) ?? []).map(Number);
  if (pick?.m) {
    const yearIdx = numbers.findIndex((n) => n >= 1000);
    const year = yearIdx >= 0 ? numbers[yearIdx] : numbers.length >= 2 ? numbers[numbers.length - 1] : undefined;
    const rest = numbers.filter((_, i) => i !== (yearIdx >= 0 ? yearIdx : numbers.length - 1));
    const day = yearIdx >= 0 || numbers.length >= 2 ? (rest[0] ?? 1) : 1;
    if (year === undefined) return undefined;
    return { year: fullYear(year), month: pick.m, day };
  }
  // "Sat, 11 04 2020": three bare numbers read day, month, year.
  if (numbers.length >= 3 && (numbers[2] as number) >= 1000) {
    return { day: numbers[0] as number, month: numbers[1] as number, year: numbers[2] as number };
  }
  return undefined;
}

/** 2020/06/26, 26/06/2020, 03/30/2020, 30.10.23, 10/30/23. US order when ambiguous, except with dots. */
function numericDmy(m: RegExpExecArray): DateParts {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = Number(m[3]);
  if ((m[1] as string).length === 4) return { year: a, month: b, day: c };
  const dotted = m[0].includes('.');
  if (a > 12 || dotted) return { day: a, month: b, year: fullYear(c) };
  return { month: a, day: b, year: fullYear(c) };
}

/** Two-digit years as RFC 2822 reads them: 00–49 → 20xx, 50–99 → 19xx. */
function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number, ms: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Reject rollovers such as 31 February.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  return t - offsetMin * 60000;
}

/** Dates before 1970 or far in the future are misreadings, not news. */
function plausible(ms: number | undefined): number | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return ms < 0 || ms > Date.UTC(2200, 0, 1) ? undefined : ms;
}
