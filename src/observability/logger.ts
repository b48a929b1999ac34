import pino, { type Logger as PinoLogger } from 'pino';
import { makeScrubber } from './scrub';

/**
 * JSON logs on stderr (stdout belongs to the console channel). Secrets are redacted by
 * key wherever they appear, and `scrub` removes any configured secret value that slips
 * into a message string (an error quoting a URL with a token, say).
 */
export const REDACT_PATHS = [
  'token', '*.token', 'botToken', '*.botToken', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'publicKey', '*.publicKey', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'redisUrl', '*.redisUrl',
];

export function createLogger(opts: { level: string; secrets: (string | undefined)[]; destination?: NodeJS.WritableStream }): PinoLogger {
  const scrub = makeScrubber(opts.secrets);
  const dest = opts.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (obj) => JSON.parse(scrub(JSON.stringify(obj))) as Record<string, unknown>,
      },
    },
    dest as pino.DestinationStream,
  );
}
