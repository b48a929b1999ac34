import type { SourceState } from '../model';

/** Failing this long in a row disables a source (it is then retried rarely). */
export const DISABLE_AFTER_MS = 24 * 3_600_000;
/** Consecutive failures before operators are told (one blip is not news; the health shows it at once). */
export const NOTICE_AFTER = 3;
const MAX_BACKOFF_MS = 6 * 3_600_000;
const DISABLED_RETRY_MS = 6 * 3_600_000;
/** How far a feed's own hints (ttl, Cache-Control, Retry-After) may stretch the interval. */
const MAX_HINT_MS = 2 * 3_600_000;

export type HealthNotice = 'started-failing' | 'will-be-disabled' | 'disabled' | 'recovered';

export interface PollHints {
  ttlMinutes?: number;
  cacheControl?: string;
  retryAfter?: string;
}

function hintMs(h: PollHints, now: Date): number {
  let ms = 0;
  if (h.ttlMinutes && h.ttlMinutes > 0) ms = Math.max(ms, h.ttlMinutes * 60_000);
  const maxAge = h.cacheControl ? /max-age=(\d+)/i.exec(h.cacheControl) : null;
  if (maxAge) ms = Math.max(ms, Number(maxAge[1]) * 1000);
  if (h.retryAfter) {
    const secs = /^\d+$/.test(h.retryAfter.trim()) ? Number(h.retryAfter) * 1000 : Date.parse(h.retryAfter) - now.getTime();
    if (secs > 0) ms = Math.max(ms, secs);
  }
  return Math.min(ms, MAX_HINT_MS);
}

/** Spread sources over the interval so they do not all poll on the same second. */
export function jitterMs(everyMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(everyMs * 0.1, 30_000));
}

export function afterSuccess(
  state: SourceState,
  everyMs: number,
  hints: PollHints,
  now: Date,
  random: () => number,
): { state: SourceState; notice?: HealthNotice } {
  const delay = Math.max(everyMs, hintMs(hints, now)) + jitterMs(everyMs, random);
  const wasUnhealthy = state.health !== 'healthy';
  return {
    state: {
      ...state,
      lastPoll: now.toISOString(),
      lastSuccess: now.toISOString(),
      consecutiveFailures: 0,
      failingSince: undefined,
      health: 'healthy',
      nextDue: new Date(now.getTime() + delay).toISOString(),
    },
    notice: wasUnhealthy ? 'recovered' : undefined,
  };
}

export function afterFailure(
  state: SourceState,
  everyMs: number,
  reason: string,
  now: Date,
  random: () => number,
): { state: SourceState; notice?: HealthNotice } {
  const failures = state.consecutiveFailures + 1;
  const failingSince = state.failingSince ?? now.toISOString();
  const failingFor = now.getTime() - Date.parse(failingSince);
  let health = state.health;
  let notice: HealthNotice | undefined;
  if (failingFor >= DISABLE_AFTER_MS) {
    if (health !== 'disabled') notice = 'disabled';
    health = 'disabled';
  } else {
    if (failures === NOTICE_AFTER) notice = 'started-failing';
    else if (failingFor >= DISABLE_AFTER_MS * 0.75 && Date.parse(state.lastErrorAt ?? failingSince) - Date.parse(failingSince) < DISABLE_AFTER_MS * 0.75) {
      notice = 'will-be-disabled';
    }
    health = 'failing';
  }
  const backoff = health === 'disabled' ? DISABLED_RETRY_MS : Math.min(everyMs * 2 ** Math.min(failures - 1, 16), MAX_BACKOFF_MS);
  return {
    state: {
      ...state,
      lastPoll: now.toISOString(),
      lastError: reason,
      lastErrorAt: now.toISOString(),
      consecutiveFailures: failures,
      failingSince,
      health,
      nextDue: new Date(now.getTime() + backoff + jitterMs(everyMs, random)).toISOString(),
    },
    notice,
  };
}
