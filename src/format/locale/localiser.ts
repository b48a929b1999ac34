import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, type Locale } from '../../model/locale';
import { countryName, formatUtc, joinAnd } from '../text';
import { EN, type MessageKey } from './en';
import { fastFormat } from './icu-eval';

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
const compiled = new WeakMap<object, Map<string, Compiled | null>>();
const countryNames = new Map<string, string>();
const times = new Map<string, string>();
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

/** A message ready to format: most are plain text with `{name}` slots, kept out of the ICU machinery. */
interface Compiled {
  format(values: MessageValues | undefined): string | undefined;
}

/** Only `{name}` placeholders, no plural/select/number and no ICU quoting: substitution is exact. */
const SIMPLE = /^[^{}']*(?:\{[A-Za-z_][A-Za-z0-9_]*\}[^{}']*)*$/;

function simple(text: string): Compiled {
  const parts = text.split(/\{([A-Za-z_][A-Za-z0-9_]*)\}/);
  if (parts.length === 1) return { format: () => text };
  return {
    format(values) {
      let out = parts[0] ?? '';
      for (let i = 1; i < parts.length; i += 2) {
        const v = values?.[parts[i] ?? ''];
        if (v === undefined) return undefined; // as ICU would refuse: fall back to English
        out += String(v) + (parts[i + 1] ?? '');
      }
      return out;
    },
  };
}

function icu(text: string, locale: Locale): Compiled {
  return { format: fastFormat(new IntlMessageFormat(text, intlTag(locale)), intlTag(locale)) };
}

/** The compiled message, or null when the text does not parse (then English is used). */
function compile(catalogue: object, key: string, text: string, locale: Locale): Compiled | null {
  let byKey = compiled.get(catalogue);
  if (!byKey) compiled.set(catalogue, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  let made: Compiled | null;
  try {
    made = SIMPLE.test(text) ? simple(text) : icu(text, locale);
  } catch {
    made = null;
  }
  byKey.set(key, made);
  return made;
}

/** A message in `locale`, falling back to English for a missing or broken translation. */
export function translate(catalogues: Catalogues, locale: Locale, key: MessageKey, values?: MessageValues): string {
  const own = locale === 'en' ? undefined : catalogues[locale];
  const text = own?.[key];
  if (own && text !== undefined) {
    const out = compile(own, key, text, locale)?.format(values);
    if (out !== undefined) return out;
  }
  return compile(EN, key, EN[key], 'en')?.format(values) ?? EN[key];
}

function localTime(locale: Locale, timeZone: string, iso: string): string {
  // English in UTC keeps the compact form messages always had.
  if (locale === 'en' && timeZone === 'UTC') return formatUtc(iso);
  const key = `${locale}|${timeZone}|${iso}`;
  const known = times.get(key);
  if (known !== undefined) return known;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const fmt = memo(dateFormats, `${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlTag(locale), {
      day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short',
    }),
  );
  const text = fmt.format(d);
  // An incident's times are shown in every channel and every edit: remember the last few thousand.
  if (times.size > 5000) times.clear();
  times.set(key, text);
  return text;
}

function localCountry(locale: Locale, code: string): string {
  if (locale === 'en') return countryName(code);
  const up = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(up)) return up;
  return memo(countryNames, `${locale}|${up}`, () => {
    const names = memo(regionNames, locale, () => new Intl.DisplayNames(intlTag(locale), { type: 'region', fallback: 'code' }));
    try {
      return names.of(up) ?? up;
    } catch {
      return up;
    }
  });
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
