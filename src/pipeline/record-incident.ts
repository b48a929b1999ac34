import type { Incident } from '../model';
import { candidateOf, decideGroup, mergeReport, openIncident, type ReportInput } from '../incidents';
import { updateNote } from '../format';
import type { PipelineDeps } from './deps';
import { enqueueDeliveries } from './enqueue';

const CANDIDATE_DAYS = 8;
const LOCK_TTL_MS = 10_000;

/** Replicas decide grouping one at a time per kind, so two reports of one event never open two incidents. */
export async function withLock<T>(deps: PipelineDeps, key: string, fn: () => Promise<T>): Promise<T> {
  const owner = `${process.pid}-${deps.random().toString(36).slice(2)}`;
  for (let i = 0; ; i++) {
    if (await deps.store.tryLock(key, owner, LOCK_TTL_MS)) break;
    if (i > 200) throw new Error(`could not take the lock ${key}`);
    await new Promise((r) => setTimeout(r, 25 + deps.random() * 50));
  }
  try {
    return await fn();
  } finally {
    await deps.store.unlock(key, owner);
  }
}

export type RecordOutcome = 'opened' | 'updated' | 'unchanged' | 'duplicate';

/** Group one detected report into an incident, store it, and enqueue what channels must see. */
export async function recordReport(input: ReportInput, deps: PipelineDeps): Promise<{ incident: Incident; outcome: RecordOutcome }> {
  const now = deps.clock();
  const result = await withLock(deps, `group-${input.detection.kind}`, async () => {
    const since = new Date(now.getTime() - CANDIDATE_DAYS * 86_400_000).toISOString();
    const candidates = await deps.store.listIncidents({ since, kind: input.detection.kind, limit: 500 });
    const decision = decideGroup(candidateOf(input.detection, `${input.title} ${input.summary}`, input.report.at), candidates);
    if (decision.action === 'open') {
      const incident = openIncident(input, now);
      await deps.store.putIncident(incident);
      return { incident, outcome: 'opened' as const };
    }
    const merged = mergeReport(decision.incident, input, now);
    if (merged.duplicate) return { incident: decision.incident, outcome: 'duplicate' as const };
    let incident = merged.incident;
    if (merged.material) {
      const note = updateNote(decision.incident, incident, deps.messageOptions);
      if (note) incident = { ...incident, changes: [...incident.changes, { version: incident.version, note }] };
    }
    await deps.store.putIncident(incident);
    return { incident, outcome: merged.material ? ('updated' as const) : ('unchanged' as const) };
  });
  deps.metrics.incident(result.outcome);
  // A duplicate is enqueued again too: if the first try stored the incident but failed to queue
  // its deliveries, the retry of the same item must not be lost. Job ids make this idempotent.
  if (result.outcome !== 'unchanged') await enqueueDeliveries(result.incident, deps);
  return result;
}
