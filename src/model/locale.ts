/**
 * The languages and time zones a channel's messages can be written in. A locale is one of
 * ours (a catalogue ships for it); a time zone is any IANA zone the runtime's Intl knows.
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'sv', 'no', 'da', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';
export const DEFAULT_TIMEZONE = 'UTC';

export function isLocale(s: string): s is Locale {
  return (LOCALES as readonly string[]).includes(s);
}

/** Norwegian Bokmål and Nynorsk are both written `no` here (one catalogue). */
const ALIASES: Record<string, Locale> = { nb: 'no', nn: 'no' };

/**
 * A BCP 47 tag (`fr`, `es-ES`, `pt-BR`, `sv-SE`, `nb`) → one of our locales by its language
 * part; undefined when we ship no catalogue for it.
 */
export function localeOfTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lang = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLocale(lang)) return lang;
  return ALIASES[lang];
}

export function parseLocale(raw: string): { locale: Locale } | { error: string } {
  const locale = localeOfTag(raw);
  return locale ? { locale } : { error: `"${raw}" is not a supported locale: use ${LOCALES.join(', ')}` };
}

/** An IANA zone (`Europe/Paris`, `UTC`), in the runtime's canonical spelling; an error names the mistake. */
export function parseTimeZone(raw: string): { timezone: string } | { error: string } {
  const s = raw.trim();
  try {
    const timezone = new Intl.DateTimeFormat('en', { timeZone: s }).resolvedOptions().timeZone;
    return { timezone };
  } catch {
    return { error: `"${raw}" is not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC)` };
  }
}
