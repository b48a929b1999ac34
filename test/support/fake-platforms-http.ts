import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake server saw it (body parsed from JSON or a form). */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Channel the request is about, when the platform's route or body names one. */
  channel?: string;
  at: string;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * `hang`: never answer and change nothing. `hang-after-accept`: do the work (store the message)
 * but never answer — the crash / unknown-outcome case.
 */
export type FailResponse = FakeReply | 'hang' | 'hang-after-accept';

export interface FailRule {
  /** All given parts must match. `path`: a string is the exact path or a suffix of it (`chat.postMessage`). */
  match?: { method?: string; path?: string | RegExp; channel?: string };
  /** How many matching requests fail; 1 by default, `Infinity` for all. */
  times?: number;
  respond: FailResponse;
}

/** What every fake platform offers a test. */
export interface FakeServer {
  /** Base URL to hand to the client under test. */
  url: string;
  requests: Recorded[];
  fail(rule: FailRule): void;
  clearFailures(): void;
  /** Resolves with the first recorded request (past or future) that matches; rejects after `timeoutMs`. */
  waitForRequest(pred: (r: Recorded) => boolean, timeoutMs?: number): Promise<Recorded>;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    // Slack's client sends objects (blocks, metadata) as JSON strings inside the form.
    if (/^\s*[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* keep the raw string */
      }
    }
    out[k] = v;
  }
  return out;
}

function parseBody(contentType: string | undefined, text: string): unknown {
  if (!text) return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) return parseForm(text);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function matches(rule: FailRule, r: Recorded): boolean {
  const m = rule.match ?? {};
  if (m.method && m.method.toUpperCase() !== r.method) return false;
  if (m.channel !== undefined && m.channel !== r.channel) return false;
  if (m.path instanceof RegExp) return m.path.test(r.path);
  if (m.path !== undefined) return r.path === m.path || r.path.endsWith(m.path);
  return true;
}

function send(res: http.ServerResponse, reply: FakeReply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload = '';
  if (reply.body !== undefined) {
    payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
    if (!hasType) headers['content-type'] = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export interface Platform {
  /** The channel a request is about, for fail rules; from the route or the body. */
  channelOf(r: Omit<Recorded, 'channel'>): string | undefined;
  handle(r: Recorded): FakeReply;
}

/** An HTTP server on 127.0.0.1:0 that records every request and lets a test inject failures. */
export async function startFakeServer(platform: Platform, basePath: string): Promise<FakeServer> {
  const requests: Recorded[] = [];
  let rules: { rule: FailRule; left: number }[] = [];
  let waiters: { pred: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return send(res, { status: 413, body: { message: 'request too large' } });
      const u = new URL(req.url ?? '/', 'http://fake');
      const base = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: decodeURIComponent(u.pathname),
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        body: parseBody(req.headers['content-type'], Buffer.concat(chunks).toString('utf8')),
        at: new Date().toISOString(),
      };
      const rec: Recorded = { ...base, channel: platform.channelOf(base) };
      requests.push(rec);
      waiters = waiters.filter((w) => (w.pred(rec) ? (w.resolve(rec), false) : true));
      const hit = rules.find((x) => x.left > 0 && matches(x.rule, rec));
      if (hit) hit.left -= 1;
      const respond = hit?.rule.respond;
      if (respond === 'hang') return;
      // An injected answer replaces the platform's work; 'hang-after-accept' does the work, then goes silent.
      if (respond && respond !== 'hang-after-accept') return send(res, respond);
      let reply: FakeReply;
      try {
        reply = platform.handle(rec);
      } catch (err) {
        reply = { status: 500, body: { message: `fake server bug: ${String(err)}` } };
      }
      if (respond !== 'hang-after-accept') send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    fail(rule) {
      rules.push({ rule, left: rule.times ?? 1 });
    },
    clearFailures() {
      rules = [];
    },
    waitForRequest(pred, timeoutMs = 60_000) {
      const past = requests.find(pred);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching request within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ pred, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close() {
      // Hanging requests keep their sockets open: cut them so close() returns.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
