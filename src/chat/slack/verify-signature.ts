import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a request signed longer ago (or further ahead) is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Slack's v0 signature: HMAC-SHA256 over `v0:timestamp:body` with the signing secret,
 * compared in constant time. Returns why it is refused, or undefined when it is good.
 */
export function checkSlackSignature(opts: {
  signingSecret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
  now: Date;
}): string | undefined {
  const { signature, timestamp } = opts;
  if (!signature || !timestamp) return 'missing signature headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
  if (Math.abs(Math.floor(opts.now.getTime() / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale timestamp';
  if (!signature.startsWith('v0=')) return 'unknown signature version';
  const expected = createHmac('sha256', opts.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(opts.body)
    .digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  return undefined;
}
