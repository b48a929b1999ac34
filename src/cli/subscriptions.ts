import { loadConfig, openConfiguredStore } from '../app';
import { parseSubscriptionArgs } from '../commands/subscription-args';
import { describeSubscription } from '../commands/describe-subscription';
import { channelKey, parseChannelKey, readingPrefs, type ChannelRef } from '../model';
import { CliError, print } from './errors';

function channelArg(text: string): ChannelRef {
  const c = parseChannelKey(text);
  if ('error' in c) throw new CliError(c.error, 2);
  return c;
}

export interface SubscribeFlags {
  countries?: string;
  kinds?: string;
  minSeverity?: string;
  languages?: string;
  locale?: string;
  timezone?: string;
}

/** `tocsin subscribe <platform>:<channel> [filters]` — add or replace the channel's subscription. */
export async function subscribe(target: string, flags: SubscribeFlags): Promise<number> {
  const channel = channelArg(target);
  const args: Record<string, string> = {};
  if (flags.countries !== undefined) args.countries = flags.countries;
  if (flags.kinds !== undefined) args.kinds = flags.kinds;
  if (flags.minSeverity !== undefined) args['min-severity'] = flags.minSeverity;
  if (flags.languages !== undefined) args.languages = flags.languages;
  if (flags.locale !== undefined) args.locale = flags.locale;
  if (flags.timezone !== undefined) args.timezone = flags.timezone;
  // The operator's path has no platform locale to default to: English unless told.
  const filters = parseSubscriptionArgs(args);
  if ('errors' in filters) throw new CliError(filters.errors.join('\n'), 2);
  const { env } = loadConfig(process.env);
  const store = await openConfiguredStore(env);
  try {
    const sub = { channel, ...filters, createdAt: new Date().toISOString() };
    await store.putSubscription(sub);
    print(`Subscribed ${channelKey(channel)}: ${describeSubscription(sub).join(' · ')}`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function unsubscribe(target: string): Promise<number> {
  const channel = channelArg(target);
  const { env } = loadConfig(process.env);
  const store = await openConfiguredStore(env);
  try {
    const removed = await store.deleteSubscription(channel);
    print(removed ? `Unsubscribed ${channelKey(channel)}.` : `${channelKey(channel)} had no subscription.`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function subscriptions(opts: { json?: boolean }): Promise<number> {
  const { env } = loadConfig(process.env);
  const store = await openConfiguredStore(env);
  try {
    const subs = await store.listSubscriptions();
    if (opts.json) {
      // Records from before languages carry no locale: show the one they are written in.
      print(JSON.stringify(subs.map((s) => ({ ...s, ...readingPrefs(s), channel: channelKey(s.channel) }))));
      return 0;
    }
    if (!subs.length) print('No subscriptions. With neither Discord nor Slack configured, alerts go to the console.');
    for (const s of subs) print(`${channelKey(s.channel)}: ${describeSubscription(s).join(' · ')}`);
    return 0;
  } finally {
    await store.close();
  }
}
