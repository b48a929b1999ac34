/** Issue 13 §7: the password in REDIS_URL is scrubbed like the platform tokens. */
import { Writable } from 'node:stream';
import { secretsOf } from '../../src/app';
import { readEnv } from '../../src/config/env';
import { createLogger } from '../../src/observability/logger';
import { makeScrubber } from '../../src/observability/scrub';

describe('the REDIS_URL password', () => {
  const env = readEnv({ REDIS_URL: 'redis://tocsin:s3cret%40redis-pass@redis.internal:6379/2', TOCSIN_METRICS_TOKEN: 'metrics-token-0123456789abcdef' });

  it('is scrubbed as written and decoded, and so is the metrics token', () => {
    const scrub = makeScrubber(secretsOf(env));
    expect(scrub('connect to redis://tocsin:s3cret%40redis-pass@redis.internal:6379/2 failed')).toBe('connect to redis://tocsin:[Redacted]@redis.internal:6379/2 failed');
    expect(scrub('AUTH s3cret@redis-pass refused')).toBe('AUTH [Redacted] refused');
    expect(scrub('Bearer metrics-token-0123456789abcdef')).toBe('Bearer [Redacted]');
    // The user name and host are not secrets.
    expect(scrub('tocsin@redis.internal')).toBe('tocsin@redis.internal');
  });

  it('never reaches a log line', () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ level: 'info', secrets: secretsOf(env), destination });
    log.error({ err: 'WRONGPASS for s3cret@redis-pass', url: env.redisUrl }, 'store unreachable');
    const text = chunks.join('');
    expect(text).toContain('store unreachable');
    expect(text).not.toContain('s3cret');
  });
});
