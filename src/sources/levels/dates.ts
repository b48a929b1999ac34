/** Date wordings the authorities use, turned into ISO instants. Undefined when unsure. */

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const FR_MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/** Offset of `timeZone` from UTC, in minutes, at the instant `utcMs`. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** A wall-clock time in a named zone (month 1-based) as an ISO instant. */
export function zonedToIso(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): string | undefined {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Two passes settle the offset across a DST boundary.
  let utc = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  utc = wall - zoneOffsetMinutes(utc, timeZone) * 60_000;
  return new Date(utc).toISOString();
}

/**
 * MI5's item date, "Thursday, April 30, 2026 -  06:09" (UK wall-clock time), or an RFC 822 date
 * with an explicit zone.
 */
export function parseMi5Date(text: string): string | undefined {
  const m = /([a-z]+)\s+(\d{1,2}),\s*(\d{4})\s*-\s*(\d{1,2}):(\d{2})/i.exec(text);
  if (m) {
    const month = EN_MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
    if (month > 0) return zonedToIso(Number(m[3]), month, Number(m[2]), Number(m[4]), Number(m[5]), 'Europe/London');
  }
  if (/(?:[+-]\d{4}|\bGMT|\bUTC)\s*$/i.test(text.trim())) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return undefined;
}

/** NTAS attribute dates, "YYYY/MM/DD HH:MM" in GMT. */
export function parseNtasDate(text: string | undefined): string | undefined {
  const m = /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(text ?? '');
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** "22 juin 2026" (accents already folded) → midnight Paris time, as an ISO instant. */
export function parseFrenchDate(folded: string): string | undefined {
  const m = /(\d{1,2})(?:er)? ([a-z]+) (\d{4})/.exec(folded);
  if (!m) return undefined;
  const month = FR_MONTHS.indexOf(m[2] ?? '') + 1;
  return month > 0 ? zonedToIso(Number(m[3]), month, Number(m[1]), 0, 0, 'Europe/Paris') : undefined;
}
