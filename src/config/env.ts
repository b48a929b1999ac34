import { z } from 'zod';
import { parseChannelKey, type ChannelRef } from '../model';
import { ConfigError, type ConfigProblem } from './config-error';

/** The environment as the rest of the program sees it: typed, defaulted, checked. */
export interface Env {
  redisUrl?: string;
  dataDir: string;
  configDir: string;
  httpHost: string;
  httpPort: number;
  logLevel: string;
  discord: {
    token?: string;
    applicationId?: string;
    publicKey?: string;
    gateway: boolean;
    apiUrl?: string;
  };
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    admins: string[];
  };
  opsChannel?: ChannelRef;
  /** Largest body a fetch may read (TOCSIN_FETCH_MAX_BYTES), default 10 MB. */
  fetchMaxBytes: number;
  /** Time allowed for one platform API call (TOCSIN_PLATFORM_TIMEOUT_MS). */
  platformTimeoutMs: number;
  /** Time allowed for one source fetch, redirects and body included (TOCSIN_FETCH_TIMEOUT_MS), default 30 s. */
  fetchTimeoutMs: number;
  /** Minimum time between two edits of one message (TOCSIN_EDIT_COALESCE_MS), default 60 s. */
  editCoalesceMs: number;
  /** How long a delivery job stays claimed by a process that stopped answering (TOCSIN_OUTBOX_LEASE_MS), default 15 s. */
  outboxLeaseMs: number;
  /** Serve the public status page and its JSON API (TOCSIN_STATUS_PAGE=on|off), default on. */
  statusPage: boolean;
  /** Sources may reach loopback/private/metadata addresses (TOCSIN_ALLOW_PRIVATE_FETCH=1), for local testing. */
  allowPrivateFetch: boolean;
  /** Incidents, deliveries, seen items and locks older than this many days are pruned (TOCSIN_RETENTION_DAYS), default 30. */
  retentionDays: number;
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (TOCSIN_METRICS_TOKEN). */
  metricsToken?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));
const url = (protocols: string[]) =>
  optionalText.refine((s) => s === undefined || (URL.canParse(s) && protocols.includes(new URL(s).protocol)), {
    message: `must be a URL starting with ${protocols.join(' or ')}`,
  });

const schema = z.object({
  REDIS_URL: url(['redis:', 'rediss:']),
  TOCSIN_DATA_DIR: optionalText,
  TOCSIN_CONFIG_DIR: optionalText,
  HTTP_HOST: optionalText,
  HTTP_PORT: optionalText.refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) < 65536), {
    message: 'must be a port number (0–65535)',
  }),
  LOG_LEVEL: optionalText.refine((s) => s === undefined || (LOG_LEVELS as readonly string[]).includes(s), {
    message: `must be one of ${LOG_LEVELS.join(', ')}`,
  }),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText.refine((s) => s === undefined || /^[0-9a-f]{64}$/i.test(s), {
    message: 'must be the 64 hex characters shown as "Public Key" in the Discord developer portal',
  }),
  DISCORD_GATEWAY: optionalText.refine((s) => s === undefined || s === 'on' || s === 'off', {
    message: 'must be on or off',
  }),
  DISCORD_API_URL: url(['http:', 'https:']),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url(['http:', 'https:']),
  TOCSIN_SLACK_ADMINS: optionalText,
  TOCSIN_OPS_CHANNEL: optionalText.refine((s) => s === undefined || !('error' in parseChannelKey(s)), {
    message: 'must be <platform>:<channel id>, e.g. discord:123456789',
  }),
  TOCSIN_FETCH_MAX_BYTES: optionalText.refine((s) => s === undefined || /^\d+$/.test(s), {
    message: 'must be a whole number of bytes',
  }),
  TOCSIN_OUTBOX_LEASE_MS: optionalText.refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) >= 500), {
    message: 'must be a whole number of milliseconds, at least 500',
  }),
  TOCSIN_EDIT_COALESCE_MS: optionalText.refine((s) => s === undefined || /^\d+$/.test(s), {
    message: 'must be a whole number of milliseconds',
  }),
  TOCSIN_PLATFORM_TIMEOUT_MS: optionalText.refine((s) => s === undefined || /^\d+$/.test(s), {
    message: 'must be a whole number of milliseconds',
  }),
  TOCSIN_STATUS_PAGE: optionalText.refine((s) => s === undefined || s === 'on' || s === 'off', {
    message: 'must be on or off',
  }),
  TOCSIN_FETCH_TIMEOUT_MS: optionalText.refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) > 0), {
    message: 'must be a whole number of milliseconds, above 0',
  }),
  TOCSIN_ALLOW_PRIVATE_FETCH: optionalText.refine((s) => s === undefined || s === '0' || s === '1', {
    message: 'must be 1 (allow sources to reach private addresses) or 0',
  }),
  TOCSIN_RETENTION_DAYS: optionalText.refine((s) => s === undefined || (/^\d+$/.test(s) && Number(s) >= 1), {
    message: 'must be a whole number of days, at least 1',
  }),
  TOCSIN_METRICS_TOKEN: optionalText.refine((s) => s === undefined || s.length >= 16, {
    message: 'must be at least 16 characters (a random secret)',
  }),
});

