import { parseChannelKey, readingPrefs, type ChannelRef, type DeliveryRecord, type Incident, type Platform, type Subscription } from '../model';
import type { Store } from '../store/port';
import { incidentMessage, renderChange, type AlertMessage, type MessageOptions } from '../format';
import type { DeliveryJob, JobHandler, JobOutcome } from './outbox-port';
import { DeliveryError, type Sender } from './port';

/** At most one edit per incident per channel per minute: later facts wait and ride along. */
export const EDIT_COALESCE_MS = 60_000;

export interface DeliverDeps {
  store: Pick<Store, 'getIncident' | 'getSubscription' | 'putSubscription' | 'getDelivery' | 'putDelivery' | 'tryLock' | 'unlock'>;
  senders: Partial<Record<Platform, Sender>>;
  /** Subscriptions that exist without being stored (the console when nothing is configured). */
  fallbackSubscriptions: Subscription[];
  messageOptions: MessageOptions;
  clock: () => Date;
  /** Minimum time between two edits of one message (default EDIT_COALESCE_MS). */
  editCoalesceMs?: number;
  /**
   * How long one handler may hold a message's lock: longer than a post + edit + reply can
   * take (three platform timeouts), short enough that a crashed process's lock lapses soon.
   */
  lockTtlMs?: number;
  notifyOps: (text: string) => Promise<void>;
  /** Removes secret values from platform error texts before they are stored or shown. */
  scrub?: (text: string) => string;
  /** `messageRef`: the platform's message id (Discord id, Slack ts), for the log. */
  onDelivered?: (incident: Incident, channel: ChannelRef, action: 'posted' | 'edited', messageRef?: string) => void;
}

/** 403/404 and the platforms' "no such channel / no access" errors; a 400 is our message's fault, not the channel's. */
function channelGone(e: DeliveryError): boolean {
  if (e.messageGone) return false;
  return e.status === 403 || e.status === 404 || /channel_not_found|not_in_channel|is_archived|Unknown Channel|Missing Access|Missing Permissions/i.test(e.message);
}

/** The message of one incident in one channel, independent of version: a retry or a racing job finds it. */
export function postKey(incidentId: string, channel: string): string {
  return `${incidentId}.${channel}`;
}

/** Brings one channel's message for an incident up to the incident's latest version. */
export function createDeliverHandler(deps: DeliverDeps): JobHandler {
  return async (job: DeliveryJob, attempt: number): Promise<JobOutcome> => {
    const channel = parseChannelKey(job.channel);
    if ('error' in channel) return { status: 'failed', failure: 'permanent', reason: channel.error };
    const incident = await deps.store.getIncident(job.incidentId);
    if (!incident) return { status: 'done' };
    const sub =
      (await deps.store.getSubscription(channel)) ??
      deps.fallbackSubscriptions.find((s) => s.channel.platform === channel.platform && s.channel.id === channel.id);
    if (!sub || sub.broken) return { status: 'done' };
    const sender = deps.senders[channel.platform];
    if (!sender) return { status: 'failed', failure: 'permanent', reason: `${channel.platform} is not configured (no token)` };
    // One worker at a time per message: jobs of two versions must not both post it.
    const lockKey = `deliver-${incident.id}-${job.channel}`;
    const owner = `${job.id}-${attempt}`;
    if (!(await deps.store.tryLock(lockKey, owner, deps.lockTtlMs ?? 60_000))) return { status: 'wait', ms: 1000 };
    try {
      return await bringUpToDate(incident, channel, sender, deps, readerOptions(deps.messageOptions, sub));
    } catch (e) {
      if (!(e instanceof DeliveryError)) throw e;
      const message = (deps.scrub ?? ((t: string) => t))(e.message);
      if (e.failure === 'rate_limited') return { status: 'wait', ms: Math.max(e.retryAfterMs ?? 1000, 100) };
      if (e.failure === 'permanent' && channelGone(e)) {
        const reason = `${message}${e.status ? ` (HTTP ${e.status})` : ''}`;
        await deps.store.putSubscription({ ...sub, broken: { reason, at: deps.clock().toISOString() } });
        await deps.notifyOps(`Channel ${job.channel} refused Tocsin's message and was marked broken: ${reason}. Fix access, then subscribe it again.`);
      }
      return { status: 'failed', failure: e.failure, reason: message };
    } finally {
      await deps.store.unlock(lockKey, owner);
    }
  };
}

/** Records that a post was attempted; false when an earlier attempt (perhaps a crashed one) already did. */
function firstAttempt(deps: DeliverDeps, key: string): Promise<boolean> {
  return deps.store.tryLock(`posting-${key}`, 'tocsin', 7 * 86_400_000);
}

/** The message options for one channel: written in its language and zone. */
function readerOptions(base: MessageOptions, sub: Subscription): MessageOptions {
  const { locale, timezone } = readingPrefs(sub);
  return { ...base, locale, timeZone: timezone };
}

