import type { CommandSpec } from './command-spec';
import { describeSubscription } from './describe-subscription';
import { answer } from './reply';

/** `subscriptions`: what this channel receives. */
export const subscriptions: CommandSpec = {
  name: 'subscriptions',
  usage: 'subscriptions',
  summary: 'what this channel receives',
  admin: false,
  args: [],
  async run(req, deps) {
    const sub = await deps.store.getSubscription(req.channel);
    if (!sub) return answer('Subscription', ['This channel is not subscribed. An admin can run /alerts subscribe.']);
    return answer('Subscription', describeSubscription(sub));
  },
};
