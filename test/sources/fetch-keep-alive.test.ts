import type { Socket } from 'node:net';
import { FetchError } from '../../src/sources/http';
import { fetchLocal } from '../support/local-fetch';
import { startServer } from './http-server';
import type { TestServer } from './http-server';

const FEED = '<rss version="2.0"><channel><title>T</title></channel></rss>';

/** Polls of one host reuse a kept-alive connection; a body given up on never goes back to the pool. */
describe('fetchBounded connection reuse', () => {
  let srv: TestServer;
  let sockets: { socket: Socket; closed: boolean }[];
  /** Index in `sockets` of the connection each path was last served on. */
  let servedOn: Record<string, number>;

  beforeEach(async () => {
    sockets = [];
    servedOn = {};
    srv = await startServer((req, res) => {
      servedOn[req.url ?? ''] = sockets.findIndex((s) => s.socket === req.socket);
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        // Keeps writing while the socket lives: the client must cut it.
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return;
      }
      if (req.url === '/drip') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss>');
        return; // never ends
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    });
    srv.server.on('connection', (socket: Socket) => {
      const entry = { socket, closed: false };
      sockets.push(entry);
      socket.on('close', () => (entry.closed = true));
    });
  });
  afterEach(async () => srv.close());

  async function untilClosed(i: number): Promise<boolean> {
    for (let n = 0; n < 100 && !sockets[i]?.closed; n++) await new Promise((r) => setTimeout(r, 20));
    return sockets[i]?.closed ?? false;
  }

  it('reuses kept-alive connections for successive fetches of the same host', async () => {
    for (let i = 0; i < 10; i++) expect((await fetchLocal(srv.url('/feed'))).bytes.toString()).toBe(FEED);
    expect(sockets.length).toBeLessThanOrEqual(2);
    expect(sockets.every((s) => !s.closed)).toBe(true);
  });

  it('closes the connection of a body abandoned at the cap, and the next fetch opens a fresh one', async () => {
    await fetchLocal(srv.url('/feed'));
    const err = await fetchLocal(srv.url('/huge'), { maxBytes: 256 * 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).reason).toBe('body larger than 256 KB');
    expect(await untilClosed(servedOn['/huge'] as number)).toBe(true);
    const fresh = await fetchLocal(srv.url('/feed'));
    expect(fresh.bytes.toString()).toBe(FEED);
    expect(servedOn['/feed']).not.toBe(servedOn['/huge']);
  });

  it('closes the connection of a request that ran out of time', async () => {
    const err = await fetchLocal(srv.url('/drip'), { totalTimeoutMs: 300 }).catch((e: unknown) => e);
    expect((err as FetchError).reason).toBe('timed out after 300 ms (whole request)');
    expect(await untilClosed(servedOn['/drip'] as number)).toBe(true);
  });
});