async function bringUpToDate(incident: Incident, channel: ChannelRef, sender: Sender, deps: DeliverDeps, opts: MessageOptions): Promise<JobOutcome> {
  const key = postKey(incident.id, `${channel.platform}-${channel.id}`);
  const record = await deps.store.getDelivery(incident.id, channel);
  const now = deps.clock();
  const message = incidentMessage(incident, opts);
  if (!record) {
    const ref = await postOnce(channel, sender, message, key, deps);
    await deps.store.putDelivery({ incidentId: incident.id, channel, messageRef: ref, version: incident.version, postedAt: now.toISOString() });
    deps.onDelivered?.(incident, channel, 'posted', ref);
    return { status: 'done' };
  }
  // An earlier attempt edited the message but its note did not go out: send only the note.
  if (record.version >= incident.version) return sendNotes(incident, record, sender, message, key, deps, opts);
  const last = Date.parse(record.editedAt ?? record.postedAt);
  const wait = last + (deps.editCoalesceMs ?? EDIT_COALESCE_MS) - now.getTime();
  if (wait > 0) return { status: 'wait', ms: wait };
  try {
    await sender.edit(channel.id, record.messageRef, message);
  } catch (e) {
    if (e instanceof DeliveryError && e.messageGone) return repost(incident, channel, sender, message, key, deps);
    throw e;
  }
  // Record the edit first: a crash before the note costs at most a retried note, never a second edit storm.
  const edited: DeliveryRecord = { ...record, version: incident.version, editedAt: now.toISOString(), notedVersion: record.notedVersion ?? record.version };
  await deps.store.putDelivery(edited);
  deps.onDelivered?.(incident, channel, 'edited', record.messageRef);
  return sendNotes(incident, edited, sender, message, key, deps, opts);
}

/** Posts a new top-level message once per key, even across an unknown outcome (timeout, crash). */
async function postOnce(channel: ChannelRef, sender: Sender, message: AlertMessage, key: string, deps: DeliverDeps): Promise<string> {
  const retrying = !(await firstAttempt(deps, key));
  const found = retrying ? await lookForPosted(channel, sender, key) : undefined;
  return (found ?? (await sender.post(channel.id, message, { idempotencyKey: key }))).ref;
}

/**
 * After an unknown outcome the message may exist already: look before posting again. A lookup
 * the platform refuses (Slack `not_in_channel`: a bot posting with chat:write.public cannot read
 * the channel's history) says nothing about the channel: treat it as "not found" and post again,
 * with the same idempotency key, rather than lose the alert or call the channel broken.
 */
async function lookForPosted(channel: ChannelRef, sender: Sender, key: string): Promise<{ ref: string } | undefined> {
  if (!sender.findPosted) return undefined;
  try {
    return await sender.findPosted(channel.id, key);
  } catch (e) {
    if (e instanceof DeliveryError && e.failure === 'permanent') return undefined;
    throw e;
  }
}

/**
 * The message was deleted (by a moderator): the channel is fine. The update goes out as a
 * fresh message showing the whole incident, which replaces the old one in the record; the
 * notes are not needed, the new message says it all.
 */
async function repost(incident: Incident, channel: ChannelRef, sender: Sender, message: AlertMessage, key: string, deps: DeliverDeps): Promise<JobOutcome> {
  const ref = await postOnce(channel, sender, message, `${key}.r${incident.version}`, deps);
  const at = deps.clock().toISOString();
  await deps.store.putDelivery({ incidentId: incident.id, channel, messageRef: ref, version: incident.version, postedAt: at, notedVersion: incident.version });
  deps.onDelivered?.(incident, channel, 'posted', ref);
  return { status: 'done' };
}

/**
 * The notes of the versions the thread has not heard of. A note the platform refuses for good
 * (no permission to start a thread, the thread or message deleted) is dropped: the edit
 * already shows the facts, and the channel is not broken. Other failures retry the note only.
 */
async function sendNotes(
  incident: Incident, record: DeliveryRecord, sender: Sender, message: AlertMessage, key: string, deps: DeliverDeps, opts: MessageOptions,
): Promise<JobOutcome> {
  const from = record.notedVersion ?? record.version;
  if (from >= incident.version) return { status: 'done' };
  // Each channel hears the change in its own language; records from before carry only the English note.
  const notes = incident.changes
    .filter((c) => c.version > from && c.version <= incident.version)
    .map((c) => (c.facts && renderChange(c.facts, opts)) || c.note);
  let threadRef = record.threadRef;
  if (notes.length) {
    try {
      const sent = await sender.reply(record.channel.id, record.messageRef, notes.join('\n'), {
        idempotencyKey: `${key}.v${incident.version}`,
        threadRef,
        threadName: message.title,
      });
      threadRef = sent.threadRef ?? threadRef;
    } catch (e) {
      if (!(e instanceof DeliveryError) || e.failure !== 'permanent') throw e;
      // A thread that is gone is forgotten, so the next note starts a new one.
      if (threadRef && channelGoneOrMissing(e)) threadRef = undefined;
    }
  }
  await deps.store.putDelivery({ ...record, notedVersion: incident.version, ...(threadRef ? { threadRef } : { threadRef: undefined }) });
  return { status: 'done' };
}

function channelGoneOrMissing(e: DeliveryError): boolean {
  return e.status === 404 || e.messageGone;
}
