import type { Kind, Locale, Severity } from '../model';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, KINDS, SEVERITIES, isSeverity, parseLocale, parseTimeZone } from '../model';
import { parseCountry } from './country';

export interface SubscriptionFilters {
  countries: string[];
  kinds: Kind[];
  minSeverity: Severity;
  languages: string[];
  /** The language and zone the channel's messages are written in. */
  locale: Locale;
  timezone: string;
}

/** Words that mean "no filter". */
const ALL = new Set(['all', '*', 'any']);

function list(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return items.some((s) => ALL.has(s.toLowerCase())) ? [] : [...new Set(items)];
}

/**
 * `countries=FR,GB kinds=attack min-severity=high languages=en,fr locale=fr timezone=Europe/Paris`
 * → filters, or every problem found. `defaultLocale`: the locale when none is given (Discord: the guild's).
 */
export function parseSubscriptionArgs(args: Record<string, string>, defaultLocale: Locale = DEFAULT_LOCALE): SubscriptionFilters | { errors: string[] } {
  const errors: string[] = [];
  const countries: string[] = [];
  for (const raw of list(args.countries)) {
    const parsed = parseCountry(raw);
    if ('error' in parsed) errors.push(parsed.error);
    else if (!countries.includes(parsed.code)) countries.push(parsed.code);
  }
  const kinds: Kind[] = [];
  for (const raw of list(args.kinds)) {
    const k = raw.toLowerCase().replace(/-/g, '_');
    if ((KINDS as readonly string[]).includes(k)) {
      if (!kinds.includes(k as Kind)) kinds.push(k as Kind);
    } else errors.push(`"${raw}" is not a kind: use ${KINDS.join(', ')}`);
  }
  // Both kinds is the same as no filter; store it the canonical way.
  const kindsStored = kinds.length === KINDS.length ? [] : kinds;
  let minSeverity: Severity = 'low';
  const sev = args['min-severity']?.trim().toLowerCase();
  if (sev !== undefined) {
    if (isSeverity(sev)) minSeverity = sev;
    else errors.push(`"${args['min-severity']}" is not a severity: use ${SEVERITIES.join(', ')}`);
  }
  const languages: string[] = [];
  for (const raw of list(args.languages)) {
    const l = raw.toLowerCase();
    if (/^[a-z]{2}$/.test(l)) {
      if (!languages.includes(l)) languages.push(l);
    } else errors.push(`"${raw}" is not a two-letter ISO 639-1 language code (e.g. en, fr)`);
  }
  let locale = defaultLocale;
  if (args.locale !== undefined) {
    const parsed = parseLocale(args.locale);
    if ('error' in parsed) errors.push(parsed.error);
    else locale = parsed.locale;
  }
  let timezone = DEFAULT_TIMEZONE;
  if (args.timezone !== undefined) {
    const parsed = parseTimeZone(args.timezone);
    if ('error' in parsed) errors.push(parsed.error);
    else timezone = parsed.timezone;
  }
  return errors.length ? { errors } : { countries, kinds: kindsStored, minSeverity, languages, locale, timezone };
}
