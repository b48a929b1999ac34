import { levelKey, type Incident, type LevelChange, type LevelReading } from '../model';
import {
  candidateOf, findLevelIncident, undatedMisfit, joinLevelReport, LEVEL_JOIN_WINDOW_MS, levelChangeIncident, levelChangeIncidentId, levelReportOf, reportedLevelIncident,
  reportedLevelKey, settleReported, type ReportInput,
} from '../incidents';
import type { PipelineDeps } from './deps';
import { enqueueDeliveries } from './enqueue';
import { withLock, type RecordOutcome } from './record-incident';

/** Both sides of one level take the same lock: a report and the page's reading never open two incidents. */
function lockKey(key: string): string {
  return `level-${key}`;
}

/** What the news side of a level needs: `tocsin run` passes its pipeline deps, `tocsin evaluate` an in-memory store. */
type LevelGroupDeps = Pick<PipelineDeps, 'store' | 'clock' | 'random'>;

/** Open level incidents near `at`; an undated report (evaluation only) may be of any time. */
async function candidates(deps: LevelGroupDeps, at?: string): Promise<Incident[]> {
  const since = at === '' ? new Date(0) : new Date(deps.clock().getTime() - 2 * LEVEL_JOIN_WINDOW_MS);
  return deps.store.listIncidents({ since: since.toISOString(), kind: 'alert_level', limit: 500 });
}

/**
 * A news item reports a level change: open an incident "reported by <outlet>", or join the
 * one that already holds this change (from another outlet or from the official page).
 */
export async function recordLevelReport(input: ReportInput, deps: PipelineDeps): Promise<RecordOutcome | undefined> {
  const result = await groupLevelReport(input, deps);
  if (!result) return undefined;
  deps.metrics.incident(result.outcome);
  if (result.outcome !== 'unchanged') await enqueueDeliveries(result.incident, deps);
  return result.outcome;
}

/** The grouping half of `recordLevelReport`: the one path of `run` and `evaluate` for level news. */
export async function groupLevelReport(
  input: ReportInput, deps: LevelGroupDeps,
): Promise<{ incident: Incident; outcome: RecordOutcome } | undefined> {
  const report = levelReportOf(input);
  if (!report) return undefined;
  const key = reportedLevelKey(report);
  const now = deps.clock();
  const result = await withLock(deps, lockKey(key), async () => {
    let open = await candidates(deps, input.report.at);
    if (!input.report.at) {
      // Only `tocsin evaluate` has undated reports: the years and days their text names must fit, as for attacks.
      const c = candidateOf(input.detection, `${input.dateHint ?? ''} ${input.title} ${input.summary}`);
      open = open.filter((incident) => undatedMisfit(incident, c) === undefined);
    }
    const found = findLevelIncident(open, key, report.to?.rank, report.direction, input.report.at, input.terms);
    if (!found) {
      const incident = reportedLevelIncident(input, report, now);
      const existing = await deps.store.getIncident(incident.id);
      if (existing) return joinOrKeep(existing);
      await deps.store.putIncident(incident);
      return { incident, outcome: 'opened' as const };
    }
    return joinOrKeep(found);

    async function joinOrKeep(incident: Incident) {
      const joined = joinLevelReport(incident, input, report!, now);
      if (joined.duplicate) return { incident, outcome: 'duplicate' as const };
      await deps.store.putIncident(joined.incident);
      return { incident: joined.incident, outcome: joined.material ? ('updated' as const) : ('unchanged' as const) };
    }
  });
  return result;
}

/**
 * An official change: it confirms the incident a news report opened for it, or opens its
 * own. Either way the channels get one message for the change (an edit when it was reported).
 */
export async function recordOfficialChange(change: LevelChange, deps: PipelineDeps): Promise<Incident> {
  const key = levelKey(change.current);
  const now = deps.clock();
  const at = change.current.since ?? change.current.observedAt;
  const { incident, outcome } = await withLock(deps, lockKey(key), async () => {
    const own = await deps.store.getIncident(levelChangeIncident(change, now).id);
    if (own) return { incident: own, outcome: 'duplicate' as const };
    // Only a news-opened incident can hold this change under another id (once confirmed, with this very change).
    const reportedOnes = (await candidates(deps)).filter((c) => c.reported && (!c.level || levelChangeIncidentId(c.level) === levelChangeIncidentId(change)));
    const found = findLevelIncident(reportedOnes, key, change.current.rank, change.direction, at);
    const settled = found ? settleReported(found, change.current, change, now) : undefined;
    if (settled) {
      await deps.store.putIncident(settled);
      return { incident: settled, outcome: 'updated' as const };
    }
    if (found) return { incident: found, outcome: 'duplicate' as const };
    const opened = levelChangeIncident(change, now);
    await deps.store.putIncident(opened);
    return { incident: opened, outcome: 'opened' as const };
  });
  deps.metrics.incident(outcome);
  await enqueueDeliveries(incident, deps);
  return incident;
}

/**
 * A reading that is not a change (a baseline, or the same step again) can still settle a
 * report: the page reads the reported step (confirmed), or another one after the grace period.
 */
export async function settleReportsWith(reading: LevelReading, deps: PipelineDeps): Promise<void> {
  if (reading.scope !== 'national') return;
  const key = levelKey(reading);
  const now = deps.clock();
  const updated = await withLock(deps, lockKey(key), async () => {
    const open = (await candidates(deps)).filter((c) => c.key === key && c.reported && c.reported.status !== 'confirmed' && !c.level);
    const out: Incident[] = [];
    for (const incident of open) {
      const settled = settleReported(incident, reading, undefined, now);
      if (!settled) continue;
      await deps.store.putIncident(settled);
      out.push(settled);
    }
    return out;
  });
  for (const incident of updated) {
    deps.metrics.incident('updated');
    await enqueueDeliveries(incident, deps);
  }
}
