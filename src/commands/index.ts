/**
 * The `/alerts` command, platform-neutral: requests in, plain-text replies out.
 * Platform adapters (src/chat/*) map their payloads to a `CommandRequest` and render
 * the `CommandReply`; the store is reached only through the injected port.
 */
export type { CommandRequest, CommandDeps, CommandStore, ConfiguredSource } from './request';
export type { CommandReply } from './reply';
export type { CommandSpec, Positional } from './command-spec';
export { dispatch, dispatchText, findCommand, COMMANDS } from './dispatch';
export { parseCommandText } from './parse-args';
export { describeLevel, levelName } from './status';
export { describeIncident } from './recent';
