import { readingPrefs, type Subscription } from '../model';
import { countryName } from './country';
import { formatTime } from './reply';

/** What a channel receives, one filter a line; an empty filter reads "all". */
export function describeSubscription(s: Subscription): string[] {
  const lines = [
    `Countries: ${s.countries.length ? s.countries.map((c) => `${countryName(c)} (${c})`).join(', ') : 'all'}`,
    `Kinds: ${s.kinds.length ? s.kinds.join(', ') : 'all (attack, alert_level)'}`,
    `Minimum severity: ${s.minSeverity}`,
    `Languages: ${s.languages.length ? s.languages.join(', ') : 'all'}`,
    `Locale: ${readingPrefs(s).locale}`,
    `Time zone: ${readingPrefs(s).timezone}`,
    `Since: ${formatTime(s.createdAt)}`,
  ];
  if (s.broken) lines.push(`Delivery stopped: ${s.broken.reason} (${formatTime(s.broken.at)}) — subscribe again to resume`);
  return lines;
}
