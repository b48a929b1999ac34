import { REST, Routes } from 'discord.js';
import type { CommandDeps, CommandReply } from '../../commands';
import { dispatch } from '../../commands';
import type { HttpRequest, HttpResponse, RouteHandler } from '../../http/route';
import { headerValue as header, jsonResponse } from '../../http/route';
import { raceDeadline } from '../reply-deadline';
import type { AlertsInvocation } from './map-interaction';
import { fromInteractionBody, toCommandRequest } from './map-interaction';
import { toDiscordReply } from './render-reply';
import { discordPublicKey, signatureTimestampFresh, verifyDiscordSignature } from './verify-signature';

export const ALERTS_COMMAND = 'alerts';

/** Interaction and response types from Discord's API. */
const PING = 1;
const APPLICATION_COMMAND = 2;
const PONG = 1;
const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;

export interface DiscordInteractionsOptions {
  /** DISCORD_PUBLIC_KEY, hex. */
  publicKey: string;
  deps: CommandDeps;
  clock?: () => Date;
  /** Lets a command that outlasts Discord's 3 s deadline answer late, by editing the deferred reply. */
  followUp?: { applicationId: string; apiUrl?: string };
  /** How long to wait for the reply before deferring (only with `followUp`). */
  ackDeadlineMs?: number;
  onError?: (err: unknown) => void;
}

/** Runs an `/alerts` invocation through the command core; shared by the HTTP and gateway paths. */
export function runInvocation(inv: AlertsInvocation, deps: CommandDeps, now: Date): Promise<CommandReply> {
  return dispatch(toCommandRequest(inv, now), deps);
}

/** `POST /discord/interactions`: Ed25519-verified; PING → PONG; `/alerts …` → an embed reply. */
export function createDiscordInteractionsHandler(opts: DiscordInteractionsOptions): RouteHandler {
  const key = discordPublicKey(opts.publicKey);
  const clock = opts.clock ?? (() => new Date());
  const rest = opts.followUp ? new REST({ version: '10', timeout: 10_000, ...(opts.followUp.apiUrl ? { api: opts.followUp.apiUrl } : {}) }) : undefined;

  return async (req: HttpRequest): Promise<HttpResponse> => {
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!verifyDiscordSignature(key, signature, timestamp, req.body) || !signatureTimestampFresh(timestamp, clock())) {
      return jsonResponse(401, { error: 'invalid request signature' });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return jsonResponse(400, { error: 'body is not JSON' });
    }
    if (body.type === PING) return jsonResponse(200, { type: PONG });
    if (body.type !== APPLICATION_COMMAND) return jsonResponse(400, { error: `unsupported interaction type ${String(body.type)}` });

    const commandName = (body.data as { name?: unknown } | undefined)?.name;
    const inv = commandName === ALERTS_COMMAND ? fromInteractionBody(body) : { error: `unknown command "${String(commandName)}"` };
    if ('error' in inv) {
      const reply: CommandReply = { ok: false, ephemeral: true, title: 'Could not read the command', lines: [inv.error, 'Try /alerts help'] };
      return jsonResponse(200, { type: CHANNEL_MESSAGE, data: toDiscordReply(reply) });
    }
    const work = runInvocation(inv, opts.deps, clock());
    const raced = rest ? await raceDeadline(work, opts.ackDeadlineMs) : { done: true as const, value: await work };
    if (raced.done) return jsonResponse(200, { type: CHANNEL_MESSAGE, data: toDiscordReply(raced.value) });

    const { applicationId } = opts.followUp as { applicationId: string };
    const token = String(body.token);
    void raced.later
      .then((reply) => rest?.patch(Routes.webhookMessage(applicationId, token), { body: toDiscordReply(reply), auth: false }))
      .catch((err: unknown) => opts.onError?.(err));
    return jsonResponse(200, { type: DEFERRED_CHANNEL_MESSAGE, data: { flags: 64 } });
  };
}
