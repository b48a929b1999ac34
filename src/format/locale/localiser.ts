import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, type Locale } from '../../model/locale';
import { countryName, formatUtc, joinAnd } from '../text';
import { EN, type MessageKey } from './en';

/** One language's messages, as loaded from config/locales/<lang>.yaml; keys it lacks fall back to English. */
export type Catalogue = Partial<Record<MessageKey, string>>;
export type Catalogues = Partial<Record<Locale, Catalogue>>;

export type MessageValues = Record<string, string | number>;

/** Everything language- and zone-dependent a message needs, for one channel. */
export interface Localiser {
  readonly locale: Locale;
  readonly timeZone: string;
  t(key: MessageKey, values?: MessageValues): string;
  country(code: string): string;
  /** `a, b and c` in the reader's language. */
  list(parts: string[]): string;
  /** An instant in the reader's language and zone; unparseable input comes back as is. */
  time(iso: string): string;
}

/** Intl has no `no` data everywhere: Bokmål is what Norwegian readers expect. */
function intlTag(locale: Locale): string {
  return locale === 'no' ? 'nb' : locale;
}

// Compiling a message or building an Intl formatter costs far more than using one: each is
// made once per catalogue/locale/zone and reused (render cost per message is benchmarked).
const compiled = new WeakMap<object, Map<string, IntlMessageFormat | null>>();
const regionNames = new Map<string, Intl.DisplayNames>();
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function memo<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** The compiled message, or null when the text does not parse (then English is used). */
function compile(catalogue: object, key: string, text: string, locale: Locale): IntlMessageFormat | null {
  let byKey = compiled.get(catalogue);
  if (!byKey) compiled.set(catalogue, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  let made: IntlMessageFormat | null;
  try {
    made = new IntlMessageFormat(text, intlTag(locale));
  } catch {
    made = null;
  }
  byKey.set(key, made);
  return made;
}

function render(fmt: IntlMessageFormat, values: MessageValues | undefined): string | undefined {
  try {
    const out = fmt.format(values);
    return typeof out === 'string' ? out : Array.isArray(out) ? out.join('') : String(out);
  } catch {
    return undefined;
  }
}

/** A message in `locale`, falling back to English for a missing or broken translation. */
export function translate(catalogues: Catalogues, locale: Locale, key: MessageKey, values?: MessageValues): string {
  const own = locale === 'en' ? undefined : catalogues[locale];
  const text = own?.[key];
  if (own && text !== undefined) {
    const fmt = compile(own, key, text, locale);
    const out = fmt && render(fmt, values);
    if (out !== undefined && out !== null) return out;
  }
  const fmt = compile(EN, key, EN[key], 'en');
  return (fmt && render(fmt, values)) ?? EN[key];
}

function localTime(locale: Locale, timeZone: string, iso: string): string {
  // English in UTC keeps the compact form messages always had.
  if (locale === 'en' && timeZone === 'UTC') return formatUtc(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const fmt = memo(dateFormats, `${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlTag(locale), {
      day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short',
    }),
  );
  return fmt.format(d);
}

function localCountry(locale: Locale, code: string): string {
  if (locale === 'en') return countryName(code);
  const up = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(up)) return up;
  const names = memo(regionNames, locale, () => new Intl.DisplayNames(intlTag(locale), { type: 'region', fallback: 'code' }));
  try {
    return names.of(up) ?? up;
  } catch {
    return up;
  }
}

function localList(locale: Locale, parts: string[]): string {
  if (locale === 'en' || parts.length <= 1) return joinAnd(parts);
  return memo(listFormats, locale, () => new Intl.ListFormat(intlTag(locale), { type: 'conjunction' })).format(parts);
}

export function makeLocaliser(catalogues: Catalogues = {}, locale: Locale = DEFAULT_LOCALE, timeZone: string = DEFAULT_TIMEZONE): Localiser {
  return {
    locale,
    timeZone,
    t: (key, values) => translate(catalogues, locale, key, values),
    country: (code) => localCountry(locale, code),
    list: (parts) => localList(locale, parts),
    time: (iso) => localTime(locale, timeZone, iso),
  };
}
