// Makes sure a Redis answers for the Redis tests: TOCSIN_TEST_REDIS_URL, else 127.0.0.1:6379,
// starting a local redis-server when one is installed. Never REDIS_URL: that is the operator's
// Redis, and the tests flush databases 1–14 of the server they use. Where none can be had, Redis tests skip with one
// line saying so — unless TOCSIN_REQUIRE_REDIS=1 (CI), where that is a failure.
const net = require('node:net');
const { spawnSync } = require('node:child_process');
const { takeRunLock } = require('./redis-run-lock');

function ping(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(1000, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

module.exports = async function globalSetup() {
  const url = process.env.TOCSIN_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  let ok = await ping(url);
  if (!ok && !process.env.TOCSIN_TEST_REDIS_URL) {
    const r = spawnSync('redis-server', ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes'], { stdio: 'ignore' });
    if (!r.error) {
      for (let i = 0; i < 20 && !ok; i++) {
        await new Promise((r2) => setTimeout(r2, 100));
        ok = await ping(url);
      }
    }
  }
  if (ok) {
    process.env.TOCSIN_TEST_REDIS_URL = url;
    const release = await takeRunLock(url, { inherited: process.env.TOCSIN_TEST_RUN_LOCK });
    process.env.TOCSIN_TEST_RUN_LOCK = release.token; // child processes of this run inherit it
    globalThis.__tocsinReleaseRedis = release;
  } else if (process.env.TOCSIN_REQUIRE_REDIS === '1') {
    throw new Error(`TOCSIN_REQUIRE_REDIS=1 but no Redis answers at ${url} and redis-server could not be started`);
  } else {
    delete process.env.TOCSIN_TEST_REDIS_URL;
    console.log(`\n[tocsin] No Redis at ${url} and none could be started: Redis tests are skipped.\n`);
  }
};
