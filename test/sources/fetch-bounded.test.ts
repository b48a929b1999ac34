import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { FetchError, USER_AGENT } from '../../src/sources/http';
import { fetchLocal } from '../support/local-fetch';
import { startServer } from './http-server';
import type { TestServer } from './http-server';

const FEED = '<rss version="2.0"><channel><title>T</title></channel></rss>';

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected a FetchError');
}

describe('fetchBounded', () => {
  let srv: TestServer;
  const seen: Record<string, string | undefined>[] = [];
  let bigStream = { sent: 0, closedEarly: false, total: 60 * 1024 * 1024 };
  const dripTimers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    srv = await startServer((req, res) => {
      seen.push({ path: req.url, ua: req.headers['user-agent'], inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'] });
      const path = req.url ?? '/';
      if (path === '/feed') {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Sat, 28 Nov 2026 10:00:00 GMT', 'cache-control': 'max-age=300' });
        res.end(FEED);
      } else if (path.startsWith('/enc/')) {
        const enc = path.slice(5);
        const body = Buffer.from(FEED);
        const packed = enc === 'gzip' ? gzipSync(body) : enc === 'br' ? brotliCompressSync(body) : enc === 'deflate' ? deflateSync(body) : deflateRawSync(body);
        res.writeHead(200, { 'content-encoding': enc === 'rawdeflate' ? 'deflate' : enc }).end(packed);
      } else if (path === '/badgzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end('<rss>not compressed</rss>');
      } else if (path === '/compress') {
        res.writeHead(200, { 'content-encoding': 'compress' }).end('x');
      } else if (path === '/bomb') {
        // 200 gzip members of 1 MB of zeros each: ~200 KB on the wire, 200 MB inflated.
        const member = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.concat(Array.from({ length: 200 }, () => member)));
      } else if (path === '/huge') {
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.on('close', () => {
          if (bigStream.sent < bigStream.total) bigStream.closedEarly = true;
        });
        const pump = (): void => {
          while (bigStream.sent < bigStream.total && !res.destroyed) {
            bigStream.sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        pump();
      } else if (path === '/drip') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('<')), 1000);
        dripTimers.add(t);
        res.on('close', () => clearInterval(t));
      } else if (path === '/slow-headers') {
        const t = setTimeout(() => res.end('late'), 5000);
        dripTimers.add(t);
      } else if (path === '/loop-a') {
        res.writeHead(302, { location: '/loop-b' }).end();
      } else if (path === '/loop-b') {
        res.writeHead(301, { location: '/loop-a' }).end();
      } else if (path.startsWith('/hop/')) {
        const n = Number(path.slice(5));
        if (n > 0) res.writeHead(302, { location: `/hop/${n - 1}` }).end();
        else res.writeHead(200, { 'content-type': 'text/xml' }).end(FEED);
      } else if (path === '/forbidden') {
        res.writeHead(403).end('no');
      } else if (path === '/busy') {
        res.writeHead(429, { 'retry-after': '120' }).end();
      } else if (path === '/to-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      } else {
        res.writeHead(404).end();
      }
    });
  });
  afterAll(async () => {
    for (const t of dripTimers) clearInterval(t);
    await srv.close();
  });

  it('returns body, validators and cache headers, and sends our User-Agent', async () => {
    const res = await fetchLocal(srv.url('/feed'));
    expect(res).toMatchObject({ status: 200, notModified: false, etag: '"v1"', contentType: 'application/rss+xml; charset=utf-8' });
    expect(res.lastModified).toBe('Sat, 28 Nov 2026 10:00:00 GMT');
    expect(res.headers.cacheControl).toBe('max-age=300');
    expect(res.bytes.toString()).toBe(FEED);
    expect(res.finalUrl).toBe(srv.url('/feed'));
    expect(seen.at(-1)?.ua).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Tocsin\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/tocsin-bot\/tocsin\)$/);
  });

  it('makes a conditional GET and reports 304 as not modified', async () => {
    const res = await fetchLocal(srv.url('/feed'), { etag: '"v1"', lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT' });
    expect(res).toMatchObject({ status: 304, notModified: true });
    expect(res.bytes.length).toBe(0);
    expect(seen.at(-1)).toMatchObject({ inm: '"v1"', ims: 'Sat, 28 Nov 2026 10:00:00 GMT' });
  });

  it.each(['gzip', 'br', 'deflate', 'rawdeflate'])('decompresses %s', async (enc) => {
    const res = await fetchLocal(srv.url(`/enc/${enc}`));
    expect(res.bytes.toString()).toBe(FEED);
  });

  it('reports a body that is not what its Content-Encoding says', async () => {
    expect((await failure(fetchLocal(srv.url('/badgzip')))).reason).toBe('could not decompress gzip body: incorrect header check');
    expect((await failure(fetchLocal(srv.url('/compress')))).reason).toBe('unsupported content encoding "compress"');
  });

  it('stops a gzip bomb at the cap on the decompressed size', async () => {
    const err = await failure(fetchLocal(srv.url('/bomb'), { maxBytes: 5 * 1024 * 1024 }));
    expect(err.reason).toBe('body larger than 5 MB');
  });

  it('abandons a 60 MB body as soon as it passes the cap, closing the connection', async () => {
    bigStream = { sent: 0, closedEarly: false, total: 60 * 1024 * 1024 };
    const err = await failure(fetchLocal(srv.url('/huge'), { maxBytes: 1024 * 1024 }));
    expect(err.reason).toBe('body larger than 1 MB');
    // Wait until the server notices; it must not have sent everything.
    for (let i = 0; i < 100 && !bigStream.closedEarly; i++) await new Promise((r) => setTimeout(r, 20));
    expect(bigStream.closedEarly).toBe(true);
    expect(bigStream.sent).toBeLessThan(bigStream.total);
  });

  it('gives up on a server that drips one byte a second', async () => {
    const err = await failure(fetchLocal(srv.url('/drip'), { totalTimeoutMs: 1500 }));
    expect(err.reason).toBe('timed out after 1.5 s (whole request)');
  });

  it('gives up waiting for headers', async () => {
    const err = await failure(fetchLocal(srv.url('/slow-headers'), { headersTimeoutMs: 300 }));
    expect(err.reason).toBe('timed out after 300 ms waiting for headers');
  });

  it('detects a redirect loop', async () => {
    const err = await failure(fetchLocal(srv.url('/loop-a')));
    expect(err.reason).toBe(`redirect loop at ${srv.url('/loop-a')}`);
  });

  it('follows 5 redirects but not 6', async () => {
    const ok = await fetchLocal(srv.url('/hop/5'));
    expect(ok.finalUrl).toBe(srv.url('/hop/0'));
    const err = await failure(fetchLocal(srv.url('/hop/6')));
    expect(err.reason).toBe('too many redirects (5)');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const err = await failure(fetchLocal(srv.url('/to-file')));
    expect(err.reason).toBe('only http and https URLs can be fetched, not file:');
  });

  it('reports error statuses in words, with Retry-After', async () => {
    expect((await failure(fetchLocal(srv.url('/forbidden')))).reason).toBe('HTTP 403 Forbidden');
    const busy = await failure(fetchLocal(srv.url('/busy')));
    expect(busy).toMatchObject({ reason: 'HTTP 429 Too Many Requests', status: 429, retryAfter: '120' });
  });

  it('reports a refused connection and a bad URL', async () => {
    const probe = await startServer(() => undefined);
    const deadUrl = probe.url('/x');
    await probe.close();
    expect((await failure(fetchLocal(deadUrl))).reason).toBe('connection refused');
    expect((await failure(fetchLocal('not a url'))).reason).toBe('not a valid URL: not a url');
    expect((await failure(fetchLocal('ftp://example.org/x'))).reason).toMatch(/only http and https/);
  });

  it('is not fooled by a server closing mid-body', async () => {
    const cut = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('<rss>');
      setImmediate(() => res.destroy());
    });
    const err = await failure(fetchLocal(cut.url('/')));
    expect(err.reason).toMatch(/closed|reset|request failed/);
    await cut.close();
  });
});
