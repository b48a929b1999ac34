import { levelKey, type Incident, type LevelChange, type LevelReading, type LevelReport } from '../model';
import type { ReportInput } from './record';
import { overlap } from './terms';

/**
 * An official level change is an incident keyed by authority and scope. The id is
 * built from labels only (authority, scope, old and new rank, day), so a poll that is
 * repeated after a crash finds the incident it already opened instead of a new one.
 */
export function levelChangeIncidentId(change: LevelChange): string {
  const c = change.current;
  const day = (c.since ?? c.observedAt).slice(0, 10).replace(/-/g, '');
  return `l-${c.authority}-${c.scope}-${change.previous.rank}to${c.rank}-${day}`.replace(/[^a-zA-Z0-9.-]/g, '-');
}

export function levelChangeIncident(change: LevelChange, now: Date): Incident {
  const c = change.current;
  const at = c.since ?? c.observedAt;
  return {
    id: levelChangeIncidentId(change),
    kind: 'alert_level',
    version: 1,
    firstSeen: now.toISOString(),
    lastSeen: now.toISOString(),
    eventTime: at,
    severity: change.severity,
    title: `${c.authority}: ${change.previous.name} → ${c.name}`,
    summary: '',
    countries: [c.country],
    places: [],
    actors: [],
    claimedBy: [],
    casualties: {},
    reports: [{ itemId: levelKey(c), sourceId: c.authority, url: c.url, title: c.name, language: 'en', at }],
    level: change,
    key: levelKey(c),
    terms: [],
    changes: [],
  };
}

// --- Level changes reported by the news ------------------------------------------------
// One change, one incident: a news report and the official reading of the same change
// meet on the level key (authority/scope, or the country when the registry lacks the
// authority), the new rank and a time window. News cannot tell a scope: it means national.

/** How far apart a report and the official change of one level may be. */
export const LEVEL_JOIN_WINDOW_MS = 3 * 86_400_000;
/** How long an official page may lag a report before "still reads X" counts as disagreement. */
export const LEVEL_CONFIRM_GRACE_MS = 12 * 3_600_000;

/** The level key a news detection speaks of: `fr-sgdsn/national`, or `country-PL/national`. */
export function reportedLevelKey(input: Pick<LevelReport, 'authority' | 'country'>): string {
  return `${input.authority ?? `country-${input.country}`}/national`;
}

/** The rank an incident says the level went to, official reading first. */
export function incidentRank(incident: Incident): number | undefined {
  return incident.level?.current.rank ?? incident.reported?.to?.rank;
}

function direction(incident: Incident): string | undefined {
  return incident.level?.direction ?? incident.reported?.direction;
}

/**
 * The open level incident a report (or an official change) belongs to: same level key,
 * the same new rank (or, when either side names none, the same direction), within the window.
 * A report without a date (evaluation only) cannot be placed in time: of the incidents that
 * fit, it joins the one whose words it shares most (`terms`), not merely the first found.
 */
export function findLevelIncident(
  candidates: readonly Incident[], key: string, rank: number | undefined, dir: string, at: string, terms?: readonly string[],
): Incident | undefined {
  const t = Date.parse(at);
  const fitting = candidates
    .filter((c) => c.kind === 'alert_level' && c.key === key)
    .filter((c) => Number.isNaN(t) || Math.abs(Date.parse(c.eventTime) - t) <= LEVEL_JOIN_WINDOW_MS)
    .filter((c) => {
      const r = incidentRank(c);
      if (r !== undefined && rank !== undefined) return r === rank;
      return dir === 'set' || direction(c) === undefined || direction(c) === 'set' || direction(c) === dir;
    });
  if (!Number.isNaN(t) || !terms || fitting.length < 2) return fitting[0];
  let best = fitting[0];
  let bestWords = -1;
  for (const c of fitting) {
    const words = overlap(terms, c.terms);
    if (words > bestWords) {
      best = c;
      bestWords = words;
    }
  }
  return best;
}

/** The report a news detection makes of a level change, or undefined when it names no country at all. */
export function levelReportOf(input: ReportInput): LevelReport | undefined {
  const d = input.detection;
  const country = d.countries[0];
  if (!country) return undefined;
  const report: LevelReport = { ...(d.level ?? { direction: 'set' }), country, status: 'reported' };
  if (d.authority) report.authority = d.authority;
  return report;
}

function severityOf(r: LevelReport): Incident['severity'] {
  if (r.direction === 'lowered') return 'low';
  if (r.direction === 'raised') return r.to && r.of !== undefined && r.to.rank >= r.of ? 'critical' : 'high';
  return 'medium';
}

