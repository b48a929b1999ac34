import type { KeyObject } from 'node:crypto';
import { createPublicKey, verify } from 'node:crypto';

/** DER prefix that turns a raw 32-byte Ed25519 key into SPKI, which node:crypto imports. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The application's public key (hex, from the developer portal), or an Error naming the problem. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters (the application\'s public key)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** Discord signs `timestamp + body` with Ed25519; anything missing or malformed is simply invalid. */
export function verifyDiscordSignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

/** How old a signed request may be: a captured request replayed later is refused. */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

/** Discord's X-Signature-Timestamp is Unix seconds; older (or further ahead) than 5 minutes is stale. */
export function signatureTimestampFresh(timestamp: string | undefined, now: Date, maxAgeMs = SIGNATURE_MAX_AGE_MS): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() - Number(timestamp) * 1000) <= maxAgeMs;
}
