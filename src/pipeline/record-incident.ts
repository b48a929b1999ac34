import type { Incident } from '../model';
import {
  ATTACK_WINDOW_MS,
  candidateIndexKeys,
  candidateOf,
  decideGroup,
  LEVEL_WINDOW_MS,
  mergeReport,
  openIncident,
  type GroupDecision,
  type ReportInput,
} from '../incidents';
import { changeFacts, renderChange } from '../format';
import type { MessageOptions } from '../format/incident-message';
import type { Store } from '../store/port';
import type { PipelineDeps } from './deps';
import { enqueueDeliveries } from './enqueue';

const CANDIDATE_DAYS = 8;
const CANDIDATE_LIMIT = 500;
const LOCK_TTL_MS = 10_000;

/** What grouping needs: `tocsin run` passes its pipeline deps, `tocsin evaluate` an in-memory store and a clock per item. */
export interface GroupDeps {
  store: Pick<Store, 'findIncidents' | 'putIncident' | 'tryLock' | 'unlock'>;
  clock: () => Date;
  random: () => number;
  messageOptions: MessageOptions;
}

/** Replicas decide grouping one at a time per kind, so two reports of one event never open two incidents. */
export async function withLock<T>(deps: Pick<GroupDeps, 'store' | 'random'>, key: string, fn: () => Promise<T>): Promise<T> {
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

/**
 * Which incident the report would join, or none: the candidates come from the store's index
 * (same place, area, actor, authority or country on a nearby day), never from a scan of all.
 */
export async function previewGroup(input: ReportInput, deps: Pick<GroupDeps, 'store' | 'clock'>): Promise<GroupDecision> {
  const d = input.detection;
  const at = input.report.at || undefined;
  const atMs = at ? Date.parse(at) : Number.NaN;
  // An undated report (evaluation only: the runtime dates every report) may be of any time.
  const since = Number.isNaN(atMs) ? undefined : new Date(Math.min(atMs, deps.clock().getTime()) - CANDIDATE_DAYS * 86_400_000).toISOString();
  const window = d.kind === 'attack' ? ATTACK_WINDOW_MS : LEVEL_WINDOW_MS;
  const keys = candidateIndexKeys(d, Number.isNaN(atMs) ? undefined : at, window);
  const candidates = await deps.store.findIncidents({ kind: d.kind, keys, since, limit: CANDIDATE_LIMIT });
  return decideGroup(candidateOf(d, `${input.dateHint ?? ''} ${input.title} ${input.summary}`, at), candidates);
}

/** Group one detected report into an incident and store it. The one grouping path of `run` and `evaluate`. */
export async function groupReport(input: ReportInput, deps: GroupDeps): Promise<{ incident: Incident; outcome: RecordOutcome }> {
  return withLock(deps, `group-${input.detection.kind}`, async () => {
    const now = deps.clock();
    const decision = await previewGroup(input, deps);
    if (decision.action === 'open') {
      const incident = openIncident(input, now);
      await deps.store.putIncident(incident);
      return { incident, outcome: 'opened' as const };
    }
    const merged = mergeReport(decision.incident, input, now);
    if (merged.duplicate) return { incident: decision.incident, outcome: 'duplicate' as const };
    let incident = merged.incident;
    if (merged.material) {
      // The facts are kept beside the English note so delivery can tell each channel in its language.
      const facts = changeFacts(decision.incident, incident);
      const note = facts && renderChange(facts, deps.messageOptions);
      if (facts && note) incident = { ...incident, changes: [...incident.changes, { version: incident.version, note, facts }] };
    }
    await deps.store.putIncident(incident);
    return { incident, outcome: merged.material ? ('updated' as const) : ('unchanged' as const) };
  });
}

/** Group one detected report into an incident, store it, and enqueue what channels must see. */
export async function recordReport(input: ReportInput, deps: PipelineDeps): Promise<{ incident: Incident; outcome: RecordOutcome }> {
  const result = await groupReport(input, deps);
  deps.metrics.incident(result.outcome);
  // A duplicate is enqueued again too: if the first try stored the incident but failed to queue
  // its deliveries, the retry of the same item must not be lost. Job ids make this idempotent.
  if (result.outcome !== 'unchanged') await enqueueDeliveries(result.incident, deps);
  return result;
}
