/**
 * The composition root: the only place that wires adapters together. Each CLI command
 * asks for what it needs (config only, a store, or the whole running bot).
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';
import { commandPathWarnings, readEnv, type Env } from './config/env';
import { ConfigError, type ConfigProblem } from './config/config-error';
import { loadSourcesConfig, sourcesFile, type SourceConfig } from './config/sources-config';
import { authoritiesFile, checkAuthorityUses, loadAuthorities } from './config/authorities-config';
import type { Authority } from './model/authority';
import { loadDetectorConfig } from './config/detector-config';
import { loadCatalogues } from './config/locales-config';
import { loadPlaceNames } from './config/place-names-config';
import type { Catalogues, PlaceNames } from './format';
import { compileDetectorConfig, createDetector, type Detector } from './detect';
import { levelSourceSchemas } from './sources/levels';
import { fetchBounded } from './sources/http';
import { openStore, SqliteStore, type Store } from './store';
import { openOutbox } from './delivery/outbox';
import type { Outbox } from './delivery/outbox-port';
import { ConsoleSender } from './delivery/senders/console-sender';
import type * as DiscordSenderModule from './delivery/senders/discord-sender';
import type * as SlackSenderModule from './delivery/senders/slack-sender';
import type { Sender } from './delivery/port';
import { createDeliverHandler } from './delivery/deliver-job';
import { channelKey, type Platform, type Subscription } from './model';
import { createLogger } from './observability/logger';
import { makeScrubber } from './observability/scrub';
import { OutageLog } from './observability/outage-log';
import { Metrics } from './observability/metrics';
import type { PipelineDeps } from './pipeline/deps';
import { pollSource, type PollResult } from './pipeline/poll-source';
import { pruneExpired, RETENTION_EVERY_MS, Scheduler } from './scheduler';
import { attachAuthorities, authorityOfSource, authorityUses } from './sources/authority';
import { messageOptionsFor } from './format/names';

export interface Config {
  env: Env;
  sources: SourceConfig[];
  /** The alert-level authorities of config/authorities.yaml. */
  authorities: Authority[];
  /** Message catalogues and gazetteer display names (config/locales, config/places); absent: English only. */
  languages?: Languages;
}

export interface Languages {
  catalogues: Catalogues;
  placeNames: PlaceNames;
  /** What translators left out or broke: check-config reports them, the bot falls back to English. */
  problems: ConfigProblem[];
}

export function loadLanguages(configDir: string): Languages {
  const { catalogues, problems } = loadCatalogues(configDir);
  return { catalogues, problems, placeNames: loadPlaceNames(configDir) };
}

/** Runs `fn`, moving the problems of a ConfigError into `problems` (so one run lists every one). */
function collecting(problems: ConfigProblem[]): <T>(fn: () => T) => T | undefined {
  return (fn) => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
      return undefined;
    }
  };
}

/** Sources and authorities of a config folder, checked against each other; problems go to `problems`. */
function loadConfigFiles(configDir: string, problems: ConfigProblem[]): { sources: SourceConfig[]; authorities: Authority[] } | undefined {
  const attempt = collecting(problems);
  const sources = attempt(() => loadSourcesConfig(configDir, levelSourceSchemas));
  const authorities = attempt(() => loadAuthorities(configDir));
  if (!sources || !authorities) return undefined;
  problems.push(...checkAuthorityUses(authorities, authorityUses(sources, sourcesFile(configDir)), authoritiesFile(configDir)));
  attachAuthorities(sources, authorities);
  return { sources, authorities };
}

/** Reads and checks env and config files; throws ConfigError listing every problem. */
export function loadConfig(vars: Record<string, string | undefined>): Config {
  const problems: ConfigProblem[] = [];
  const env = collecting(problems)(() => readEnv(vars));
  // Check the files even when the environment is wrong, so one run lists everything.
  const files = loadConfigFiles(env?.configDir ?? vars.TOCSIN_CONFIG_DIR ?? './config', problems);
  if (!env || !files || problems.length > 0) throw new ConfigError(problems);
  return { env, ...files };
}

/**
 * The config folder read again for a reload: sources, authorities and the detector's rules,
 * places and actors, all validated; throws ConfigError listing every problem of every file,
 * so nothing half-read is ever applied.
 */
export function reloadConfigFiles(env: Env): { sources: SourceConfig[]; authorities: Authority[]; languages: Languages; detector: Detector } {
  const problems: ConfigProblem[] = [];
  const files = loadConfigFiles(env.configDir, problems);
  const detector = collecting(problems)(() => {
    try {
      return loadDetector(env);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError([{ file: env.configDir, path: '', message: e instanceof Error ? e.message : String(e) }]);
    }
  });
  if (!files || !detector || problems.length > 0) throw new ConfigError(problems);
  return { ...files, languages: loadLanguages(env.configDir), detector };
}

