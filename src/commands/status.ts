import type { LevelReading } from '../model';
import { reportedLevels } from '../incidents';
import { describeReportedLevel } from '../format/reported-level-message';
import type { CommandSpec } from './command-spec';
import { countryName, parseCountry } from './country';
import { answer, formatTime, refuse } from './reply';
import { replyLocaliser, replyTime } from './reply-locale';
import { localPosition, localStepName, type LevelGloss, type Localiser } from '../format';
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
    const L = replyLocaliser(req, deps.languages);
    const name = L.locale === 'en' ? countryName : L.country;
    const title = country ? L.t('reply.status.titleCountry', { country: name(country) }) : L.t('reply.status.title');
    if (levels.length === 0 && reported.length === 0) {
      return answer(title, [country ? L.t('reply.status.noneCountry', { country: name(country) }) : L.t('reply.status.none')]);
    }
    const official = levels.map((l) => `${describeLevel(l, L, deps.languages?.levelGloss)} — ${describeHealth(levelHealth(l, states))}`);
    return answer(title, [...official, ...reported.map(describeReportedLevel)]);
  },
};

/** e.g. `United Kingdom — uk-mi5: SEVERE (4 of 5) since 2024-02-08 00:00 UTC — https://…`; in the asker's language when given. */
export function describeLevel(l: LevelReading, L?: Localiser, gloss?: LevelGloss): string {
  const local = L && L.locale !== 'en' ? L : undefined;
  const who = `${local ? local.country(l.country) : countryName(l.country)} — ${l.authority}${l.scope === 'national' ? '' : ` (${l.scope})`}`;
  const parts = [`${who}: ${local ? localLevelName(l, local, gloss) : levelName(l)}`];
  if (l.since) parts.push(local ? local.t('reply.status.since', { time: replyTime(l.since, local) }) : `since ${formatTime(l.since)}`);
  if (l.expires) parts.push(local ? local.t('reply.status.until', { time: replyTime(l.expires, local) }) : `until ${formatTime(l.expires)}`);
  return `${parts.join(', ')} — ${l.url}`;
}

/** The step in the authority's words with the asker's beside them, and its place on the scale. */
function localLevelName(l: LevelReading, L: Localiser, gloss: LevelGloss | undefined): string {
  if (l.rank === 0) return L.t('reply.status.noLevel', { of: l.of });
  return `${localStepName(l, l.authority, L, gloss)} ${localPosition(l.rank, l.of, L)}`;
}

/** `SEVERE (4 of 5)`; the authority's own wording first when it is not English. */
export function levelName(l: LevelReading): string {
  if (l.rank === 0) return `no level in force (scale of ${l.of})`;
  const name = l.name && l.name !== l.name_en ? `${l.name} / ${l.name_en}` : l.name_en || l.name;
  return `${name} (${l.rank} of ${l.of})`;
}
