import type { AuthorizeResult, Receiver } from '@slack/bolt';
import { App, LogLevel } from '@slack/bolt';
import type { CommandDeps } from '../../commands';
import { slackAdminCheck } from './admin-check';
import { registerAlertsCommand } from './alerts-listener';

/** What every Slack transport (HTTP on our server, Socket Mode) needs. */
export interface SlackAppOptions {
  /** Needed for users.info; without it only `admins` count. */
  botToken?: string;
  /** Given, Bolt can ignore the bot's own events without asking `auth.test`. */
  botId?: string;
  botUserId?: string;
  /** Slack Web API base, e.g. `http://127.0.0.1:9998/api/`. */
  apiUrl?: string;
  /** TOCSIN_SLACK_ADMINS. */
  admins: readonly string[];
  deps: CommandDeps;
  clock?: () => Date;
  ackDeadlineMs?: number;
  onError?: (err: unknown) => void;
}

export type SlackTransport = { receiver: Receiver } | { socketMode: true; appToken: string };

/** A Bolt app with the `/alerts` listener, for either transport. */
export function buildAlertsApp(opts: SlackAppOptions, transport: SlackTransport): App {
  // Our own authorize: Bolt then never calls auth.test (at start-up or per event), so
  // start-up does not depend on reaching Slack and no rejected promise is left unhandled.
  const authorization: AuthorizeResult = { botToken: opts.botToken, botId: opts.botId, botUserId: opts.botUserId };
  const app = new App({
    ...transport,
    authorize: async () => authorization,
    logLevel: LogLevel.ERROR,
    clientOptions: { timeout: 10_000, ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}) },
  });
  app.error(async (err) => opts.onError?.(err));
  registerAlertsCommand(app, {
    deps: opts.deps,
    isAdmin: slackAdminCheck({ botToken: opts.botToken, apiUrl: opts.apiUrl, admins: opts.admins, onError: opts.onError }),
    clock: opts.clock ?? (() => new Date()),
    ackDeadlineMs: opts.ackDeadlineMs,
    onError: opts.onError,
  });
  return app;
}
