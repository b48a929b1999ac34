import { request as httpRequest } from 'node:http';
import type { RunningHttpServer } from '../../src/http';
import { healthRoute, jsonResponse, metricsRoute, startHttpServer, storeHealth } from '../../src/http';
import { gate, tempStore } from './support';

describe('startHttpServer', () => {
  const { store, dispose } = tempStore();
  const errors: unknown[] = [];
  let server: RunningHttpServer;

  beforeAll(async () => {
    await store.putSourceState({ id: 'a', baselined: true, consecutiveFailures: 0, health: 'healthy' });
    await store.putSourceState({ id: 'b', baselined: true, consecutiveFailures: 4, health: 'failing' });
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 1024,
      onError: (e) => errors.push(e),
      routes: [
        healthRoute(storeHealth(store)),
        metricsRoute(async () => ({ contentType: 'text/plain; version=0.0.4', body: 'tocsin_up 1\n' })),
        { method: 'POST', path: '/echo', handle: async (req) => jsonResponse(200, { bytes: req.body.length }) },
        { method: 'POST', path: '/boom', handle: async () => Promise.reject(new Error('kaput')) },
      ],
    });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  it('reports health with source counts, and metrics as given', async () => {
    const h = await fetch(`${server.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ ok: true, store: 'ok', sources: { healthy: 1, failing: 1, disabled: 0 } });
    const m = await fetch(`${server.url}/metrics`);
    expect(m.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await m.text()).toBe('tocsin_up 1\n');
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    const r = await fetch(`${server.url}/healthz`, { method: 'POST', body: 'x' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
  });

  it('passes bodies up to the cap and refuses larger ones with 413', async () => {
    const ok = await fetch(`${server.url}/echo`, { method: 'POST', body: 'x'.repeat(1024) });
    expect(await ok.json()).toEqual({ bytes: 1024 });
    const big = await fetch(`${server.url}/echo`, { method: 'POST', body: 'x'.repeat(1025) });
    expect(big.status).toBe(413);
  });

  it('refuses a streamed body (no content-length) once it passes the cap', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/echo`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('y'.repeat(800));
      req.end('y'.repeat(800));
    });
    expect(status).toBe(413);
  });

  it('answers 500 when a route throws, and tells onError', async () => {
    const r = await fetch(`${server.url}/boom`, { method: 'POST', body: '' });
    expect(r.status).toBe(500);
    expect(await r.json()).toEqual({ error: 'internal error' });
    expect(String(errors[0])).toContain('kaput');
  });

  it('answers 503 when the store is gone', async () => {
    const other = tempStore();
    const s = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [healthRoute(storeHealth(other.store))] });
    await other.store.close();
    const h = await fetch(`${s.url}/healthz`);
    expect(h.status).toBe(503);
    const body = (await h.json()) as { ok: boolean; store: string };
    expect(body.ok).toBe(false);
    expect(body.store).not.toBe('ok');
    await s.close();
    await other.dispose();
  });

  it('close() lets a request in flight finish, then stops accepting', async () => {
    const held = gate();
    const arrived = gate();
    const slow = async () => {
      arrived.open();
      await held.wait;
      return jsonResponse(200, { done: true });
    };
    const s = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [{ method: 'GET', path: '/slow', handle: slow }] });
    const inFlight = fetch(`${s.url}/slow`).then((r) => r.json());
    await arrived.wait;
    const closed = s.close();
    held.open();
    expect(await inFlight).toEqual({ done: true });
    await closed;
    await expect(fetch(`${s.url}/slow`)).rejects.toThrow();
  });
});
