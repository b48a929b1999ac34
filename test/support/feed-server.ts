import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  status?: number;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A local HTTP server whose answers the test sets per path; it records every request. */
export interface FeedServer {
  url: string;
  set(path: string, answer: Served): void;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Served>();
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers });
    const answer = routes.get(path);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/rss+xml; charset=utf-8', ...answer.headers }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (path, answer) => routes.set(path, answer),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestItem {
  title: string;
  description?: string;
  link?: string;
  guid?: string;
  pubDate?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small RSS 2.0 document of the test's own items. */
export function rss(title: string, items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title>` +
        (i.description ? `<description>${esc(i.description)}</description>` : '') +
        (i.link ? `<link>${esc(i.link)}</link>` : '') +
        `<guid isPermaLink="false">${esc(i.guid ?? i.link ?? i.title)}</guid>` +
        (i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : '') +
        `</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>https://example.test/</link><description>test</description>\n${body}\n</channel></rss>`;
}
