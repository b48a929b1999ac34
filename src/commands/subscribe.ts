import type { Subscription } from '../model';
import type { CommandSpec } from './command-spec';
import { describeSubscription } from './describe-subscription';
import { confirm, refuse } from './reply';
import { parseSubscriptionArgs } from './subscription-args';

const USAGE =
  'Usage: /alerts subscribe [countries=FR,GB] [kinds=attack,alert_level] [min-severity=low|medium|high|critical] [languages=en,fr] — a filter left out means everything';

/** `subscribe …` (admins): replace what this channel receives. */
export const subscribe: CommandSpec = {
  name: 'subscribe',
  usage: 'subscribe [countries=FR,GB] [kinds=attack,alert_level] [min-severity=high] [languages=en,fr]',
  summary: 'replace what this channel receives (admins)',
  admin: true,
  args: ['countries', 'kinds', 'min-severity', 'languages'],
  async run(req, deps) {
    const filters = parseSubscriptionArgs(req.args);
    if ('errors' in filters) return refuse('Subscription not changed', [...filters.errors, USAGE]);
    // A new subscription also clears a "broken" mark: the admin is asking to try again.
    const sub: Subscription = { channel: req.channel, ...filters, createdAt: req.now.toISOString() };
    await deps.store.putSubscription(sub);
    return confirm('Subscribed', ['This channel now receives:', ...describeSubscription(sub)]);
  },
};
