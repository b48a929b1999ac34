// Lets the next test run have the Redis (see redis-run-lock.js).
module.exports = async function globalTeardown() {
  if (globalThis.__tocsinReleaseRedis) await globalThis.__tocsinReleaseRedis();
};
