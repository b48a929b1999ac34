/** One Sender per platform: Discord (REST), Slack (Web API), console (stdout). */
export { DiscordSender, discordNonce, type DiscordSenderOptions } from './discord-sender';
export { SlackSender, ALERT_EVENT_TYPE, type SlackSenderOptions } from './slack-sender';
export { ConsoleSender } from './console-sender';
export { discordFailure } from './discord-errors';
export { slackFailure } from './slack-errors';
