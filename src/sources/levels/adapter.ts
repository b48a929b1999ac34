import type { Authority } from '../../model/authority';
import type { LevelReading } from '../../model/level';

/** A fetched response, its body already decoded to text by the fetch layer. */
export interface FetchedDoc {
  status: number;
  contentType?: string;
  body: string;
  /** The URL finally answered (after redirects); readings link to it. */
  url: string;
}

/** One alert-level entry of `sources.yaml`; the type-specific options sit beside the common keys. */
export interface LevelSourceConfig {
  id: string;
  type: string;
  url: string;
  every: string;
  language?: string;
  /** The entry's authority from config/authorities.yaml, attached at load (see attachAuthorities). */
  authorityEntry?: Authority;
  [option: string]: unknown;
}

/**
 * Reads an authority's current level(s) out of one fetched document.
 * Throws LevelSourceError when the document does not state a level; never guesses one.
 */
export interface LevelAdapter {
  type: string;
  /** The authority a coded adapter reads; `level-page` entries name theirs with `authority:`. */
  authority?: string;
  parse(doc: FetchedDoc, source: LevelSourceConfig, now: Date): LevelReading[];
}

/** The source answered, but not with a level: keep the last good reading and mark the source unhealthy. */
export class LevelSourceError extends Error {
  override readonly name = 'LevelSourceError';
  constructor(reason: string) {
    // One line, whatever the page contained.
    super(reason.replace(/\s+/g, ' ').trim().slice(0, 300));
  }
}
