import { randomUUID } from 'node:crypto';
import type { Role, Runtime } from '../app';
import { startHttpServer, healthRoute, metricsRoute, statusRoutes, storeHealth, type Route } from '../http';
import { authorityOfSource } from '../sources/authority';
import { createDiscordGateway, createDiscordInteractionsHandler } from '../chat/discord';
import { createSlackHandler, createSlackSocketApp } from '../chat/slack';
import type { CommandDeps } from '../commands';
import { sampleMessage } from '../format/sample';
import { channelKey, readingPrefs, type ChannelRef } from '../model';

/** The command core's dependencies, from the running bot. */
export function commandDeps(runtime: Runtime): CommandDeps {
  return {
    store: runtime.store,
    // A getter: a reload (SIGHUP) replaces the configured sources.
    get sources() {
      return runtime.config.sources.map((s) => ({ id: s.id, type: s.type, every: s.every }));
    },
    postSample: async (channel: ChannelRef) => {
      const sender = runtime.senders[channel.platform];
      if (!sender) throw new Error(`${channel.platform} is not configured`);
      // Written as the channel's alerts are: in its language and zone.
      const sub = await runtime.store.getSubscription(channel);
      const { locale, timezone } = readingPrefs(sub ?? {});
      const msg = sampleMessage(new Date(), { ...runtime.deps.messageOptions, locale, timeZone: timezone });
      await sender.post(channel.id, msg, { idempotencyKey: `sample-${randomUUID()}` });
    },
    deadLetters: async (limit) =>
      (await runtime.outbox.deadLetters(limit)).map((d) => ({ channel: d.job.channel, incidentId: d.job.incidentId, failure: d.failure, reason: d.reason, at: d.at })),
    // The bot's message options carry the catalogues and names (kept current by a reload).
    languages: runtime.deps.messageOptions,
    channelTenant: async (channel: ChannelRef) => runtime.senders[channel.platform]?.channelTenant?.(channel.id),
    onError: (err, req) => runtime.log.error({ err: err instanceof Error ? err.message : String(err), channel: channelKey(req.channel), subcommand: req.subcommand }, 'command failed'),
  };
}

/**
 * The HTTP server (health, metrics, chat endpoints) and the chat connections of `tocsin run`.
 * A `worker` keeps health and metrics only (for its container's health check), no chat.
 */
export async function startServing(runtime: Runtime, role: Role = 'all'): Promise<{ url: string; close(): Promise<void> }> {
  const { env } = runtime.config;
  const deps = commandDeps(runtime);
  const onError = (err: unknown) => runtime.log.error({ err: err instanceof Error ? err.message : String(err) }, 'chat request failed');
  const routes: Route[] = [healthRoute(storeHealth(runtime.store)), metricsRoute(() => runtime.metrics.render(), runtime.config.env.metricsToken)];
  const stops: (() => Promise<void>)[] = [];
  if (env.statusPage) {
    const authoritySources: Record<string, string[]> = {};
    for (const s of runtime.config.sources) {
      const a = authorityOfSource(s);
      if (a) (authoritySources[a] ??= []).push(s.id);
    }
    const authorityNames = Object.fromEntries(runtime.config.authorities.map((a) => [a.id, a.label]));
    routes.push(...statusRoutes({ store: runtime.store, authoritySources, authorityNames, clock: () => new Date() }));
  }
  const chat = role !== 'worker';

  if (chat && env.discord.publicKey) {
    routes.push({
      method: 'POST',
      path: '/discord/interactions',
      handle: createDiscordInteractionsHandler({
        publicKey: env.discord.publicKey,
        deps,
        onError,
        ...(env.discord.applicationId ? { followUp: { applicationId: env.discord.applicationId, apiUrl: env.discord.apiUrl } } : {}),
      }),
    });
  }
  if (chat && env.discord.token && env.discord.gateway) {
    const gateway = createDiscordGateway({ token: env.discord.token, deps, apiUrl: env.discord.apiUrl, onError });
    // The gateway may be unreachable (firewalls): delivery and HTTP interactions still work.
    gateway.start().catch((e: unknown) => runtime.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'Discord gateway unavailable; slash commands only via HTTP interactions'));
    stops.push(() => gateway.stop());
  }
  const slackCommon = { botToken: env.slack.botToken, apiUrl: env.slack.apiUrl, admins: env.slack.admins, deps, onError };
  if (chat && env.slack.appToken && env.slack.botToken) {
    const socket = createSlackSocketApp({ ...slackCommon, appToken: env.slack.appToken });
    socket.start().catch((e: unknown) => runtime.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'Slack Socket Mode unavailable'));
    stops.push(() => socket.stop());
  } else if (chat && env.slack.signingSecret) {
    const slack = createSlackHandler({ ...slackCommon, signingSecret: env.slack.signingSecret });
    routes.push({ method: 'POST', path: '/slack/events', handle: slack.handle });
  }

  const server = await startHttpServer({ host: env.httpHost, port: env.httpPort, routes, onError });
  return {
    url: server.url,
    async close() {
      await server.close();
      for (const stop of stops) await stop().catch(() => undefined);
    },
  };
}
