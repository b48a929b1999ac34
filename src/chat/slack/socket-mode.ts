import { LogLevel, SocketModeReceiver, type App } from '@slack/bolt';
import type { SlackAppOptions } from './alerts-app';
import { buildAlertsApp } from './alerts-app';

export interface SlackSocketModeOptions extends SlackAppOptions {
  /** SLACK_APP_TOKEN (`xapp-…`, scope `connections:write`). */
  appToken: string;
}

/**
 * `/alerts` over Socket Mode (SLACK_APP_TOKEN set): no public endpoint needed. Kept thin
 * — the app and listener are the ones the HTTP path uses. The receiver is built here so
 * `apps.connections.open` goes to SLACK_API_URL too (Bolt's own socket-mode receiver only
 * reads the installer's client options). It reconnects by itself after a `disconnect`.
 */
export function createSlackSocketApp(opts: SlackSocketModeOptions): { app: App; start(): Promise<void>; stop(): Promise<void> } {
  const receiver = new SocketModeReceiver({
    appToken: opts.appToken,
    logLevel: LogLevel.ERROR,
    installerOptions: { clientOptions: { timeout: 10_000, ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}) } },
  });
  const app = buildAlertsApp(opts, { receiver });
  return {
    app,
    async start() {
      await app.start();
    },
    async stop() {
      await app.stop();
    },
  };
}
