/**
 * Recording fake Discord and Slack HTTP APIs on 127.0.0.1:0, with fault injection, for tests that
 * drive the real discord.js REST client and Slack WebClient. See fake-platforms-main.ts for a CLI.
 */
export * from './fake-platforms-http';
export * from './fake-platforms-discord';
export * from './fake-platforms-slack';
