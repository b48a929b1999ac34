import type { CommandSpec } from './command-spec';
import { makeHelp } from './help';
import { parseCommandText } from './parse-args';
import { recent } from './recent';
import type { CommandReply } from './reply';
import { refuse } from './reply';
import type { CommandDeps, CommandRequest } from './request';
import { sources } from './sources';
import { status } from './status';
import { subscribe } from './subscribe';
import { subscriptions } from './subscriptions';
import { test } from './test';
import { unsubscribe } from './unsubscribe';

const help = makeHelp(() => COMMANDS);
/** Every `/alerts` subcommand, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [status, recent, subscriptions, sources, subscribe, unsubscribe, test, help];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function usage(title: string, problem: string, spec?: CommandSpec): CommandReply {
  const hint = spec ? `Usage: /alerts ${spec.usage}` : `Subcommands: ${COMMANDS.map((c) => c.name).join(', ')} — try /alerts help`;
  return refuse(title, [problem, hint]);
}

/**
 * Runs one request. Never throws: a bad request gets a usage reply, a refused one a
 * clear refusal (with nothing changed), a failing store a short apology.
 */
export async function dispatch(req: CommandRequest, deps: CommandDeps): Promise<CommandReply> {
  const spec = findCommand(req.subcommand);
  if (!spec) return usage('Unknown subcommand', `"${req.subcommand}" is not an /alerts subcommand.`);
  const unknown = Object.keys(req.args).filter((k) => !spec.args.includes(k));
  if (unknown.length) {
    return usage('Unknown option', `${spec.name} does not take ${unknown.map((k) => `"${k}"`).join(', ')}.`, spec);
  }
  if (spec.admin && !req.user.isAdmin) {
    return refuse('Admins only', [
      `/alerts ${spec.name} changes what this channel receives, so only admins may run it. Nothing was changed.`,
      'Discord: Manage Server or Manage Channels. Slack: workspace admins and owners, or users listed in TOCSIN_SLACK_ADMINS.',
    ]);
  }
  try {
    return await spec.run(req, deps);
  } catch (err) {
    deps.onError?.(err, req);
    const kind = err instanceof Error ? err.name : 'error';
    return refuse('Something went wrong', [`Tocsin could not complete /alerts ${spec.name} (${kind}). Try again shortly.`]);
  }
}

/** Slack-style text (`subscribe countries=FR,GB`) straight to a reply. */
export async function dispatchText(
  text: string,
  base: Omit<CommandRequest, 'subcommand' | 'args'>,
  deps: CommandDeps,
): Promise<CommandReply> {
  const parsed = parseCommandText(text, (name) => findCommand(name)?.positional);
  if ('error' in parsed) return usage('Could not read the command', parsed.error, findCommand(parsed.subcommand));
  return dispatch({ ...base, subcommand: parsed.subcommand, args: parsed.args }, deps);
}
