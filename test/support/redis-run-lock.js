// Two test runs against one Redis flush each other's databases (each file takes databases 1–14
// by worker number), so a run holds a lock on the server while it runs; a second run waits
// for it instead of failing in strange ways. The lock expires on its own if a run is killed.
// A run started from inside a run (a test that runs global setup in a child process) inherits
// the holder's token in TOCSIN_TEST_RUN_LOCK and goes in without waiting: waiting there would
// wait for its own parent, for ever.
const { randomUUID } = require('node:crypto');
const Redis = require('ioredis');

const KEY = 'tocsin:test-run-lock';
const LOCK_DB = 15; // db 15 is never flushed by the tests
const TTL_MS = 60_000;
const REFRESH_MS = 15_000;
const WAIT_MS = 20 * 60_000;

/** Wait for and take the lock; returns a release function. */
async function takeRunLock(url, { key = KEY, waitMs = WAIT_MS, inherited, log = (s) => process.stdout.write(s) } = {}) {
  const u = new URL(url);
  u.pathname = `/${LOCK_DB}`;
  const redis = new Redis(u.toString(), { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  if (inherited && (await redis.get(key)) === inherited) {
    redis.disconnect();
    return Object.assign(async () => {}, { token: inherited }); // the parent run releases it
  }
  const me = `${process.pid}-${randomUUID()}`;
  const deadline = Date.now() + waitMs;
  let told = false;
  while ((await redis.set(key, me, 'PX', TTL_MS, 'NX')) !== 'OK') {
    if (Date.now() > deadline) {
      redis.disconnect();
      throw new Error(`another test run has held the Redis at ${u.host} for longer than we wait (${Math.round(waitMs / 1000)} s); set TOCSIN_TEST_REDIS_URL to a Redis of your own`);
    }
    if (!told) log(`\n[tocsin] another test run is using the Redis at ${u.host}; waiting for it (set TOCSIN_TEST_REDIS_URL to a Redis of your own to run both at once)\n`);
    told = true;
    await new Promise((r) => setTimeout(r, Math.min(1000, waitMs / 4)));
  }
  // Extend only while the lock is still ours.
  const refresh = () => redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0", 1, key, me, TTL_MS).catch(() => {});
  const timer = setInterval(refresh, REFRESH_MS);
  timer.unref();
  const release = async () => {
    clearInterval(timer);
    await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, key, me).catch(() => {});
    redis.disconnect();
  };
  return Object.assign(release, { token: me });
}

module.exports = { takeRunLock, KEY, LOCK_DB };
