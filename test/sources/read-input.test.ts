import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FetchError, readInput } from '../../src/sources/http';
import { readLocalInput } from '../support/local-fetch';
import { startServer } from './http-server';

describe('readInput', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tocsin-read-input-'));

  it('reads a local file, and refuses one over the cap or missing', async () => {
    const file = path.join(dir, 'feed.xml');
    writeFileSync(file, '<rss/>');
    expect((await readInput(file)).bytes.toString()).toBe('<rss/>');
    writeFileSync(path.join(dir, 'big.xml'), Buffer.alloc(2048, 0x61));
    await expect(readInput(path.join(dir, 'big.xml'), { maxBytes: 1024 })).rejects.toThrow(new FetchError('file larger than 1 KB'));
    await expect(readInput(path.join(dir, 'nope.xml'))).rejects.toMatchObject({ reason: `no such file: ${path.join(dir, 'nope.xml')}` });
    await expect(readInput(dir)).rejects.toMatchObject({ reason: `is a directory: ${dir}` });
  });

  it('fetches an http URL through fetchBounded', async () => {
    const srv = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end('<feed/>'));
    try {
      const got = await readLocalInput(srv.url('/f'));
      expect(got).toEqual({ bytes: Buffer.from('<feed/>'), contentType: 'application/atom+xml', location: srv.url('/f') });
    } finally {
      await srv.close();
    }
  });
});
