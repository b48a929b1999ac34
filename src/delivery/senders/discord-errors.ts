import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../port';

/** Discord error codes that mean the channel is gone or closed to us for good. */
const PERMANENT_CODES = new Set([10003, 50001, 50013]);
/** 10008 Unknown Message: deleted by a moderator; not the channel's fault. */
const UNKNOWN_MESSAGE = 10008;

/** By name, not `instanceof`: the abort is a DOMException, which may come from another realm. */
function isTimeout(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/** Map whatever discord.js REST threw to the outbox's vocabulary. */
export function discordFailure(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    const wait = err.retryAfter > 0 ? err.retryAfter : err.timeToReset;
    return new DeliveryError('rate_limited', `Discord rate limit on ${err.route}`, Math.max(0, wait), 429);
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 429) {
      const raw = err.rawError as { retry_after?: unknown };
      const secs = typeof raw.retry_after === 'number' ? raw.retry_after : 1;
      return new DeliveryError('rate_limited', `Discord: ${err.message}`, Math.ceil(secs * 1000), 429);
    }
    if (err.status >= 500) return new DeliveryError('transient', `Discord ${err.status}: ${err.message}`, undefined, err.status);
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    if (code === UNKNOWN_MESSAGE) {
      return new DeliveryError('permanent', `Discord: the message no longer exists (${err.status}, code ${code})`, undefined, err.status, true);
    }
    const why = PERMANENT_CODES.has(code) || err.status === 403 || err.status === 404 ? 'refused' : 'rejected';
    // Any other 4xx is a request Discord will never accept as sent: retrying cannot help.
    return new DeliveryError('permanent', `Discord ${why} (${err.status}, code ${err.code}): ${err.message}`, undefined, err.status);
  }
  if (err instanceof HTTPError) {
    return new DeliveryError(err.status >= 500 ? 'transient' : 'permanent', `Discord HTTP ${err.status}`, undefined, err.status);
  }
  if (isTimeout(err)) return new DeliveryError('unknown', 'Discord did not answer in time: the message may exist');
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError('transient', `Discord unreachable: ${message}`);
}
