import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { describeFetchFailure } from './describe-error';
import type { Timeouts } from './describe-error';
import { FetchError } from './fetch-error';
import { guardedConnector, type AddressPolicy } from './guarded-connector';
import { readBoundedBody } from './read-body';
import { USER_AGENT } from './user-agent';

export interface FetchOptions {
  /** From the last successful poll: sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Whole request, redirects and body included. */
  totalTimeoutMs?: number;
  /** Cap on the body, compressed and decompressed alike. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Sent as Accept; defaults to feeds first. */
  accept?: string;
  userAgent?: string;
  /**
   * Let the fetch reach loopback, private, link-local and metadata addresses
   * (TOCSIN_ALLOW_PRIVATE_FETCH=1, for local testing). Refused by default, at connect time.
   */
  allowPrivate?: boolean;
  /** Which resolved addresses are refused, and as what kind; default: loopback, private, link-local, metadata… */
  refuseAddress?: AddressPolicy;
}

export interface FetchResult {
  status: number;
  notModified: boolean;
  /** Decompressed body; empty on 304. */
  bytes: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** The URL after redirects. */
  finalUrl: string;
  headers: { cacheControl?: string; retryAfter?: string };
}

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const;

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GET an http(s) URL within bounds of time and size. Resolves with the body (or 304),
 * rejects only with a FetchError whose `reason` is one line in plain words.
 */
export async function fetchBounded(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeouts: Timeouts = {
    connectMs: opts.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
    headersMs: opts.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs,
    totalMs: opts.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs,
  };
  const { agent, own } = opts.refuseAddress && !opts.allowPrivate
    ? { agent: newAgent(guardedConnector({ timeout: timeouts.connectMs }, opts.refuseAddress)), own: true }
    : agentFor(timeouts.connectMs, opts.allowPrivate === true);
  const controller = new AbortController();
  let totalTimedOut = false;
  const timer = setTimeout(() => {
    totalTimedOut = true;
    controller.abort();
  }, timeouts.totalMs);
  try {
    return await followRedirects(url, opts, { dispatcher: agent, signal: controller.signal, headersTimeout: timeouts.headersMs, bodyTimeout: timeouts.totalMs });
  } catch (err) {
    throw describeFetchFailure(err, timeouts, totalTimedOut);
  } finally {
    clearTimeout(timer);
    if (own) agent.destroy().catch(() => undefined);
  }
}

/** Idle keep-alive connections live this long: polls of one host in one cycle reuse them. */
const KEEP_ALIVE_MS = 4_000;
/** Per host: the scheduler bounds polls per host; this bounds sockets even if it did not. */
const CONNECTIONS_PER_HOST = 6;
const SHARED_AGENTS = 4;
const shared = new Map<string, Agent>();

/**
 * Keep-alive agents shared by every fetch with the same connect timeout and address policy (a new TLS or TCP
 * connection per poll cost more than parsing the feed). An abandoned body still closes its
 * socket at once: undici destroys the connection of a request aborted before its body ended
 * (over the cap, timed out, failed to decompress), so no half-read socket is ever reused.
 * Unusual connect timeouts beyond a few get an agent of their own, destroyed after the fetch.
 */
function agentFor(connectMs: number, allowPrivate: boolean): { agent: Agent; own: boolean } {
  const key = `${connectMs}:${allowPrivate ? 'any' : 'public'}`;
  const existing = shared.get(key);
  if (existing) return { agent: existing, own: false };
  const connect = allowPrivate ? { timeout: connectMs } : guardedConnector({ timeout: connectMs });
  const agent = newAgent(connect);
  if (shared.size >= SHARED_AGENTS) return { agent, own: true };
  shared.set(key, agent);
  return { agent, own: false };
}

function newAgent(connect: Agent.Options['connect']): Agent {
  return new Agent({ connect, connections: CONNECTIONS_PER_HOST, keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS });
}

interface RequestBounds {
  dispatcher: Dispatcher;
  signal: AbortSignal;
  headersTimeout: number;
  bodyTimeout: number;
}

async function followRedirects(startUrl: string, opts: FetchOptions, bounds: RequestBounds): Promise<FetchResult> {
  const maxRedirects = opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const visited = new Set<string>();
  let current = checkUrl(startUrl);
  for (let hops = 0; ; hops++) {
    visited.add(current.href);
    const res = await request(current, { method: 'GET', ...bounds, headers: requestHeaders(opts) });
    const location = header(res.headers, 'location');
    if (REDIRECTS.has(res.statusCode) && location) {
      await res.body.dump().catch(() => undefined);
      if (hops >= maxRedirects) throw new FetchError(`too many redirects (${maxRedirects})`);
      current = checkUrl(location, current);
      if (visited.has(current.href)) throw new FetchError(`redirect loop at ${current.href}`);
      continue;
    }
    return finish(res, current.href, opts);
  }
}

async function finish(res: Dispatcher.ResponseData, finalUrl: string, opts: FetchOptions): Promise<FetchResult> {
  const cacheControl = header(res.headers, 'cache-control');
  const retryAfter = header(res.headers, 'retry-after');
  const common = {
    status: res.statusCode,
    finalUrl,
    etag: header(res.headers, 'etag'),
    lastModified: header(res.headers, 'last-modified'),
    contentType: header(res.headers, 'content-type'),
    headers: dropUndefined({ cacheControl, retryAfter }),
  };
  if (res.statusCode === 304) {
    await res.body.dump().catch(() => undefined);
    return dropUndefined({ ...common, notModified: true, bytes: Buffer.alloc(0) }) as FetchResult;
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    await res.body.dump().catch(() => undefined);
    const text = STATUS_CODES[res.statusCode];
    throw new FetchError(`HTTP ${res.statusCode}${text ? ` ${text}` : ''}`, dropUndefined({ status: res.statusCode, retryAfter }));
  }
  const maxBytes = opts.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const bytes = await readBoundedBody(res.body, header(res.headers, 'content-encoding'), maxBytes);
  return dropUndefined({ ...common, notModified: false, bytes }) as FetchResult;
}

function requestHeaders(opts: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? USER_AGENT,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  return headers;
}

function checkUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError(`not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`only http and https URLs can be fetched, not ${url.protocol}`);
  }
  url.hash = '';
  return url;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
