import type { Authority } from '../model/authority';
import type { LevelChange, LevelReading } from '../model/level';
import { levelKey } from '../model/level';
import type { Severity } from '../model/severity';

export type LevelOutcome = 'baseline' | 'unchanged' | 'changed';

/**
 * Compares an authority's new reading with the stored one. Only the rank counts: a change of
 * wording (France's 2026 renaming) or of observation time is not news. A first reading is a
 * baseline and posts nothing. A stored reading of another authority/scope is not this level's
 * history, so it too gives a baseline.
 */
export function compareReading(
  previous: LevelReading | undefined,
  current: LevelReading,
): { outcome: LevelOutcome; change?: LevelChange } {
  if (!previous || levelKey(previous) !== levelKey(current)) return { outcome: 'baseline' };
  if (previous.rank === current.rank) return { outcome: 'unchanged' };
  const direction = current.rank > previous.rank ? 'raised' : 'lowered';
  return { outcome: 'changed', change: { previous, current, direction, severity: changeSeverity(direction, current) } };
}

/** Raised to the top of the scale: critical; any other raise: high; lowered (an advisory ending included): low. */
function changeSeverity(direction: 'raised' | 'lowered', current: LevelReading): Severity {
  if (direction === 'lowered') return 'low';
  return current.rank >= current.of ? 'critical' : 'high';
}

/** "SUBSTANTIAL (3 of 5)"; the English name follows when the authority's wording differs. */
export function describeLevel(r: LevelReading): string {
  if (r.rank === 0) return r.name; // e.g. "No active advisory": no place on the scale
  const english = r.name_en && r.name_en.toLowerCase() !== r.name.toLowerCase() ? ` — ${r.name_en}` : '';
  return `${r.name}${english} (${r.rank} of ${r.of})`;
}

/**
 * One line on what the level means, for the message formatter: the registry's meaning of the
 * step (config/authorities.yaml), else the step's place on the scale.
 */
export function levelMeaning(r: LevelReading, registry: readonly Authority[]): string {
  if (r.rank === 0) return r.authority === 'us-dhs' ? 'no NTAS advisory is in force' : 'no level is in force';
  const scale = registry.find((a) => a.id === r.authority)?.scale;
  const step = scale && scale.length === r.of ? scale[r.rank - 1] : undefined;
  if (step) return step.meaning;
  if (r.rank >= r.of) return `${r.name_en}: the highest step of ${r.of}`;
  return `${r.name_en}: step ${r.rank} of ${r.of}`;
}
