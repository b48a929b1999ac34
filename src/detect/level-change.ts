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

// What each step means, per shipped authority, lowest first (rank 1 at index 0).
const MEANINGS: Record<string, string[]> = {
  'uk-mi5': [
    'an attack is very unlikely',
    'an attack is possible but not likely',
    'an attack is likely',
    'an attack is highly likely',
    'an attack is highly likely in the near future',
  ],
  'fr-sgdsn': [
    'the permanent baseline posture against a lasting terrorist threat',
    'reinforced security measures against a heightened terrorist threat',
    'the maximum posture, for an imminent threat or just after an attack; time-limited unless renewed',
  ],
  'us-dhs': [
    'a bulletin describes current developments or general trends in the terrorist threat',
    'an alert warns of a credible terrorist threat against the United States',
    'an alert warns of a credible, specific and impending terrorist threat',
  ],
  'au-asio': [
    'there is no indication that anyone intends to carry out an attack',
    'an attack or attack planning in the next year is possible but less likely than not',
    'an attack or attack planning in the next year is more likely than not',
    'an attack or attack planning in the next year is very likely',
    'an attack or attack planning is certain',
  ],
  'nl-nctv': [
    'an attack is unlikely',
    'there is a slight chance of an attack',
    'an attack is conceivable',
    'there is a real chance of an attack',
    'an attack is imminent',
  ],
  'be-ocam': [
    'the threat is not considered likely',
    'the threat is possible but unlikely',
    'the threat is possible and likely',
    'the threat is serious and imminent',
  ],
  'es-interior': [
    'the risk of an attack is low',
    'the risk of an attack is moderate',
    'the risk of an attack is medium',
    'the risk of an attack is high',
    'the risk of an attack is very high',
  ],
  'se-sapo': ['there is no terrorist threat', 'the terrorist threat is low', 'the terrorist threat is elevated', 'the terrorist threat is high', 'the terrorist threat is very high'],
  'no-pst': [
    'there is no known terrorist threat',
    'the terrorist threat is low',
    'an attack is possible: some have the intent, fewer the capability',
    'an attack is likely: there are actors with both intent and capability',
    'an attack is imminent or under way',
  ],
  'dk-pet': [
    'there is no known terrorist threat',
    'the terrorist threat is limited',
    'there is a general terrorist threat, without known plans',
    'the terrorist threat is serious: there are people with intent and capability',
    'the terrorist threat is very serious: specific plans are believed to exist',
  ],
  'at-dsn': [
    'the terrorist threat is low',
    'there is a general terrorist threat',
    'the terrorist threat is elevated',
    'the terrorist threat is high',
    'the terrorist threat is at its highest',
  ],
  'nz-nzsis': [
    'an attack is assessed as unlikely',
    'an attack is assessed as a realistic possibility',
    'an attack is assessed as feasible and could well occur',
    'an attack is assessed as highly likely',
    'an attack is expected',
  ],
  'ca-itac': [
    'an attack is highly unlikely',
    'an attack is possible but unlikely',
    'an attack could occur',
    'an attack is likely',
    'an attack is highly likely and could happen imminently',
  ],
};

/** One line on what the level means, for the message formatter. */
export function levelMeaning(r: LevelReading): string {
  if (r.rank === 0) return r.authority === 'us-dhs' ? 'no NTAS advisory is in force' : 'no level is in force';
  const scale = MEANINGS[r.authority];
  if (scale && scale.length === r.of && scale[r.rank - 1]) return scale[r.rank - 1] as string;
  if (r.rank >= r.of) return `${r.name_en}: the highest step of ${r.of}`;
  return `${r.name_en}: step ${r.rank} of ${r.of}`;
}
