/**
 * Removes configured secret values (tokens, signing secrets) from any text before it is
 * logged, stored or shown: a platform's error message or a feed URL can quote them.
 */
export type Scrub = (text: string) => string;

export function makeScrubber(secrets: readonly (string | undefined)[]): Scrub {
  // Short values would redact ordinary words; real tokens are long.
  const values = secrets.filter((s): s is string => Boolean(s && s.length >= 6));
  if (!values.length) return (text) => text;
  return (text) => values.reduce((acc, secret) => acc.split(secret).join('[Redacted]'), text);
}
