import type { CommandReply } from './reply';
import type { CommandDeps, CommandRequest } from './request';

/** A bare word in Slack text (`status FR`) taken as a named argument when it fits the pattern. */
export interface Positional {
  name: string;
  pattern: RegExp;
}

/** One subcommand: what it accepts, who may run it, and what it does. */
export interface CommandSpec {
  name: string;
  /** e.g. `recent [country] [hours]`. */
  usage: string;
  summary: string;
  /** Admin-only subcommands are refused for everyone else before `run`. */
  admin: boolean;
  /** Open to everyone, but admins see more (so the adapter must find out who is one). */
  moreForAdmins?: boolean;
  /** Named arguments it accepts. */
  args: readonly string[];
  positional?: readonly Positional[];
  run(req: CommandRequest, deps: CommandDeps): Promise<CommandReply>;
}
