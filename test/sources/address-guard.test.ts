import { FetchError, fetchBounded } from '../../src/sources/http';
import { refusedAddressKind } from '../../src/sources/http/address-guard';
import { startServer, type TestServer } from './http-server';

async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('refusedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.0.0.7', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local or metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['fd00:ec2::254', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['fe80::1', 'link-local'],
  ])('refuses %s as %s', (ip, kind) => {
    expect(refusedAddressKind(ip)).toBe(kind);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '2a00:1450:4007::64'])('lets public %s through', (ip) => {
    expect(refusedAddressKind(ip)).toBeUndefined();
  });
});

describe('fetchBounded refuses internal addresses at connect time', () => {
  let srv: TestServer;
  let hits: string[];
  beforeAll(async () => {
    hits = [];
    srv = await startServer((req, res) => {
      hits.push(req.url ?? '');
      const m = /^\/to\?(.*)$/.exec(req.url ?? '');
      if (m) {
        res.writeHead(302, { location: decodeURIComponent(m[1] ?? '') }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>');
    });
  });
  afterAll(() => srv.close());
  beforeEach(() => {
    hits.length = 0;
  });

  it('refuses a configured loopback URL without connecting', async () => {
    const err = await failure(fetchBounded(srv.url('/feed')));
    expect(err.reason).toBe('refused to fetch 127.0.0.1: a loopback address (set TOCSIN_ALLOW_PRIVATE_FETCH=1 to allow private addresses)');
    expect(hits).toEqual([]);
  });

  it('refuses a host name whose DNS answer is loopback', async () => {
    const err = await failure(fetchBounded(srv.url('/feed').replace('127.0.0.1', 'localhost')));
    expect(err.reason).toMatch(/^refused to fetch localhost \((127\.0\.0\.1|::1)\): a loopback address/);
    expect(hits).toEqual([]);
  });

  // The test server is on 127.0.0.1: this policy lets exactly it through, as a public host would be.
  const policy = (ip: string) => (ip === '127.0.0.1' ? undefined : refusedAddressKind(ip));

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'refused to fetch 169.254.169.254: a link-local or metadata address'],
    ['http://[::ffff:7f00:1]/', 'refused to fetch ::ffff:7f00:1: an IPv4-mapped address'],
    ['http://10.1.2.3:8080/admin', 'refused to fetch 10.1.2.3: a private address'],
  ])('refuses a redirect to %s', async (target, reason) => {
    const err = await failure(fetchBounded(srv.url(`/to?${encodeURIComponent(target)}`), { refuseAddress: policy }));
    expect(err.reason.startsWith(reason)).toBe(true);
    expect(hits).toEqual([`/to?${encodeURIComponent(target)}`]);
  });

  it('still follows a redirect to an allowed address, and allows everything when asked', async () => {
    const ok = await fetchBounded(srv.url(`/to?${encodeURIComponent(srv.url('/feed'))}`), { refuseAddress: policy });
    expect(ok.bytes.toString()).toBe('<rss/>');
    const allowed = await fetchBounded(srv.url('/feed'), { allowPrivate: true });
    expect(allowed.bytes.toString()).toBe('<rss/>');
  });
});
