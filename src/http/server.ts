import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, readBody } from './read-body';
import type { HttpResponse, Route } from './route';
import { jsonResponse } from './route';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How long close() lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 5000;

export interface HttpServerOptions {
  host: string;
  port: number;
  routes: Route[];
  maxBodyBytes?: number;
  /** Told about a route that threw; the client only gets a 500. */
  onError?: (err: unknown, where: { method: string; path: string }) => void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish (briefly), then resolves. */
  close(): Promise<void>;
}

/** One node:http server for health, metrics and the chat endpoints. */
export function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const state = { closing: false };
  const server = createServer((req, res) => {
    void handle(req, res, opts, maxBody, state);
  });
  // Bound slow clients: a request must arrive whole within these.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () => {
          state.closing = true;
          return closeServer(server);
        },
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: HttpServerOptions, maxBody: number, state: { closing: boolean }): Promise<void> {
  // Once closing, answers end their connection so keep-alive clients do not hold close() up.
  res.on('finish', () => {
    if (state.closing) req.socket.destroySoon();
  });
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const where = { method, path: url.pathname };
  const onPath = opts.routes.filter((r) => r.path === url.pathname);
  const route = onPath.find((r) => r.method === method);
  if (!route) {
    req.resume();
    if (onPath.length) send(res, { ...jsonResponse(405, { error: 'method not allowed' }), headers: { allow: onPath.map((r) => r.method).join(', ') } });
    else send(res, jsonResponse(404, { error: 'not found' }));
    return;
  }
  try {
    const body = method === 'GET' ? Buffer.alloc(0) : await readBody(req, maxBody);
    send(res, await route.handle({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body }));
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      // Answer now and drop the connection rather than read the rest.
      res.setHeader('connection', 'close');
      send(res, jsonResponse(413, { error: err.message }));
      req.resume();
      return;
    }
    opts.onError?.(err, where);
    send(res, jsonResponse(500, { error: 'internal error' }));
  }
}

function send(res: ServerResponse, r: HttpResponse): void {
  if (res.headersSent) return;
  res.writeHead(r.status, r.headers ?? {});
  res.end(r.body ?? '');
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