/** What messages need of the languages config (the locale itself comes per channel). */
export function languageOptions(languages: Languages | undefined): { catalogues?: Catalogues; placeNames?: PlaceNames } {
  return languages ? { catalogues: languages.catalogues, placeNames: languages.placeNames } : {};
}

/** Sources shipped disabled (not verified on the authority's real text) are not polled. */
function enabledSources(sources: readonly SourceConfig[]): SourceConfig[] {
  return sources.filter((s) => s.enabled !== false);
}

export function loadDetector(env: Env): Detector {
  return createDetector(compileDetectorConfig(loadDetectorConfig(env.configDir)));
}

export function secretsOf(env: Env): (string | undefined)[] {
  return [env.discord.token, env.discord.publicKey, env.slack.botToken, env.slack.signingSecret, env.slack.appToken, env.metricsToken, ...redisPassword(env.redisUrl)];
}

/** The password in REDIS_URL (redis://user:password@host), as written and decoded: errors may quote either. */
function redisPassword(redisUrl: string | undefined): string[] {
  if (!redisUrl) return [];
  try {
    const raw = new URL(redisUrl).password;
    return raw ? [raw, decodeURIComponent(raw)] : [];
  } catch {
    return [];
  }
}

export function makeLogger(env: Env): PinoLogger {
  return createLogger({ level: env.logLevel, secrets: secretsOf(env) });
}

export function openConfiguredStore(env: Env): Promise<Store> {
  return openStore({ redisUrl: env.redisUrl, dataDir: env.dataDir, retentionDays: env.retentionDays });
}

/** The platform clients load only where a token asks for them (discord.js alone takes ~0.5 s). */
export function makeSenders(env: Env, writeConsole: (s: string) => void): Partial<Record<Platform, Sender>> {
  const senders: Partial<Record<Platform, Sender>> = { console: new ConsoleSender(writeConsole) };
  if (env.discord.token) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DiscordSender } = require('./delivery/senders/discord-sender') as typeof DiscordSenderModule;
    senders.discord = new DiscordSender({ token: env.discord.token, apiUrl: env.discord.apiUrl, timeoutMs: env.platformTimeoutMs });
  }
  if (env.slack.botToken) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SlackSender } = require('./delivery/senders/slack-sender') as typeof SlackSenderModule;
    senders.slack = new SlackSender({ token: env.slack.botToken, apiUrl: env.slack.apiUrl, timeoutMs: env.platformTimeoutMs });
  }
  return senders;
}

/** With neither Discord nor Slack configured, everything goes to standard output. */
export function fallbackSubscriptions(env: Env): Subscription[] {
  if (env.discord.token || env.slack.botToken) return [];
  return [{ channel: { platform: 'console', id: 'stdout' }, countries: [], kinds: [], minSeverity: 'low', languages: [], createdAt: new Date(0).toISOString() }];
}

export interface Runtime {
  config: Config;
  store: Store;
  outbox: Outbox;
  log: PinoLogger;
  metrics: Metrics;
  deps: PipelineDeps;
  scheduler: Scheduler;
  senders: Partial<Record<Platform, Sender>>;
  pollAll(): Promise<PollResult[]>;
  /** Applies the config folder as it is now, or throws ConfigError and keeps the running one. */
  reload(): Config;
  close(timeoutMs?: number): Promise<void>;
}

/** `all` polls, delivers and serves; `web` only serves HTTP and chat; `worker` only polls and delivers. */
export type Role = 'all' | 'web' | 'worker';
export const ROLES: readonly Role[] = ['all', 'web', 'worker'];

