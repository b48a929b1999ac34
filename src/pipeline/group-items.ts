import type { Detection } from '../model';
import { distinctiveTerms, type GroupDecision, type ReportInput } from '../incidents';
import type { MessageOptions } from '../format/incident-message';
import { MemoryStore } from '../store/memory-store';
import { groupReport, previewGroup } from './record-incident';

/** One detected item to group, as `tocsin evaluate` reads it. */
export interface ItemToGroup {
  id: string;
  /** What the detector found, strongest first; empty when nothing. */
  detections: Detection[];
  title: string;
  summary: string;
  /** ISO date or instant; a partial date ("2024-03") or none leaves the report undated. */
  date?: string;
}

function score(d: GroupDecision): number {
  return d.action === 'join' ? d.match.score : Number.NEGATIVE_INFINITY;
}

/**
 * Groups items through the runtime's own `groupReport` over an in-memory store: in date
 * order, undated last in input order, each with its date as report time and as the clock.
 * Returns the incident id of each item (null when nothing was detected), in input order.
 */
export async function groupItems(items: readonly ItemToGroup[], messageOptions: MessageOptions = {}): Promise<(string | null)[]> {
  const store = new MemoryStore();
  let now = new Date(0);
  const deps = { store, clock: () => now, random: Math.random, messageOptions };
  const ordered = items
    // A date without a day cannot place a report in a window of days.
    .map((it, i) => ({ it, i, t: it.date && /^\d{4}-\d{2}-\d{2}/.test(it.date) ? Date.parse(it.date) : Number.NaN }))
    .sort((a, b) => {
      const ad = Number.isNaN(a.t);
      const bd = Number.isNaN(b.t);
      if (ad !== bd) return ad ? 1 : -1;
      return ad ? a.i - b.i : a.t - b.t || a.i - b.i;
    });
  const out: (string | null)[] = items.map(() => null);
  for (const { it, i, t } of ordered) {
    if (!it.detections.length) continue;
    if (!Number.isNaN(t)) now = new Date(t);
    const at = Number.isNaN(t) ? '' : new Date(t).toISOString();
    const inputs: ReportInput[] = it.detections.map((detection) => ({
      detection,
      // An undated report carries no time: it neither stretches nor limits the incident's span.
      report: { itemId: it.id, sourceId: 'evaluate', title: it.title, language: detection.language, at },
      title: it.title,
      summary: it.summary,
      terms: distinctiveTerms(`${it.title} ${it.summary}`),
      ...(Number.isNaN(t) && it.date ? { dateHint: it.date } : {}),
    }));
    // An item of both kinds is news of the level change when that change is already an incident (the
    // attack that prompted it is context); otherwise it joins what it fits best, or opens one of its first kind.
    const decisions = await Promise.all(inputs.map(async (input) => ({ input, decision: await previewGroup(input, deps) })));
    const joined = decisions
      .filter((x) => x.decision.action === 'join')
      .sort((a, b) => Number(b.input.detection.kind === 'alert_level') - Number(a.input.detection.kind === 'alert_level') || score(b.decision) - score(a.decision))[0];
    const chosen = joined ?? decisions[0];
    if (!chosen) continue;
    out[i] = (await groupReport(chosen.input, deps)).incident.id;
  }
  return out;
}
