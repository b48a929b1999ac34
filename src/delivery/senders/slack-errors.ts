import { ErrorCode } from '@slack/web-api';
import { DeliveryError } from '../port';

/** Slack errors that will not heal by retrying: the channel or the token is unusable. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'invalid_auth', 'missing_scope',
  'not_authed', 'token_revoked', 'token_expired', 'restricted_action', 'message_not_found', 'cant_update_message',
  'invalid_blocks', 'msg_too_long', 'no_text', 'invalid_arguments', 'channel_is_archived', 'team_access_not_granted',
]);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

interface SlackishError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  statusCode?: number;
  original?: Error;
  message?: string;
}

/** Map whatever @slack/web-api threw to the outbox's vocabulary. */
export function slackFailure(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SlackishError;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError('rate_limited', 'Slack rate limit', Math.max(0, (e.retryAfter ?? 1) * 1000), 429);
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return new DeliveryError('rate_limited', 'Slack rate limit', 1000, 429);
      if (TRANSIENT.has(code)) return new DeliveryError('transient', `Slack: ${code}`);
      // The message was deleted (by a moderator): the channel is fine.
      if (code === 'message_not_found' || code === 'thread_not_found') return new DeliveryError('permanent', `Slack refused: ${code}`, undefined, undefined, true);
      // Unlisted codes are request problems too: Slack answered, and will answer the same again.
      return new DeliveryError('permanent', `Slack refused: ${code}${PERMANENT.has(code) ? '' : ' (unlisted)'}`);
    }
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      return new DeliveryError(status >= 500 ? 'transient' : 'permanent', `Slack HTTP ${status}`, undefined, status);
    }
    case ErrorCode.RequestError: {
      // The client re-wraps a non-Error abort as `new Error(String(err))`, so look at the text too.
      const name = e.original?.name;
      const text = e.original?.message ?? '';
      if (name === 'TimeoutError' || name === 'AbortError' || /^(TimeoutError|AbortError)\b/.test(text)) {
        return new DeliveryError('unknown', 'Slack did not answer in time: the message may exist');
      }
      return new DeliveryError('transient', `Slack unreachable: ${e.original?.message ?? e.message ?? 'request failed'}`);
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  // A 429 without a usable Retry-After surfaces as a plain Error from the client.
  if (/rate limit|retry header/i.test(message)) return new DeliveryError('rate_limited', `Slack: ${message}`, 1000, 429);
  return new DeliveryError('transient', `Slack: ${message}`);
}
