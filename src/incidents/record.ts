import { maxSeverity, severityRank, type Casualties, type Detection, type Incident, type Place, type Report } from '../model';

/** One report of an attack (or of a level change in the news), ready to be grouped. */
export interface ReportInput {
  detection: Detection;
  report: Report;
  title: string;
  summary: string;
  terms: string[];
  /** A partial date ("2024-03") of a report whose time is unknown: it still names the year. */
  dateHint?: string;
}

const MAX_TERMS = 200;
const MAX_REPORTS = 100;

function hash36(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24) || 'x';
}

/** Ids are built from labels (kind, day, country, place) plus the first report: readable and stable. */
export function incidentId(input: ReportInput): string {
  const d = input.detection;
  const day = input.report.at.slice(0, 10).replace(/-/g, '');
  const country = (d.countries[0] ?? 'xx').toLowerCase();
  const where = d.places[0]?.name ?? d.authority ?? 'unknown';
  return `${d.kind === 'attack' ? 'a' : 'l'}-${day}-${country}-${slug(where)}-${hash36(input.report.itemId)}`;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

function unionPlaces(a: readonly Place[], b: readonly Place[]): Place[] {
  const out = [...a];
  for (const p of b) if (!out.some((q) => q.name.toLowerCase() === p.name.toLowerCase() && q.country === p.country)) out.push(p);
  return out;
}

/** Highest figure reported so far: tolls rise as facts arrive and are rarely revised down in the news. */
function bestCasualties(a: Casualties, b: Casualties): Casualties {
  const pick = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.max(x, y));
  const out: Casualties = {};
  const killed = pick(a.killed, b.killed);
  const injured = pick(a.injured, b.injured);
  if (killed !== undefined) out.killed = killed;
  if (injured !== undefined) out.injured = injured;
  return out;
}

/** The report as the incident keeps it: an undated one keeps its partial date. */
function reportOf(input: ReportInput): Report {
  return input.dateHint && !input.report.dateHint ? { ...input.report, dateHint: input.dateHint } : input.report;
}

export function openIncident(input: ReportInput, now: Date): Incident {
  const d = input.detection;
  const at = input.report.at;
  return {
    id: incidentId(input),
    kind: d.kind,
    version: 1,
    firstSeen: now.toISOString(),
    lastSeen: now.toISOString(),
    eventTime: at,
    severity: d.severity,
    title: input.title,
    summary: input.summary,
    countries: [...d.countries],
    places: [...d.places],
    actors: [...d.actors],
    claimedBy: d.claimed ? [...d.actors] : [],
    casualties: { ...d.casualties },
    reports: [reportOf(input)],
    key: d.kind === 'alert_level' ? d.authority : undefined,
    terms: input.terms.slice(0, MAX_TERMS),
    changes: [],
  };
}

export interface MergeResult {
  incident: Incident;
  /** The report was already part of the incident (same item or same URL). */
  duplicate: boolean;
  /** Facts changed: the version was bumped and messages should be edited. */
  material: boolean;
}

/** Adds a report to an incident; bumps the version only when facts changed. */
export function mergeReport(incident: Incident, input: ReportInput, now: Date): MergeResult {
  const r = input.report;
  const duplicate = incident.reports.some((x) => x.itemId === r.itemId || (r.url !== undefined && x.url === r.url));
  if (duplicate) return { incident, duplicate: true, material: false };
  const d = input.detection;
  const casualties = bestCasualties(incident.casualties, d.casualties);
  const claimedBy = d.claimed ? union(incident.claimedBy, d.actors) : incident.claimedBy;
  const countries = union(incident.countries, d.countries);
  const severity = maxSeverity(incident.severity, d.severity);
  const material =
    (casualties.killed ?? 0) > (incident.casualties.killed ?? 0) ||
    (casualties.injured ?? 0) > (incident.casualties.injured ?? 0) ||
    claimedBy.length > incident.claimedBy.length ||
    countries.length > incident.countries.length ||
    severityRank(severity) > severityRank(incident.severity);
  const at = Date.parse(r.at);
  const next: Incident = {
    ...incident,
    version: material ? incident.version + 1 : incident.version,
    lastSeen: now.toISOString(),
    eventTime: !Number.isNaN(at) && !(at >= Date.parse(incident.eventTime)) ? r.at : incident.eventTime,
    severity,
    countries,
    places: unionPlaces(incident.places, d.places),
    actors: union(incident.actors, d.actors),
    claimedBy,
    casualties,
    reports: [...incident.reports, reportOf(input)].slice(-MAX_REPORTS),
    key: incident.key ?? (d.kind === 'alert_level' ? d.authority : undefined),
    terms: union(incident.terms, input.terms).slice(0, MAX_TERMS),
  };
  return { incident: next, duplicate: false, material };
}
