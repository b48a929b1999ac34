import type { LevelReading } from '../../model/level';
import type { FetchedDoc } from './adapter';

/** One step of an authority's scale, lowest first. */
export interface ScaleStep {
  name: string;
  name_en: string;
}

export interface ReadingPlace {
  authority: string;
  country: string;
  scope: string;
}

/** A reading of step `rank` (1-based; 0 = no level in force) on `scale`. */
export function readingOf(
  place: ReadingPlace,
  rank: number,
  of: number,
  wording: ScaleStep,
  doc: FetchedDoc,
  now: Date,
  dates: { since?: string | undefined; expires?: string | undefined } = {},
): LevelReading {
  const reading: LevelReading = {
    ...place,
    rank,
    of,
    name: wording.name,
    name_en: wording.name_en,
    url: doc.url,
    observedAt: now.toISOString(),
  };
  if (dates.since) reading.since = dates.since;
  if (dates.expires) reading.expires = dates.expires;
  return reading;
}
