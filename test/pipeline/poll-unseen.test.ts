import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { processEntries } from '../../src/pipeline/process-items';
import { pollSource } from '../../src/pipeline/poll-source';
import { NO_METRICS, type PipelineDeps } from '../../src/pipeline/deps';
import type { Outbox } from '../../src/delivery/outbox-port';
import type { DetectInput, Item } from '../../src/model';
import type { SourceConfig } from '../../src/config/sources-config';
import { fetchLocal } from '../support/local-fetch';
import { SqliteStore } from '../../src/store';

const noOutbox: Outbox = {
  enqueue: async () => undefined, start: () => undefined, drain: async () => ({ pending: 0, dead: 0 }),
  pendingCount: async () => 0, deadLetters: async () => [], close: async () => undefined,
};
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const rssItem = (guid: string) => `<item><title>Story ${guid}</title><guid>${guid}</guid><pubDate>Sat, 01 Nov 2026 10:00:00 GMT</pubDate></item>`;

/** Seen items cost nothing beyond their id: not normalised, not detected — and a poll does not even parse them. */
describe('polling a feed whose items were mostly seen before', () => {
  let store: SqliteStore;
  let detected: string[];
  let deps: PipelineDeps;

  beforeEach(() => {
    store = new SqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-unseen-')));
    detected = [];
    deps = {
      store, outbox: noOutbox, detect: (i: DetectInput) => (detected.push(i.title), []), fetch: (url, opts) => fetchLocal(url, opts), fetchMaxBytes: 1e6,
      log: quiet, metrics: NO_METRICS, clock: () => new Date('2026-11-03T21:00:00Z'), random: () => 0.5, fallbackSubscriptions: [],
      requestLevelPoll: () => undefined, notifyOps: async () => undefined, messageOptions: {}, scrub: (t) => t,
    };
  });
  afterEach(async () => store.close());

  it('normalises only the entries the store has not seen', async () => {
    await store.markSeen('wire', ['1']);
    const entry = (id: string) => ({ id, item: (): Item => {
      if (id === '1') throw new Error('a seen item was normalised');
      return { id, sourceId: 'wire', title: `t${id}`, summary: '' };
    } });
    const out = await processEntries('wire', [entry('1'), entry('2')], true, deps);
    expect(out.fresh).toBe(1);
    expect(detected).toEqual(['t2']);
    expect(await store.filterUnseen('wire', ['1', '2'])).toEqual([]);
  });

  it('detects each new item of a real feed once, across polls that repeat the old ones', async () => {
    let body = '';
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const source = { id: 'wire', type: 'feed', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/f`, every: '1m', everyMs: 60_000, options: {} } satisfies SourceConfig;
    try {
      body = `<rss version="2.0"><channel><title>W</title>${rssItem('a')}${rssItem('b')}</channel></rss>`;
      expect(await pollSource(source, deps)).toMatchObject({ ok: true, baseline: true, items: 2 });
      body = `<rss version="2.0"><channel><title>W</title>${rssItem('c')}${rssItem('a')}${rssItem('b')}</channel></rss>`;
      expect(await pollSource(source, deps)).toMatchObject({ ok: true, items: 1 });
      body = `<rss version="2.0"><channel><title>W</title>${rssItem('d')}${rssItem('c')}${rssItem('a')}</channel></rss>`;
      expect(await pollSource(source, deps)).toMatchObject({ ok: true, items: 1 });
      expect(detected).toEqual(['Story c', 'Story d']);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
