import type { Incident, LevelReport, LevelStep } from '../model';
import type { ReportedLevel } from '../incidents/level-incident';
import type { AlertMessage } from './message';
import type { MessageOptions } from './incident-message';
import { countryName, displayName, flagEmoji, formatUtc, joinAnd } from './text';
import { makeLocaliser, type Localiser } from './locale/localiser';
import { localLevel, localPosition, localStepName, severityName } from './locale/words';

const EN = makeLocaliser();

/** "urgence attentat (Attack emergency) (3 of 3)". */
export function stepLabel(step: LevelStep, of: number | undefined, authority?: string, L: Localiser = EN, opts: MessageOptions = {}): string {
  const name = localStepName(step, authority, L, opts.levelGloss);
  return of ? `${name} ${localPosition(step.rank, of, L)}` : name;
}

/** The outlets behind a level incident's news reports, by display name, first reporter first. */
export function reportedBy(incident: Incident, opts: MessageOptions, L: Localiser = EN): string {
  const official = incident.level?.current.authority;
  const outlets = [...new Set(incident.reports.map((r) => r.sourceId).filter((s) => s !== official))];
  return L.list(outlets.map((s) => displayName(s, opts.sourceNames)));
}

function authorityName(r: LevelReport, opts: MessageOptions): string | undefined {
  return r.authority ? displayName(r.authority, opts.authorityNames) : undefined;
}

function statusLine(r: LevelReport, opts: MessageOptions, L: Localiser): string {
  const who = authorityName(r, opts);
  const official = r.official ? localLevel(r.official, L, opts.levelGloss) : undefined;
  const whoever = who ?? L.t('reported.officialSource');
  if (r.status === 'confirmed') return official ? L.t('reported.confirmedAt', { who: whoever, level: official }) : L.t('reported.confirmed', { who: whoever });
  if (r.status === 'disputed') {
    const level = official ?? L.t('reported.anotherLevel');
    return r.official
      ? L.t('reported.disputedAt', { who: whoever, level, time: L.time(r.official.observedAt) })
      : L.t('reported.disputed', { who: whoever, level });
  }
  return who ? L.t('reported.pending', { who }) : L.t('reported.untracked', { country: L.country(r.country) });
}

/** A level change known from the news: reported, then confirmed or disputed by the official reading. */
export function reportedLevelMessage(incident: Incident, r: LevelReport, opts: MessageOptions, L: Localiser = EN): AlertMessage {
  const flag = flagEmoji(r.country);
  const step = (s: LevelStep, of: number | undefined) => stepLabel(s, of, r.authority, L, opts);
  const change = r.to ? `${r.from ? `${step(r.from, undefined)} → ` : ''}${step(r.to, r.of)}` : L.t('reported.notStated');
  const by = reportedBy(incident, opts, L);
  const fields = [];
  if (r.to) fields.push({ name: L.t('field.level'), value: step(r.to, r.of) });
  if (r.from) fields.push({ name: L.t('field.previous'), value: step(r.from, r.of) });
  fields.push({ name: L.t('field.authority'), value: authorityName(r, opts) ?? L.country(r.country) });
  fields.push({ name: L.t('field.status'), value: L.t('reported.status', { status: r.status }) });
  fields.push({ name: L.t('field.severity'), value: severityName(incident.severity, L) });
  const title = L.t('reported.title', { country: L.country(r.country), what: r.direction, status: r.status });
  return {
    kind: 'alert_level',
    severity: incident.severity,
    title: `${flag ? `${flag} ` : ''}${title}`,
    body: [change, L.t('reported.by', { outlets: by }), statusLine(r, opts, L)].join('\n'),
    fields,
    url: incident.reports.find((x) => x.url)?.url,
    footer: L.t('reported.footer', { time: L.time(incident.firstSeen) }),
    timestamp: incident.eventTime || incident.firstSeen,
  };
}

/** For an official change that the news reported first: who reported it, under the official message. */
export function confirmationLine(incident: Incident, opts: MessageOptions, L: Localiser = EN): string | undefined {
  const r = incident.reported;
  if (!r || r.status !== 'confirmed') return undefined;
  return L.t('reported.confirmation', { who: authorityName(r, opts) ?? L.t('reported.officialSource'), outlets: reportedBy(incident, opts, L) });
}

/** e.g. `France — fr-sgdsn: urgence attentat (3 of 3) — reported by outlet-fr since 3 Dec 2026 21:00 UTC, not yet confirmed`. */
export function describeReportedLevel(r: ReportedLevel): string {
  const who = `${countryName(r.country)} — ${r.authority ?? 'no tracked authority'}`;
  const step = r.name ? `${r.name}${r.name_en && r.name_en !== r.name ? ` / ${r.name_en}` : ''}${r.rank && r.of ? ` (${r.rank} of ${r.of})` : ''}` : `${r.direction}, step not stated`;
  const state = r.status === 'disputed' ? 'the official source reads another level' : 'not yet confirmed';
  return `${who}: ${step} — ${r.status} by ${joinAnd(r.sources)} since ${formatUtc(r.since)}, ${state}${r.url ? ` — ${r.url}` : ''}`;
}
