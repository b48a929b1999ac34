import { severityRank, type Incident } from '../model';
import type { MessageOptions } from './incident-message';
import { levelLabel, levelPosition } from './level-message';
import { countryName, displayName, joinAnd } from './text';

/**
 * The short thread reply saying what changed between two versions of an incident,
 * one line per change; undefined when nothing a reader cares about changed (e.g. only
 * another outlet reporting the same facts).
 */
export function updateNote(before: Incident, after: Incident, opts: MessageOptions = {}): string | undefined {
  const lines = [
    ...casualtyLines(before, after, opts),
    claimLine(before, after, opts),
    countryLine(before, after),
    severityLine(before, after),
    levelLine(before, after),
  ].filter((l): l is string => Boolean(l));
  return lines.length ? lines.join('\n') : undefined;
}

/** The outlet behind the newest report `after` has that `before` lacked. */
function newestSource(before: Incident, after: Incident, opts: MessageOptions): string | undefined {
  const known = new Set(before.reports.map((r) => r.itemId));
  const fresh = after.reports.filter((r) => !known.has(r.itemId));
  const latest = fresh.reduce<(typeof fresh)[number] | undefined>((a, r) => (!a || r.at > a.at ? r : a), undefined);
  return latest ? displayName(latest.sourceId, opts.sourceNames) : undefined;
}

function casualtyLines(before: Incident, after: Incident, opts: MessageOptions): string[] {
  const by = newestSource(before, after, opts);
  const suffix = by ? ` — ${by}` : '';
  const lines: string[] = [];
  const k0 = before.casualties.killed ?? 0;
  const k1 = after.casualties.killed ?? 0;
  if (k1 !== k0 && after.casualties.killed !== undefined) lines.push(`Death toll now ${k1}${suffix}`);
  const i0 = before.casualties.injured ?? 0;
  const i1 = after.casualties.injured ?? 0;
  if (i1 !== i0 && after.casualties.injured !== undefined) lines.push(`Injured now ${i1}${suffix}`);
  return lines;
}

function claimLine(before: Incident, after: Incident, opts: MessageOptions): string | undefined {
  const added = after.claimedBy.filter((a) => !before.claimedBy.includes(a));
  if (!added.length) return undefined;
  return `${joinAnd(added.map((a) => displayName(a, opts.actorNames)))} claimed responsibility`;
}

function countryLine(before: Incident, after: Incident): string | undefined {
  const added = after.countries.filter((c) => !before.countries.includes(c));
  return added.length ? `Now also affects ${joinAnd(added.map(countryName))}` : undefined;
}

function severityLine(before: Incident, after: Incident): string | undefined {
  if (before.severity === after.severity) return undefined;
  const raised = severityRank(after.severity) > severityRank(before.severity);
  return `Severity ${raised ? 'raised' : 'lowered'} to ${after.severity}`;
}

function levelLine(before: Incident, after: Incident): string | undefined {
  const a = before.level?.current;
  const b = after.level?.current;
  if (!b || (a && a.rank === b.rank && a.name === b.name)) return undefined;
  return `Level now ${levelLabel(b)} ${levelPosition(b)}`;
}
