/**
 * Issue 13 §6: a feed cannot make the bot fetch internal addresses. With
 * TOCSIN_ALLOW_PRIVATE_FETCH unset, a source on (or redirecting to) 127.0.0.1 fails with
 * a per-source error naming the refusal, and no request reaches the address.
 */
import { runCli } from '../support/cli';
import { startWorld, type World } from '../support/world';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Quiet day</title><guid>q1</guid></item></channel></rss>';

describe('sources refused on internal addresses', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld('embedded', (url) => `sources:\n  - id: sneaky\n    type: feed\n    url: ${url}/hop\n    every: 1m\n    language: en\n`);
    w.feeds.set('/hop', { status: 302, body: '', headers: { location: `${w.feeds.url}/internal.xml` } });
    w.feeds.set('/internal.xml', { body: FEED });
  });
  afterAll(() => w.close());

  const sourceRow = async (env: Record<string, string | undefined>) => {
    const r = await runCli(['sources', '--json'], env);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { sources: { id: string; lastError?: string; consecutiveFailures: number }[] }).sources[0];
  };

  it('refuses 127.0.0.1 with the variable unset, naming the refusal, without a request', async () => {
    const env = { ...w.env, TOCSIN_ALLOW_PRIVATE_FETCH: undefined };
    expect((await runCli(['run', '--once'], env)).code).toBe(0);
    const row = await sourceRow(env);
    expect(row).toMatchObject({ id: 'sneaky', consecutiveFailures: 1 });
    expect(row?.lastError).toBe('refused to fetch 127.0.0.1: a loopback address (set TOCSIN_ALLOW_PRIVATE_FETCH=1 to allow private addresses)');
    expect(w.feeds.requests).toEqual([]);
  });

  it('fetches it, redirect included, with TOCSIN_ALLOW_PRIVATE_FETCH=1', async () => {
    expect((await runCli(['run', '--once'], w.env)).code).toBe(0);
    const row = await sourceRow(w.env);
    expect(row).toMatchObject({ id: 'sneaky', consecutiveFailures: 0 });
    expect(w.feeds.requests.map((r) => r.path)).toEqual(['/hop', '/internal.xml']);
  });
});
