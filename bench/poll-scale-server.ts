/**
 * The feed server of the poll-scale benchmark, run as its own process so its memory is
 * not counted as Tocsin's. `/s/<n>.xml`: nine sources in ten send an ETag and answer a
 * matching If-None-Match with 304; the tenth answers 200 with the same small feed.
 * Prints `{"url": …}` once listening; stops when stdin closes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SCALE_ETAG = '"v1"';

/** A small calm feed (no attack words), the same bytes on every poll. */
export function scaleFeedBody(n: number): string {
  const items = Array.from({ length: 10 }, (_, i) =>
    `<item><title>Council meeting ${n}-${i} discusses the local budget</title><guid isPermaLink="false">s${n}-${i}</guid>` +
    `<description>Members debated road repairs and library hours.</description><pubDate>Mon, 02 Nov 2026 08:0${i}:00 GMT</pubDate></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Source ${n}</title><link>https://example.test/${n}</link><description>bench</description>${items}</channel></rss>`;
}

export const answers304 = (n: number): boolean => n % 10 !== 0;

function main(): void {
  const server = http.createServer((req, res) => {
    const n = Number(/^\/s\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
    if (n < 0) return void res.writeHead(404).end();
    if (answers304(n)) {
      if (req.headers['if-none-match'] === SCALE_ETAG) return void res.writeHead(304, { etag: SCALE_ETAG }).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: SCALE_ETAG }).end(scaleFeedBody(n));
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(scaleFeedBody(n));
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

if (process.argv[1] === __filename) main();
