import type { LevelReading, SourceState } from '../model';
import { formatTime } from './reply';

/** How fresh an official reading is, and how the source that reads it is doing. */
export interface LevelHealth {
  /** The source that read this level (absent for readings stored before sources were recorded). */
  source?: string;
  /**
   * When the page last gave a reading. A level source succeeds only when its reader found a
   * statement of the level (an unchanged or 304 body is the page already read right), so the
   * source's last success counts; a reading newer than that state (another replica) counts too.
   */
  lastReadRight: string;
  health: SourceState['health'] | 'unknown';
  failingSince?: string;
  lastError?: string;
}

export function levelHealth(reading: LevelReading, states: ReadonlyMap<string, SourceState>): LevelHealth {
  const state = reading.source ? states.get(reading.source) : undefined;
  const success = state?.lastSuccess;
  const lastReadRight = success && success > reading.observedAt ? success : reading.observedAt;
  if (!state) return { source: reading.source, lastReadRight, health: 'unknown' };
  const out: LevelHealth = { source: state.id, lastReadRight, health: state.health };
  if (state.health !== 'healthy') {
    out.failingSince = state.failingSince;
    out.lastError = state.lastError;
  }
  return out;
}

/** e.g. `read right 2024-03-22 19:20 UTC · source fr-vigipirate failing since … (HTTP 403)`. */
export function describeHealth(h: LevelHealth): string {
  const read = `read right ${formatTime(h.lastReadRight)}`;
  if (!h.source || h.health === 'unknown') return read;
  if (h.health === 'healthy') return `${read} · source ${h.source} healthy`;
  const since = h.failingSince ? ` since ${formatTime(h.failingSince)}` : '';
  const why = h.lastError ? ` (${h.lastError.length > 120 ? `${h.lastError.slice(0, 119)}…` : h.lastError})` : '';
  return `${read} · source ${h.source} ${h.health}${since}${why}`;
}