/** Everything `tocsin run` needs, started except for the scheduler. */
export async function startRuntime(config: Config, opts: { writeConsole?: (s: string) => void; role?: Role } = {}): Promise<Runtime> {
  const { env } = config;
  const sources = enabledSources(config.sources);
  const log = makeLogger(env);
  for (const warning of commandPathWarnings(env)) log.warn(warning);
  const metrics = new Metrics();
  let detector = loadDetector(env);
  const store = await openConfiguredStore(env);
  await store.ping();
  const writeConsole = opts.writeConsole ?? ((s: string) => process.stdout.write(`${s}\n`));
  const senders = makeSenders(env, writeConsole);
  // The outbox's loop retries every second while its backend is down: log the outage, not each try.
  const outboxOutage = new OutageLog(log, 'outbox backend');
  const outbox = openOutbox({
    redisUrl: env.redisUrl,
    sqlite: store instanceof SqliteStore ? store.file : path.join(env.dataDir, 'tocsin.db'),
    options: { maxAttempts: 8, baseBackoffMs: 1000, maxBackoffMs: 5 * 60_000, concurrency: 4 },
    leaseMs: env.outboxLeaseMs,
    onError: (err) => outboxOutage.failed(err),
  });
  const fallback = fallbackSubscriptions(env);
  const scrub = makeScrubber(secretsOf(env));
  // Read here, not in loadConfig: the short CLI commands (subscribe, levels…) need no catalogues.
  config.languages ??= loadLanguages(env.configDir);
  const messageOptions = messageOptionsFor(sources, config.authorities, languageOptions(config.languages));
  for (const p of config.languages?.problems ?? []) log.warn({ file: p.file, key: p.path }, `catalogue: ${p.message}`);
  const notifyOps = async (text: string) => {
    log.warn({ notice: text }, 'operational notice');
    const ops = env.opsChannel;
    const sender = ops && senders[ops.platform];
    if (!ops || !sender) return;
    try {
      await sender.post(ops.id, { kind: 'notice', severity: 'medium', title: 'Tocsin notice', body: text, fields: [], footer: 'Tocsin operations' }, { idempotencyKey: `ops-${randomUUID()}` });
    } catch (e) {
      log.error({ err: e instanceof Error ? e.message : String(e), channel: channelKey(ops) }, 'could not post an operational notice');
    }
  };
  // The pipeline asks the scheduler for early polls; the scheduler polls through the pipeline.
  const schedulerRef: { current?: Scheduler } = {};
  const deps: PipelineDeps = {
    store,
    outbox,
    detect: (input) => detector.detect(input),
    // The whole-request bound comes from the environment; a caller's own options win.
    fetch: (url, opts) => fetchBounded(url, { totalTimeoutMs: env.fetchTimeoutMs, allowPrivate: env.allowPrivateFetch, ...opts }),
    fetchMaxBytes: env.fetchMaxBytes,
    log,
    metrics,
    clock: () => new Date(),
    random: Math.random,
    fallbackSubscriptions: fallback,
    requestLevelPoll: (authority) => schedulerRef.current?.pollSoon(config.sources.filter((s) => authorityOfSource(s) === authority).map((s) => s.id)),
    notifyOps,
    messageOptions,
    scrub,
  };
  const deliver = createDeliverHandler({
    store,
    senders,
    fallbackSubscriptions: fallback,
    messageOptions,
    clock: () => new Date(),
    editCoalesceMs: env.editCoalesceMs,
    lockTtlMs: 3 * env.platformTimeoutMs + 5_000,
    notifyOps,
    scrub,
    onDelivered: (incident, channel, action, messageRef) => {
      outboxOutage.succeeded();
      metrics.deliveries.inc({ platform: channel.platform, action });
      log.info({ channel: channelKey(channel), incident: incident.id, version: incident.version, messageId: messageRef }, action === 'posted' ? 'alert posted' : 'alert updated');
      if (action === 'posted') {
        const published = Date.parse(incident.eventTime);
        if (!Number.isNaN(published)) metrics.timeToAlert.observe(Math.max(0, (Date.now() - published) / 1000));
      }
    },
  });
  // A web replica enqueues nothing and delivers nothing: its outbox only answers questions.
  if (opts.role !== 'web') outbox.start(async (job, attempt) => {
    const outcome = await deliver(job, attempt);
    if (outcome.status === 'failed') {
      metrics.deliveryFailures.inc({ failure: outcome.failure });
      log.warn({ job: job.id, attempt, failure: outcome.failure, reason: outcome.reason }, 'delivery failed');
    }
    return outcome;
  });
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const retention = () => pruneExpired({ store, retentionDays: env.retentionDays, log, clock: () => new Date(), owner });
  const housekeeping = { run: retention, everyMs: RETENTION_EVERY_MS };
  const scheduler = new Scheduler({ sources, store, poll: (s) => pollSource(s, deps), log, clock: () => new Date(), owner, housekeeping });
  schedulerRef.current = scheduler;
  const runtime: Runtime = {
    config,
    store,
    outbox,
    log,
    metrics,
    deps,
    scheduler,
    senders,
    // `run --once` from cron prunes too: retention must not depend on a long-running bot.
    pollAll: async () => {
      const results = await pollEvery(enabledSources(config.sources), deps);
      await retention();
      return results;
    },
    reload() {
      const next = reloadConfigFiles(env);
      detector = next.detector;
      config.sources = next.sources;
      config.authorities = next.authorities;
      config.languages = next.languages;
      Object.assign(messageOptions, messageOptionsFor(enabledSources(next.sources), next.authorities, languageOptions(next.languages)));
      scheduler.setSources(enabledSources(next.sources));
      return config;
    },
    async close(timeoutMs = 10_000) {
      await scheduler.stop();
      await outbox.close(timeoutMs);
      await store.close();
    },
  };
  return runtime;
}

/** Poll every source once, a few at a time. */
async function pollEvery(sources: SourceConfig[], deps: PipelineDeps): Promise<PollResult[]> {
  const results: PollResult[] = [];
  const queue = [...sources];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) results.push(await pollSource(s, deps));
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
  return results;
}
