import type { Severity } from './severity';

/** One authority's current level as read from its official source. */
export interface LevelReading {
  /** Stable key of the authority, e.g. `uk-mi5`, `fr-sgdsn`. */
  authority: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Separates several levels of one authority, e.g. `national` and `northern-ireland`. */
  scope: string;
  /** 1-based position on the authority's scale. 0 means "no level in force" (e.g. no NTAS advisory). */
  rank: number;
  /** Number of steps on the scale. */
  of: number;
  /** The authority's own wording. */
  name: string;
  name_en: string;
  /** ISO instant the level took effect, when the source says. */
  since?: string;
  /** When the level lapses unless renewed (NTAS advisories, Vigipirate top stage). */
  expires?: string;
  url: string;
  observedAt: string;
  /** The id of the source (sources.yaml) that read it; set by the poll, absent from `tocsin parse`. */
  source?: string;
}

export interface LevelChange {
  previous: LevelReading;
  current: LevelReading;
  direction: 'raised' | 'lowered';
  severity: Severity;
}

export function levelKey(r: Pick<LevelReading, 'authority' | 'scope'>): string {
  return `${r.authority}/${r.scope}`;
}
