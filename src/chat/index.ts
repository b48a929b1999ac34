/** Chat platforms: thin adapters between Discord/Slack and the `/alerts` command core. */
export * as discord from './discord';
export * as slack from './slack';
export { raceDeadline, ACK_DEADLINE_MS } from './reply-deadline';
