import type { ChannelRef } from './channel';
import type { Kind } from './detection';
import type { Severity } from './severity';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, type Locale } from './locale';

/** What one channel receives. An empty list means "everything". */
export interface Subscription {
  channel: ChannelRef;
  countries: string[];
  kinds: Kind[];
  minSeverity: Severity;
  languages: string[];
  /** The language messages to this channel are written in; absent (records from before) means `en`. */
  locale?: Locale;
  /** IANA zone the channel's times are shown in; absent means `UTC`. */
  timezone?: string;
  createdAt: string;
  /** Set when the platform refused the channel for good (403/404); delivery stops. */
  broken?: { reason: string; at: string };
}

/** The channel's locale and zone, with the defaults for records written before they existed. */
export function readingPrefs(sub: Pick<Subscription, 'locale' | 'timezone'>): { locale: Locale; timezone: string } {
  return { locale: sub.locale ?? DEFAULT_LOCALE, timezone: sub.timezone ?? DEFAULT_TIMEZONE };
}