export function reportedLevelIncident(input: ReportInput, report: LevelReport, now: Date): Incident {
  const key = reportedLevelKey(report);
  // An undated report (evaluation only) cannot share a day with another: its own item names it.
  const day = input.report.at ? input.report.at.slice(0, 10).replace(/-/g, '') : `u-${input.report.itemId}`;
  const id = `l-${key.split('/')[0]}-reported-${report.direction}-${report.to?.rank ?? 'x'}-${day}`.replace(/[^a-zA-Z0-9.-]/g, '-');
  return {
    id,
    kind: 'alert_level',
    version: 1,
    firstSeen: now.toISOString(),
    lastSeen: now.toISOString(),
    eventTime: input.report.at,
    severity: severityOf(report),
    title: input.title,
    summary: input.summary,
    countries: [...input.detection.countries],
    places: [...input.detection.places],
    actors: [],
    claimedBy: [],
    casualties: {},
    reports: [input.dateHint ? { ...input.report, dateHint: input.dateHint } : input.report],
    reported: report,
    key,
    terms: input.terms.slice(0, 200),
    changes: [],
  };
}

/**
 * Another outlet reports a change already known. It adds a source but edits nothing —
 * unless it names the new step the incident did not know yet.
 */
export function joinLevelReport(incident: Incident, input: ReportInput, report: LevelReport, now: Date): { incident: Incident; duplicate: boolean; material: boolean } {
  const r = input.report;
  if (incident.reports.some((x) => x.itemId === r.itemId || (r.url !== undefined && x.url === r.url))) {
    return { incident, duplicate: true, material: false };
  }
  const learns = incident.reported !== undefined && !incident.level && !incident.reported.to && report.to !== undefined;
  const reported = learns && incident.reported ? { ...incident.reported, to: report.to, ...(report.from ? { from: report.from } : {}), of: report.of } : incident.reported;
  const next: Incident = {
    ...incident,
    version: learns ? incident.version + 1 : incident.version,
    lastSeen: now.toISOString(),
    reports: [...incident.reports, input.dateHint ? { ...r, dateHint: input.dateHint } : r].slice(-100),
    ...(reported ? { reported } : {}),
  };
  return { incident: next, duplicate: false, material: learns };
}

/**
 * What an official reading does to a reported incident of its level: confirm it (the page
 * reads the reported step), dispute it (the page changed to another step, or still reads
 * another step after the grace period), or nothing yet.
 */
export function settleReported(
  incident: Incident, reading: LevelReading, change: LevelChange | undefined, now: Date,
): Incident | undefined {
  const r = incident.reported;
  if (!r || r.status === 'confirmed' || incident.level) return undefined;
  const agrees = r.to ? reading.rank === r.to.rank : change !== undefined && change.direction === r.direction;
  if (agrees) return bump({ ...incident, reported: { ...r, status: 'confirmed', official: reading }, ...(change ? { level: change } : {}) }, now);
  const late = now.getTime() - Date.parse(incident.firstSeen) >= LEVEL_CONFIRM_GRACE_MS;
  if (!change && !late) return undefined;
  if (r.status === 'disputed' && r.official?.rank === reading.rank) return undefined;
  return bump({ ...incident, reported: { ...r, status: 'disputed', official: reading } }, now);
}

function bump(incident: Incident, now: Date): Incident {
  return { ...incident, version: incident.version + 1, lastSeen: now.toISOString() };
}

/** A level as the news reports it and no official reading has confirmed yet (for `tocsin levels`, `/alerts status`). */
export interface ReportedLevel {
  authority?: string;
  country: string;
  direction: LevelReport['direction'];
  /** The step reported, when the text names it. */
  rank?: number;
  of?: number;
  name?: string;
  name_en?: string;
  status: 'reported' | 'disputed';
  /** When the first report was published. */
  since: string;
  url?: string;
  /** Who reported it (source ids). */
  sources: string[];
}

/** The newest unconfirmed report per level key, from recent level incidents. */
export function reportedLevels(incidents: readonly Incident[]): ReportedLevel[] {
  const out = new Map<string, ReportedLevel>();
  const newestFirst = [...incidents].sort((a, b) => b.eventTime.localeCompare(a.eventTime));
  for (const i of newestFirst) {
    const r = i.reported;
    if (!r || r.status === 'confirmed' || i.level || !i.key || out.has(i.key)) continue;
    const level: ReportedLevel = {
      country: r.country, direction: r.direction, status: r.status, since: i.eventTime,
      sources: [...new Set(i.reports.map((x) => x.sourceId))],
    };
    if (r.authority) level.authority = r.authority;
    if (r.to) Object.assign(level, { rank: r.to.rank, name: r.to.name, name_en: r.to.name_en });
    if (r.of !== undefined) level.of = r.of;
    const url = i.reports.find((x) => x.url)?.url;
    if (url) level.url = url;
    out.set(i.key, level);
  }
  return [...out.values()];
}
