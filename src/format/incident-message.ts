import type { Casualties, Incident, LevelReading } from '../model';
import type { AlertMessage } from './message';
import { levelChangeMessage } from './level-message';
import { reportedLevelMessage } from './reported-level-message';
import { countryName, displayName, formatUtc, joinAnd, plural, titleCase } from './text';

export interface MessageOptions {
  /** Canonical actor id → display name, e.g. `islamic-state-khorasan` → `Islamic State Khorasan (IS-K)`. */
  actorNames?: Record<string, string>;
  /** Authority key → display name, e.g. `uk-mi5` → `MI5`. */
  authorityNames?: Record<string, string>;
  /** Source id → display name, e.g. `reuters-world` → `Reuters`. */
  sourceNames?: Record<string, string>;
  /** One line on what a level means (see detect/level-change `levelMeaning`). */
  meaning?: (r: LevelReading) => string | undefined;
}

/** The platform-neutral message for an incident: an attack report or an alert-level change. */
export function incidentMessage(incident: Incident, opts: MessageOptions = {}): AlertMessage {
  if (incident.level) return levelChangeMessage(incident, incident.level, opts);
  if (incident.reported) return reportedLevelMessage(incident, incident.reported, opts);
  return attackMessage(incident, opts);
}

/** "At least 137 killed, 100 injured"; undefined when no figure is known. */
export function casualtiesText(c: Casualties): string | undefined {
  const parts: string[] = [];
  if (c.killed !== undefined && c.killed > 0) parts.push(`${c.killed} killed`);
  if (c.injured !== undefined && c.injured > 0) parts.push(`${c.injured} injured`);
  return parts.length ? `At least ${parts.join(', ')}` : undefined;
}

export function claimText(incident: Incident, opts: MessageOptions): string | undefined {
  if (!incident.claimedBy.length) return undefined;
  return `Claimed by ${joinAnd(incident.claimedBy.map((a) => displayName(a, opts.actorNames)))}`;
}

export function sourceCount(incident: Incident): number {
  return new Set(incident.reports.map((r) => r.sourceId)).size;
}

function attackTitle(incident: Incident): string {
  const place = incident.places[0];
  const kind = incident.kind === 'attack' ? 'Attack' : titleCase(incident.kind);
  if (place) return `${kind} — ${place.name}, ${countryName(place.country)}`;
  if (incident.countries.length) return `${kind} — ${joinAnd(incident.countries.map(countryName))}`;
  return `${kind} reported`;
}

/** The summary's first non-empty line, else the incident title. */
function bestLine(incident: Incident): string {
  const line = incident.summary.split(/\r?\n/).map((l) => l.trim()).find(Boolean);
  return line ?? incident.title;
}

function attackMessage(incident: Incident, opts: MessageOptions): AlertMessage {
  const casualties = casualtiesText(incident.casualties);
  const claim = claimText(incident, opts);
  const sources = sourceCount(incident);
  const fields = [{ name: 'Severity', value: titleCase(incident.severity) }];
  if (casualties) fields.push({ name: 'Casualties', value: casualties.replace(/^At least /, '') });
  fields.push({ name: 'Sources', value: String(sources) });
  if (incident.countries.length) fields.push({ name: 'Countries', value: incident.countries.map(countryName).join(', ') });
  return {
    kind: incident.kind,
    severity: incident.severity,
    title: attackTitle(incident),
    body: [bestLine(incident), casualties, claim].filter(Boolean).join('\n'),
    fields,
    url: incident.reports.find((r) => r.url)?.url,
    footer: `${plural(sources, 'source')} · first seen ${formatUtc(incident.firstSeen)}`,
    timestamp: incident.eventTime || incident.firstSeen,
  };
}
