import type { Kind, Severity } from '../model';
import { KINDS, SEVERITIES, isSeverity } from '../model';
import { parseCountry } from './country';

export interface SubscriptionFilters {
  countries: string[];
  kinds: Kind[];
  minSeverity: Severity;
  languages: string[];
}

/** Words that mean "no filter". */
const ALL = new Set(['all', '*', 'any']);

function list(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return items.some((s) => ALL.has(s.toLowerCase())) ? [] : [...new Set(items)];
}

/** `countries=FR,GB kinds=attack min-severity=high languages=en,fr` → filters, or every problem found. */
export function parseSubscriptionArgs(args: Record<string, string>): SubscriptionFilters | { errors: string[] } {
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
  return errors.length ? { errors } : { countries, kinds: kindsStored, minSeverity, languages };
}
