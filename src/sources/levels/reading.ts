import type { Authority } from '../../model/authority';
import { localName } from '../../model/authority';
import type { LevelReading } from '../../model/level';
import type { FetchedDoc, LevelSourceConfig } from './adapter';
import { LevelSourceError } from './adapter';

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

/** The source's registry entry (attached at load); a reader never reads without its scale. */
export function registryEntry(source: LevelSourceConfig, expected?: string): Authority {
  const entry = source.authorityEntry;
  const id = expected ?? (typeof source.authority === 'string' ? source.authority : source.type);
  if (!entry) throw new LevelSourceError(`authority ${id} is not in config/authorities.yaml`);
  if (expected && entry.id !== expected) throw new LevelSourceError(`source ${source.id} reads ${expected}, not ${entry.id}`);
  return entry;
}

/** The step `rank` of an authority as a ScaleStep; `wording` is the name the page used, when one. */
export function stepOf(a: Authority, rank: number, wording?: string): ScaleStep {
  const step = a.scale[rank - 1];
  if (!step) throw new LevelSourceError(`level ${rank} is outside the scale of ${a.scale.length} of ${a.id}`);
  return { name: wording ?? localName(a, step), name_en: step.en };
}

/** A reading of step `rank` (0 = no level in force) of a registry authority. */
export function readingFor(
  a: Authority,
  scope: string,
  rank: number,
  wording: ScaleStep,
  doc: FetchedDoc,
  now: Date,
  dates: { since?: string | undefined; expires?: string | undefined } = {},
): LevelReading {
  return readingOf({ authority: a.id, country: a.country, scope }, rank, a.scale.length, wording, doc, now, dates);
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