/** Reads the environment; throws ConfigError listing every problem. */
export function readEnv(vars: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(vars);
  if (!parsed.success) {
    const problems: ConfigProblem[] = parsed.error.issues.map((i) => ({
      file: 'environment',
      path: String(i.path[0] ?? ''),
      message: i.message,
      fix: 'correct it in .env or the process environment (see .env.example)',
    }));
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const ops = e.TOCSIN_OPS_CHANNEL ? parseChannelKey(e.TOCSIN_OPS_CHANNEL) : undefined;
  return {
    redisUrl: e.REDIS_URL,
    dataDir: e.TOCSIN_DATA_DIR ?? './data',
    configDir: e.TOCSIN_CONFIG_DIR ?? './config',
    httpHost: e.HTTP_HOST ?? '0.0.0.0',
    httpPort: e.HTTP_PORT === undefined ? 8080 : Number(e.HTTP_PORT),
    logLevel: e.LOG_LEVEL ?? 'info',
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      gateway: e.DISCORD_GATEWAY ? e.DISCORD_GATEWAY === 'on' : Boolean(e.DISCORD_TOKEN),
      apiUrl: e.DISCORD_API_URL,
    },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      admins: (e.TOCSIN_SLACK_ADMINS ?? '').split(/[\s,]+/).filter(Boolean),
    },
    opsChannel: ops && !('error' in ops) ? ops : undefined,
    fetchMaxBytes: e.TOCSIN_FETCH_MAX_BYTES ? Number(e.TOCSIN_FETCH_MAX_BYTES) : 10 * 1024 * 1024,
    platformTimeoutMs: e.TOCSIN_PLATFORM_TIMEOUT_MS ? Number(e.TOCSIN_PLATFORM_TIMEOUT_MS) : 15_000,
    outboxLeaseMs: e.TOCSIN_OUTBOX_LEASE_MS ? Number(e.TOCSIN_OUTBOX_LEASE_MS) : 15_000,
    editCoalesceMs: e.TOCSIN_EDIT_COALESCE_MS ? Number(e.TOCSIN_EDIT_COALESCE_MS) : 60_000,
    fetchTimeoutMs: e.TOCSIN_FETCH_TIMEOUT_MS ? Number(e.TOCSIN_FETCH_TIMEOUT_MS) : 30_000,
    statusPage: e.TOCSIN_STATUS_PAGE !== 'off',
    allowPrivateFetch: e.TOCSIN_ALLOW_PRIVATE_FETCH === '1',
    retentionDays: e.TOCSIN_RETENTION_DAYS ? Number(e.TOCSIN_RETENTION_DAYS) : 30,
    metricsToken: e.TOCSIN_METRICS_TOKEN,
  };
}

/**
 * A platform configured for delivery only (a token, no way for slash commands to arrive)
 * is a valid setup: alerts are posted. Each such platform gets one warning, never a refusal.
 */
export function commandPathWarnings(env: Env): string[] {
  const warnings: string[] = [];
  if (env.discord.token && !env.discord.publicKey && !env.discord.gateway) {
    warnings.push('Discord delivers alerts, but /alerts commands cannot arrive: set DISCORD_PUBLIC_KEY (HTTP interactions) or DISCORD_GATEWAY=on to enable them');
  }
  if (env.slack.botToken && !env.slack.signingSecret && !env.slack.appToken) {
    warnings.push('Slack delivers alerts, but /alerts commands cannot arrive: set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) to enable them');
  }
  return warnings;
}
