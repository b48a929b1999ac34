import { parseChannelKey, type ChannelRef, type Incident, type Platform, type Subscription } from '../model';
import type { Store } from '../store/port';
import { incidentMessage, type MessageOptions } from '../format';
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
      return await bringUpToDate(incident, channel, sender, deps);
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

async function bringUpToDate(incident: Incident, channel: ChannelRef, sender: Sender, deps: DeliverDeps): Promise<JobOutcome> {
  const key = postKey(incident.id, `${channel.platform}-${channel.id}`);
  const record = await deps.store.getDelivery(incident.id, channel);
  const now = deps.clock();
  const message = incidentMessage(incident, deps.messageOptions);
  if (!record) {
    // After an unknown outcome (timeout, crash) the message may exist already: look before posting again.
    const retrying = !(await firstAttempt(deps, key));
    const found = retrying && sender.findPosted ? await sender.findPosted(channel.id, key) : undefined;
    const { ref } = found ?? (await sender.post(channel.id, message, { idempotencyKey: key }));
    await deps.store.putDelivery({ incidentId: incident.id, channel, messageRef: ref, version: incident.version, postedAt: now.toISOString() });
    deps.onDelivered?.(incident, channel, 'posted', ref);
    return { status: 'done' };
  }
  if (record.version >= incident.version) return { status: 'done' };
  const last = Date.parse(record.editedAt ?? record.postedAt);
  const wait = last + (deps.editCoalesceMs ?? EDIT_COALESCE_MS) - now.getTime();
  if (wait > 0) return { status: 'wait', ms: wait };
  await sender.edit(channel.id, record.messageRef, message);
  const notes = incident.changes.filter((c) => c.version > record.version).map((c) => c.note);
  // Record the edit first: a crash before the reply costs a reply, never a second edit storm.
  await deps.store.putDelivery({ ...record, version: incident.version, editedAt: now.toISOString() });
  if (notes.length) {
    await sender.reply(channel.id, record.messageRef, notes.join('\n'), { idempotencyKey: `${key}.v${incident.version}` });
  }
  deps.onDelivered?.(incident, channel, 'edited', record.messageRef);
  return { status: 'done' };
}
