import type { Incident } from '../model';
import type { CommandSpec } from './command-spec';
import { countryName, parseCountry } from './country';
import { answer, formatTime, refuse } from './reply';
import { replyLocaliser, replyTime, type ReplyLanguages } from './reply-locale';
import { placeName, tollText, type Localiser } from '../format';

export const DEFAULT_HOURS = 24;
export const MAX_HOURS = 168;
/** How many incidents one reply lists; a chat message is not a report. */
export const MAX_LISTED = 15;

const USAGE = `Usage: /alerts recent [country] [hours] (hours 1–${MAX_HOURS}, default ${DEFAULT_HOURS})`;

/** `recent [country] [hours]`: the latest incidents. */
export const recent: CommandSpec = {
  name: 'recent',
  usage: 'recent [country] [hours]',
  summary: `latest incidents (default last ${DEFAULT_HOURS} h, at most ${MAX_HOURS} h)`,
  admin: false,
  args: ['country', 'hours'],
  positional: [
    { name: 'country', pattern: /^[A-Za-z]{2}$/ },
    { name: 'hours', pattern: /^\d+$/ },
  ],
  async run(req, deps) {
    let country: string | undefined;
    if (req.args.country !== undefined) {
      const parsed = parseCountry(req.args.country);
      if ('error' in parsed) return refuse('Unknown country', [parsed.error, USAGE]);
      country = parsed.code;
    }
    const hours = parseHours(req.args.hours);
    if (typeof hours === 'string') return refuse('Bad number of hours', [hours, USAGE]);

    const since = new Date(req.now.getTime() - hours * 3_600_000).toISOString();
    // With a country filter, read more so filtering still leaves a full list.
    const found = await deps.store.listIncidents({ since, limit: country ? MAX_LISTED * 10 : MAX_LISTED + 1 });
    const incidents = found.filter((i) => country === undefined || i.countries.includes(country));
    const L = replyLocaliser(req, deps.languages);
    const title = country
      ? L.t('reply.recent.titleCountry', { hours, country: L.locale === 'en' ? countryName(country) : L.country(country) })
      : L.t('reply.recent.title', { hours });
    if (incidents.length === 0) return answer(title, [L.t('reply.recent.none')]);
    const lines = incidents.slice(0, MAX_LISTED).map((i) => (L.locale === 'en' ? describeIncident(i) : describeLocalIncident(i, L, deps.languages)));
    if (incidents.length > MAX_LISTED) lines.push(L.t('reply.recent.more'));
    return answer(title, lines);
  },
};

function parseHours(raw: string | undefined): number | string {
  if (raw === undefined) return DEFAULT_HOURS;
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > MAX_HOURS) {
    return `"${raw}" is not a whole number of hours between 1 and ${MAX_HOURS}`;
  }
  return n;
}

/** e.g. `HIGH · Attack on concert hall · Krasnogorsk, Russia · 137 killed, 182 injured · 5 sources · 2024-03-22 19:20 UTC`. */
export function describeIncident(i: Incident): string {
  const parts = [i.severity.toUpperCase(), i.title];
  const place = describePlace(i);
  if (place) parts.push(place);
  const toll = describeCasualties(i);
  if (toll) parts.push(toll);
  parts.push(i.reports.length === 1 ? '1 source' : `${i.reports.length} sources`);
  parts.push(formatTime(i.eventTime));
  return parts.join(' · ');
}

/** The same line in the asker's language: severity, place, toll, sources and time; the title stays as published. */
function describeLocalIncident(i: Incident, L: Localiser, languages: ReplyLanguages | undefined): string {
  const parts = [L.t('severity.name', { severity: i.severity }).toLocaleUpperCase(L.locale), i.title];
  const first = i.places[0];
  const place = first ? `${placeName(first, L, languages?.placeNames)}, ${L.country(first.country)}` : i.countries.map(L.country).join(', ');
  if (place) parts.push(place);
  const toll = tollText(i.casualties, L);
  if (toll) parts.push(toll);
  parts.push(L.t('reply.recent.sources', { n: i.reports.length }));
  parts.push(replyTime(i.eventTime, L));
  return parts.join(' · ');
}

function describePlace(i: Incident): string {
  const first = i.places[0];
  if (first) return `${first.name}, ${countryName(first.country)}`;
  return i.countries.map(countryName).join(', ');
}

function describeCasualties(i: Incident): string {
  const parts: string[] = [];
  if (i.casualties.killed !== undefined) parts.push(`${i.casualties.killed} killed`);
  if (i.casualties.injured !== undefined) parts.push(`${i.casualties.injured} injured`);
  return parts.join(', ');
}
