import { channelKey, type Incident } from '../model';
import { route } from '../routing';
import type { DeliveryJob } from '../delivery/outbox-port';
import type { PipelineDeps } from './deps';

/** Job ids carry no `:` (BullMQ) and are the same for the same incident, version and channel. */
export function deliveryJobId(incidentId: string, version: number, channel: string): string {
  return `${incidentId}.v${version}.${channel.replace(/:/g, '-')}`;
}

/** Route an incident at its current version and hand one job per channel to the outbox. */
export async function enqueueDeliveries(incident: Incident, deps: PipelineDeps): Promise<number> {
  const stored = await deps.store.listSubscriptions();
  const subs = stored.length ? stored : deps.fallbackSubscriptions;
  const now = deps.clock().toISOString();
  const jobs: DeliveryJob[] = route(incident, subs).map((s) => {
    const channel = channelKey(s.channel);
    return { id: deliveryJobId(incident.id, incident.version, channel), incidentId: incident.id, version: incident.version, channel, enqueuedAt: now };
  });
  if (jobs.length) await deps.outbox.enqueue(jobs);
  return jobs.length;
}
