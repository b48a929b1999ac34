import type { ChannelRef } from './channel';
import type { Kind } from './detection';
import type { Severity } from './severity';

/** What one channel receives. An empty list means "everything". */
export interface Subscription {
  channel: ChannelRef;
  countries: string[];
  kinds: Kind[];
  minSeverity: Severity;
  languages: string[];
  createdAt: string;
  /** Set when the platform refused the channel for good (403/404); delivery stops. */
  broken?: { reason: string; at: string };
}
