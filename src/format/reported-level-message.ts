import type { Incident, LevelReport, LevelStep } from '../model';
import type { ReportedLevel } from '../incidents/level-incident';
import type { AlertMessage } from './message';
import type { MessageOptions } from './incident-message';
import { levelLabel, levelPosition } from './level-message';
import { countryName, displayName, flagEmoji, formatUtc, joinAnd, titleCase } from './text';

/** "urgence attentat (Attack emergency) (3 of 3)". */
export function stepLabel(step: LevelStep, of: number | undefined): string {
  const same = !step.name_en || step.name.trim().toLowerCase() === step.name_en.trim().toLowerCase();
  const name = same ? step.name : `${step.name} (${step.name_en})`;
  return of ? `${name} (${step.rank} of ${of})` : name;
}

/** The outlets behind a level incident's news reports, by display name, first reporter first. */
export function reportedBy(incident: Incident, opts: MessageOptions): string {
  const official = incident.level?.current.authority;
  const outlets = [...new Set(incident.reports.map((r) => r.sourceId).filter((s) => s !== official))];
  return joinAnd(outlets.map((s) => displayName(s, opts.sourceNames)));
}

function authorityName(r: LevelReport, opts: MessageOptions): string | undefined {
  return r.authority ? displayName(r.authority, opts.authorityNames) : undefined;
}

function statusLine(r: LevelReport, opts: MessageOptions): string {
  const who = authorityName(r, opts);
  const official = r.official ? `${levelLabel(r.official)} ${levelPosition(r.official)}` : undefined;
  if (r.status === 'confirmed') return `Confirmed by ${who ?? 'the official source'}${official ? `: ${official}` : ''}`;
  if (r.status === 'disputed') {
    const when = r.official ? ` (read ${formatUtc(r.official.observedAt)})` : '';
    return `Not confirmed: ${who ?? 'the official source'} reads ${official ?? 'another level'}${when}`;
  }
  return who ? `Not yet confirmed by ${who}` : `No official source is tracked for ${countryName(r.country)}`;
}

/** A level change known from the news: reported, then confirmed or disputed by the official reading. */
export function reportedLevelMessage(incident: Incident, r: LevelReport, opts: MessageOptions): AlertMessage {
  const flag = flagEmoji(r.country);
  const what = r.direction === 'set' ? 'changed' : r.direction;
  const change = r.to
    ? `${r.from ? `${stepLabel(r.from, undefined)} → ` : ''}${stepLabel(r.to, r.of)}`
    : 'New level not stated';
  const by = reportedBy(incident, opts);
  const fields = [];
  if (r.to) fields.push({ name: 'Level', value: stepLabel(r.to, r.of) });
  if (r.from) fields.push({ name: 'Previous', value: stepLabel(r.from, r.of) });
  fields.push({ name: 'Authority', value: authorityName(r, opts) ?? countryName(r.country) });
  fields.push({ name: 'Status', value: titleCase(r.status) });
  fields.push({ name: 'Severity', value: titleCase(incident.severity) });
  return {
    kind: 'alert_level',
    severity: incident.severity,
    title: `${flag ? `${flag} ` : ''}${countryName(r.country)} — terrorism threat level ${what} (${r.status})`,
    body: [change, `Reported by ${by}`, statusLine(r, opts)].join('\n'),
    fields,
    url: incident.reports.find((x) => x.url)?.url,
    footer: `News report · first seen ${formatUtc(incident.firstSeen)}`,
    timestamp: incident.eventTime || incident.firstSeen,
  };
}

/** For an official change that the news reported first: who reported it, under the official message. */
export function confirmationLine(incident: Incident, opts: MessageOptions): string | undefined {
  const r = incident.reported;
  if (!r || r.status !== 'confirmed') return undefined;
  return `Confirmed by ${authorityName(r, opts) ?? 'the official source'} · first reported by ${reportedBy(incident, opts)}`;
}

/** e.g. `France — fr-sgdsn: urgence attentat (3 of 3) — reported by outlet-fr since 3 Dec 2026 21:00 UTC, not yet confirmed`. */
export function describeReportedLevel(r: ReportedLevel): string {
  const who = `${countryName(r.country)} — ${r.authority ?? 'no tracked authority'}`;
  const step = r.name ? `${r.name}${r.name_en && r.name_en !== r.name ? ` / ${r.name_en}` : ''}${r.rank && r.of ? ` (${r.rank} of ${r.of})` : ''}` : `${r.direction}, step not stated`;
  const state = r.status === 'disputed' ? 'the official source reads another level' : 'not yet confirmed';
  return `${who}: ${step} — ${r.status} by ${joinAnd(r.sources)} since ${formatUtc(r.since)}, ${state}${r.url ? ` — ${r.url}` : ''}`;
}
