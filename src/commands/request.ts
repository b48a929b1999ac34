import type { ChannelRef } from '../model';
import type { Store } from '../store/port';
import type { ReplyLanguages } from './reply-locale';

/** One `/alerts` invocation, whatever platform it came from. */
export interface CommandRequest {
  subcommand: string;
  /** Named arguments as typed (`countries`, `min-severity`, `hours`, …), values as strings. */
  args: Record<string, string>;
  channel: ChannelRef;
  user: { id: string; isAdmin: boolean };
  /** The Discord guild or Slack workspace (team) the request came from; absent in a DM. */
  tenant?: string;
  /** The asker's language as the platform says (Discord `locale`), e.g. `fr`, `pt-BR`. */
  userLocale?: string;
  /** The guild's language (Discord `guild_locale`): a new subscription's default locale. */
  tenantLocale?: string;
  now: Date;
}

/** The store subset the commands read and change. */
export type CommandStore = Pick<
  Store,
  | 'listLevels'
  | 'listIncidents'
  | 'listSubscriptions'
  | 'getSubscription'
  | 'putSubscription'
  | 'deleteSubscription'
  | 'listSourceStates'
>;

/** A source as configured in `sources.yaml` (only what `/alerts sources` shows). */
export interface ConfiguredSource {
  id: string;
  type: string;
  every: string;
}

export interface CommandDeps {
  store: CommandStore;
  sources: ConfiguredSource[];
  /** Posts a sample alert to the channel through the normal delivery path. */
  postSample: (channel: ChannelRef) => Promise<void>;
  /** Deliveries that gave up (dead letters), newest first, when the outbox can tell. */
  deadLetters?: (limit: number) => Promise<{ channel: string; incidentId: string; failure: string; reason: string; at: string }[]>;
  /** The guild (Discord) or workspace (Slack) a channel belongs to, when the platform says. */
  channelTenant?: (channel: ChannelRef) => Promise<string | undefined>;
  /** Catalogues and names for replies in the asker's language; absent: English. */
  languages?: ReplyLanguages;
  /** Told about unexpected failures (the reply only names the error's kind). */
  onError?: (err: unknown, req: CommandRequest) => void;
}
