/**
 * Slack side of `/alerts`: the signature-verified `POST /slack/events` handler (a Bolt
 * app behind our own HTTP server), Socket Mode, the admin check and Block Kit replies.
 */
export { createSlackHandler, type SlackHandlerOptions } from './events-endpoint';
export { buildAlertsApp, type SlackAppOptions, type SlackTransport } from './alerts-app';
export { createSlackSocketApp, type SlackSocketModeOptions } from './socket-mode';
export { registerAlertsCommand, SLASH_COMMAND, type AlertsListenerOptions } from './alerts-listener';
export { slackAdminCheck, type SlackAdminCheckOptions } from './admin-check';
export { toSlackReply, type SlackReply } from './render-reply';
export { checkSlackSignature, MAX_SKEW_SECONDS } from './verify-signature';
export { parseSlackBody } from './parse-body';
