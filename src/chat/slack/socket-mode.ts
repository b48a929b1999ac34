import type { App } from '@slack/bolt';
import type { SlackAppOptions } from './alerts-app';
import { buildAlertsApp } from './alerts-app';

export interface SlackSocketModeOptions extends SlackAppOptions {
  /** SLACK_APP_TOKEN (`xapp-…`, scope `connections:write`). */
  appToken: string;
}

/**
 * `/alerts` over Socket Mode (SLACK_APP_TOKEN set): no public endpoint needed. Kept thin
 * — the app and listener are the ones the HTTP path uses; Slack's socket cannot be
 * reached from this machine, so this path is untested here.
 */
export function createSlackSocketApp(opts: SlackSocketModeOptions): { app: App; start(): Promise<void>; stop(): Promise<void> } {
  const app = buildAlertsApp(opts, { socketMode: true, appToken: opts.appToken });
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
