import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describeRedis, freshRedisUrl } from '../support/redis';

/** A TCP server standing in for the operator's Redis: it only counts who connects. */
async function listenCounting(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    count++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('data', () => s.write('+PONG\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    connections: () => count,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describeRedis('the test suite and an exported REDIS_URL', () => {
  it('global setup picks TOCSIN_TEST_REDIS_URL and never connects to REDIS_URL', async () => {
    const operator = await listenCounting();
    try {
      const testUrl = process.env.TOCSIN_TEST_REDIS_URL as string;
      const setup = path.resolve(__dirname, '../support/global-setup.js');
      const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(setup)})().then(() => console.log(process.env.TOCSIN_TEST_REDIS_URL))`], {
        // The run lock this run holds is handed down, as to any child of a test run.
        env: { PATH: process.env.PATH, REDIS_URL: operator.url, TOCSIN_TEST_REDIS_URL: testUrl, TOCSIN_TEST_RUN_LOCK: process.env.TOCSIN_TEST_RUN_LOCK },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // A child that hangs must not outlive the test (it would keep jest from exiting).
      const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearTimeout(guard);
      expect(code).toBe(0);
      expect(out.trim()).toBe(testUrl);
      expect(operator.connections()).toBe(0);
    } finally {
      await operator.close();
    }
  });

  it('a fresh test database is taken from the test Redis, not from REDIS_URL', async () => {
    const operator = await listenCounting();
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = operator.url;
    try {
      const url = await freshRedisUrl();
      expect(new URL(url).port).toBe(new URL(process.env.TOCSIN_TEST_REDIS_URL as string).port);
      expect(operator.connections()).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
      await operator.close();
    }
  });
});
