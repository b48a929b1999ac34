import type { Incident, LevelReading, Severity, SourceHealth, SourceState } from '../model';
import { countryName } from '../format/text';
import { casualtiesText } from '../format/incident-message';
import { safeUrl } from '../format/text';
import { levelBand } from './level-colour';

/** A level as the store gives it; the authority registry may add whether it is official. */
export type LevelView = LevelReading & { status?: 'official' | 'reported' };

/** What the status page reads: store data and the configuration's public parts, nothing else. */
export interface StatusInput {
  levels: LevelView[];
  incidents: Incident[];
  sources: SourceState[];
  /** Configured source ids per authority (which sources read its level). */
  authoritySources: Record<string, string[]>;
  authorityNames?: Record<string, string>;
  now: Date;
  since: string;
}

export interface PublicLevel {
  authority: string;
  authorityName: string;
  country: string;
  countryName: string;
  scope: string;
  rank: number;
  of: number;
  name: string;
  name_en: string;
  since?: string;
  expires?: string;
  status?: 'official' | 'reported';
  url?: string;
  /** When the level was last read from its source. */
  lastRead: string;
  sourceHealth: SourceHealth | 'unknown';
  /** Why the source is failing, when it is. */
  sourceProblem?: string;
  colour: string;
  band: string;
}

export interface PublicIncident {
  id: string;
  kind: Incident['kind'];
  severity: Severity;
  headline: string;
  places: { name: string; country: string }[];
  countries: { code: string; name: string }[];
  casualties: { killed?: number; injured?: number };
  casualtiesText?: string;
  sources: number;
  languages: string[];
  firstSeen: string;
  lastUpdate: string;
  links: { url: string; title: string; source: string }[];
}

export interface SourceProblem {
  id: string;
  health: SourceHealth;
  reason: string;
  failingSince?: string;
  failures: number;
  lastSuccess?: string;
}

export interface StatusView {
  generatedAt: string;
  since: string;
  levels: PublicLevel[];
  incidents: PublicIncident[];
  problems: SourceProblem[];
  sourceCount: number;
}

const MAX_LINKS = 5;

function sourceProblemText(s: SourceState): string {
  const why = s.lastError ?? 'no reason recorded';
  if (s.health === 'disabled') return `Disabled after failing since ${s.failingSince ?? 'an unknown time'}: ${why}`;
  return `${s.consecutiveFailures} failed poll${s.consecutiveFailures === 1 ? '' : 's'} in a row: ${why}`;
}

function isProblem(s: SourceState): boolean {
  return s.health !== 'healthy' || s.consecutiveFailures > 0;
}

/** The worst health among an authority's sources: one failing reader is worth showing. */
function healthOf(ids: string[] | undefined, states: Map<string, SourceState>): { health: SourceHealth | 'unknown'; problem?: string } {
  const found = (ids ?? []).map((id) => states.get(id)).filter((s): s is SourceState => s !== undefined);
  if (!found.length) return { health: 'unknown' };
  const worst = found.find((s) => s.health === 'disabled') ?? found.find((s) => s.health === 'failing') ?? found.find(isProblem);
  if (!worst) return { health: 'healthy' };
  return { health: worst.health, problem: sourceProblemText(worst) };
}

export function publicLevel(r: LevelView, input: Pick<StatusInput, 'authoritySources' | 'authorityNames'>, states: Map<string, SourceState>): PublicLevel {
  const band = levelBand(r.rank, r.of);
  const health = healthOf(input.authoritySources[r.authority], states);
  const out: PublicLevel = {
    authority: r.authority,
    authorityName: input.authorityNames?.[r.authority] ?? r.authority,
    country: r.country,
    countryName: countryName(r.country),
    scope: r.scope,
    rank: r.rank,
    of: r.of,
    name: r.name,
    name_en: r.name_en,
    lastRead: r.observedAt,
    sourceHealth: health.health,
    colour: band.colour,
    band: band.label,
  };
  if (r.since) out.since = r.since;
  if (r.expires) out.expires = r.expires;
  if (r.status === 'official' || r.status === 'reported') out.status = r.status;
  const url = safeUrl(r.url);
  if (url) out.url = url;
  if (health.problem) out.sourceProblem = health.problem;
  return out;
}

/** Only fields meant for the public: no matching terms, no delivery state, nothing per channel. */
export function publicIncident(i: Incident): PublicIncident {
  const links: PublicIncident['links'] = [];
  for (const r of i.reports) {
    const url = safeUrl(r.url);
    if (!url || links.some((l) => l.url === url)) continue;
    links.push({ url, title: r.title, source: r.sourceId });
    if (links.length >= MAX_LINKS) break;
  }
  const out: PublicIncident = {
    id: i.id,
    kind: i.kind,
    severity: i.severity,
    headline: i.title,
    places: i.places.map((p) => ({ name: p.name, country: p.country })),
    countries: i.countries.map((c) => ({ code: c, name: countryName(c) })),
    casualties: { ...(i.casualties.killed !== undefined ? { killed: i.casualties.killed } : {}), ...(i.casualties.injured !== undefined ? { injured: i.casualties.injured } : {}) },
    sources: new Set(i.reports.map((r) => r.sourceId)).size,
    languages: [...new Set(i.reports.map((r) => r.language).filter(Boolean))].sort(),
    firstSeen: i.firstSeen,
    lastUpdate: i.lastSeen,
    links,
  };
  const toll = casualtiesText(i.casualties);
  if (toll) out.casualtiesText = toll;
  return out;
}

const byCountryThenScope = (a: PublicLevel, b: PublicLevel) =>
  a.countryName.localeCompare(b.countryName) || (a.scope === 'national' ? -1 : b.scope === 'national' ? 1 : a.scope.localeCompare(b.scope));

export function buildStatusView(input: StatusInput): StatusView {
  const states = new Map(input.sources.map((s) => [s.id, s]));
  return {
    generatedAt: input.now.toISOString(),
    since: input.since,
    levels: input.levels.map((r) => publicLevel(r, input, states)).sort(byCountryThenScope),
    incidents: input.incidents
      .filter((i) => i.lastSeen >= input.since)
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
      .map(publicIncident),
    problems: input.sources
      .filter(isProblem)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((s) => ({
        id: s.id,
        health: s.health,
        reason: sourceProblemText(s),
        failures: s.consecutiveFailures,
        ...(s.failingSince ? { failingSince: s.failingSince } : {}),
        ...(s.lastSuccess ? { lastSuccess: s.lastSuccess } : {}),
      })),
    sourceCount: input.sources.length,
  };
}

/** The level that colours a country: its national one, else the highest relative one. */
export function mapLevels(levels: PublicLevel[]): Map<string, PublicLevel> {
  const out = new Map<string, PublicLevel>();
  for (const l of levels) {
    const had = out.get(l.country);
    const better = !had || (l.scope === 'national' && had.scope !== 'national') || (had.scope !== 'national' && l.rank / (l.of || 1) > had.rank / (had.of || 1));
    if (better) out.set(l.country, l);
  }
  return out;
}
