import type { LevelReading } from '../model';
import { reportedLevels } from '../incidents';
import { describeReportedLevel } from '../format/reported-level-message';
import type { CommandSpec } from './command-spec';
import { countryName, parseCountry } from './country';
import { answer, formatTime, refuse } from './reply';
import { describeHealth, levelHealth } from './level-health';

/** `status [country]`: each tracked authority's current level, how fresh it is and its source's health. */
export const status: CommandSpec = {
  name: 'status',
  usage: 'status [country]',
  summary: 'current alert level of each tracked authority (or one country)',
  admin: false,
  args: ['country'],
  positional: [{ name: 'country', pattern: /^[A-Za-z]{2}$/ }],
  async run(req, deps) {
    let country: string | undefined;
    if (req.args.country !== undefined) {
      const parsed = parseCountry(req.args.country);
      if ('error' in parsed) return refuse('Unknown country', [parsed.error, 'Usage: /alerts status [country]']);
      country = parsed.code;
    }
    const levels = (await deps.store.listLevels())
      .filter((l) => country === undefined || l.country === country)
      .sort((a, b) => a.country.localeCompare(b.country) || a.authority.localeCompare(b.authority) || a.scope.localeCompare(b.scope));
    // Changes the news reported and no official reading confirmed yet, tracked authority or not.
    const since = new Date(req.now.getTime() - 6 * 86_400_000).toISOString();
    const reported = reportedLevels(await deps.store.listIncidents({ since, kind: 'alert_level', limit: 200 }))
      .filter((r) => country === undefined || r.country === country);
    const states = new Map((await deps.store.listSourceStates()).map((st) => [st.id, st]));
    const title = country ? `Alert levels — ${countryName(country)}` : 'Alert levels';
    if (levels.length === 0 && reported.length === 0) {
      return answer(title, [country ? `No tracked authority has reported a level for ${countryName(country)} yet.` : 'No alert level has been read yet.']);
    }
    const official = levels.map((l) => `${describeLevel(l)} — ${describeHealth(levelHealth(l, states))}`);
    return answer(title, [...official, ...reported.map(describeReportedLevel)]);
  },
};

/** e.g. `United Kingdom — uk-mi5: SEVERE (4 of 5) since 2024-02-08 00:00 UTC — https://…`. */
export function describeLevel(l: LevelReading): string {
  const who = `${countryName(l.country)} — ${l.authority}${l.scope === 'national' ? '' : ` (${l.scope})`}`;
  const parts = [`${who}: ${levelName(l)}`];
  if (l.since) parts.push(`since ${formatTime(l.since)}`);
  if (l.expires) parts.push(`until ${formatTime(l.expires)}`);
  return `${parts.join(', ')} — ${l.url}`;
}

/** `SEVERE (4 of 5)`; the authority's own wording first when it is not English. */
export function levelName(l: LevelReading): string {
  if (l.rank === 0) return `no level in force (scale of ${l.of})`;
  const name = l.name && l.name !== l.name_en ? `${l.name} / ${l.name_en}` : l.name_en || l.name;
  return `${name} (${l.rank} of ${l.of})`;
}
