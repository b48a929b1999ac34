export type SourceHealth = 'healthy' | 'failing' | 'disabled';

/** What the bot remembers about polling one source. */
export interface SourceState {
  id: string;
  etag?: string;
  lastModified?: string;
  /** Hash of the last body processed, to skip unchanged bodies. */
  bodyHash?: string;
  /** True once the first poll recorded a baseline. */
  baselined: boolean;
  lastPoll?: string;
  lastSuccess?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  /** When the current run of failures began. */
  failingSince?: string;
  health: SourceHealth;
  nextDue?: string;
}

export function freshSourceState(id: string): SourceState {
  return { id, baselined: false, consecutiveFailures: 0, health: 'healthy' };
}
