import countries from 'i18n-iso-countries';

/** An ISO 3166-1 alpha-2 code, upper-cased, or why not. */
export function parseCountry(raw: string): { code: string } | { error: string } {
  const code = raw.trim().toUpperCase();
  // isValid also accepts alpha-3 and numeric codes; the store speaks alpha-2 only.
  if (/^[A-Z]{2}$/.test(code) && countries.isValid(code)) return { code };
  return { error: `"${raw}" is not an ISO 3166-1 alpha-2 country code (e.g. FR, GB, US)` };
}

/** The everyday English name ("Russia", not "Russian Federation"; "United Kingdom", not "UK"). */
export function countryName(code: string): string {
  const alias = countries.getName(code, 'en', { select: 'alias' });
  if (alias && alias !== alias.toUpperCase()) return alias;
  return countries.getName(code, 'en') ?? code;
}
