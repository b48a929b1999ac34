import { RefusedAddressError } from './address-guard';
import { FetchError, formatMs } from './fetch-error';

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  totalMs: number;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed by the server',
  UND_ERR_SOCKET: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate could not be verified',
};

/** Turns whatever undici, zlib or the network threw into a FetchError with a plain one-line reason. */
export function describeFetchFailure(err: unknown, timeouts: Timeouts, totalTimedOut: boolean): FetchError {
  if (err instanceof FetchError) return err;
  const refused = findRefusal(err);
  if (refused) return new FetchError(refused.message);
  if (totalTimedOut) return new FetchError(`timed out after ${formatMs(timeouts.totalMs)} (whole request)`);
  const code = errorCode(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchError(`timed out after ${formatMs(timeouts.connectMs)} connecting`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new FetchError(`timed out after ${formatMs(timeouts.headersMs)} waiting for headers`);
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') return new FetchError(`timed out after ${formatMs(timeouts.totalMs)} reading the body`);
  if (code && NETWORK_CODES[code]) return new FetchError(NETWORK_CODES[code] as string);
  const message = err instanceof Error ? err.message : String(err);
  return new FetchError(`request failed: ${firstLine(message)}`);
}

function findRefusal(err: unknown): RefusedAddressError | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof RefusedAddressError) return current;
    const e = current as { cause?: unknown; errors?: unknown[] };
    current = e.cause ?? e.errors?.find((x) => x instanceof RefusedAddressError) ?? e.errors?.[0];
  }
  return undefined;
}

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  // Node wraps socket errors (AggregateError for happy-eyeballs, `cause` for fetch-style).
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof e.code === 'string' && e.code !== 'UND_ERR') return e.code;
    current = e.cause ?? e.errors?.[0];
  }
  return undefined;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
