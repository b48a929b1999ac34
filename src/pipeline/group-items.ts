import type { Detection } from '../model';
import { distinctiveTerms, type ReportInput } from '../incidents';
import type { MessageOptions } from '../format/incident-message';
import { MemoryStore } from '../store/memory-store';
import { groupReport } from './record-incident';
import { groupLevelReport } from './record-level';

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
    // As `tocsin run` does, every detection of the item is recorded: attacks through the incident
    // grouping, level news through the level path. The item is scored with the incident it joined
    // (level news first: the attack that prompted a change is its context), else the one it opened.
    const results: { kind: string; incident: string; joined: boolean }[] = [];
    for (const input of inputs) {
      const r = input.detection.kind === 'alert_level' ? await groupLevelReport(input, deps) : await groupReport(input, deps);
      if (r) results.push({ kind: input.detection.kind, incident: r.incident.id, joined: r.outcome !== 'opened' });
    }
    const chosen = results.filter((r) => r.joined).sort((a, b) => Number(b.kind === 'alert_level') - Number(a.kind === 'alert_level'))[0] ?? results[0];
    if (chosen) out[i] = chosen.incident;
  }
  return out;
}
