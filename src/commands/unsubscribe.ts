import type { CommandSpec } from './command-spec';
import { confirm } from './reply';

/** `unsubscribe` (admins): this channel stops receiving alerts. */
export const unsubscribe: CommandSpec = {
  name: 'unsubscribe',
  usage: 'unsubscribe',
  summary: 'stop sending alerts to this channel (admins)',
  admin: true,
  args: [],
  async run(req, deps) {
    const removed = await deps.store.deleteSubscription(req.channel);
    return removed
      ? confirm('Unsubscribed', ['This channel will receive no more alerts.'])
      : confirm('Not subscribed', ['This channel was not subscribed; nothing changed.']);
  },
};
