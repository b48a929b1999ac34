import { DEFAULT_LOCALE, localeOfTag, type Subscription } from '../model';
import type { CommandSpec } from './command-spec';
import { describeSubscription } from './describe-subscription';
import { confirm, refuse } from './reply';
import { parseSubscriptionArgs } from './subscription-args';

const USAGE =
  'Usage: /alerts subscribe [countries=FR,GB] [kinds=attack,alert_level] [min-severity=low|medium|high|critical] [languages=en,fr] [locale=fr] [timezone=Europe/Paris] — a filter left out means everything';

/** `subscribe …` (admins): replace what this channel receives. */
export const subscribe: CommandSpec = {
  name: 'subscribe',
  usage: 'subscribe [countries=FR,GB] [kinds=attack,alert_level] [min-severity=high] [languages=en,fr] [locale=fr] [timezone=Europe/Paris]',
  summary: 'replace what this channel receives (admins)',
  admin: true,
  args: ['countries', 'kinds', 'min-severity', 'languages', 'locale', 'timezone'],
  async run(req, deps) {
    // Without locale=…, the guild's language (Discord) where we have a catalogue for it, else English.
    const filters = parseSubscriptionArgs(req.args, localeOfTag(req.tenantLocale) ?? DEFAULT_LOCALE);
    if ('errors' in filters) return refuse('Subscription not changed', [...filters.errors, USAGE]);
    // A new subscription also clears a "broken" mark: the admin is asking to try again.
    const sub: Subscription = { channel: req.channel, ...filters, createdAt: req.now.toISOString() };
    await deps.store.putSubscription(sub);
    return confirm('Subscribed', ['This channel now receives:', ...describeSubscription(sub)]);
  },
};
