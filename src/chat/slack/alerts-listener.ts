import type { App } from '@slack/bolt';
import type { CommandDeps } from '../../commands';
import { dispatchText, findCommand } from '../../commands';
import { raceDeadline } from '../reply-deadline';
import { toSlackReply } from './render-reply';

export const SLASH_COMMAND = '/alerts';

export interface AlertsListenerOptions {
  deps: CommandDeps;
  isAdmin: (userId: string) => Promise<boolean>;
  clock: () => Date;
  /** How long to wait for the reply before acking "working on it". */
  ackDeadlineMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * `/alerts …` on a Bolt app (HTTP or Socket Mode alike): ack with the reply when it is
 * ready in time, else ack "working on it" and answer through `respond` when done.
 */
export function registerAlertsCommand(app: App, opts: AlertsListenerOptions): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const text = command.text ?? '';
    const work = (async () => {
      // Only subcommands that answer admins differently cost a users.info call (bounded, inside the ack deadline).
      const first = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const spec = findCommand(first);
      const isAdmin = spec?.admin || spec?.moreForAdmins ? await opts.isAdmin(command.user_id) : false;
      const base = {
        channel: { platform: 'slack' as const, id: command.channel_id },
        user: { id: command.user_id, isAdmin },
        ...(command.team_id ? { tenant: command.team_id } : {}),
        now: opts.clock(),
      };
      return dispatchText(text, base, opts.deps);
    })();
    const raced = await raceDeadline(work, opts.ackDeadlineMs);
    if (raced.done) {
      await ack(toSlackReply(raced.value));
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    try {
      await respond({ ...toSlackReply(await raced.later), replace_original: true });
    } catch (err) {
      opts.onError?.(err);
    }
  });
}
