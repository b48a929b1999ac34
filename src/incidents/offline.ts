import type { Detection, Incident } from '../model';
import { candidateOf, decideGroup, type GroupDecision } from './grouping';
import { mergeReport, openIncident } from './record';
import { distinctiveTerms } from './terms';

export interface OfflineReport {
  key: string;
  /** One or two detections (an item may be both an attack and a level change). */
  detections: Detection[];
  title: string;
  summary: string;
  /** ISO date or instant; undefined when unknown. */
  at?: string;
}

/**
 * Groups reports as the bot would, without a store: in date order, undated ones last
 * (in input order). Returns the incident id of each report, by key.
 */
function score(d: GroupDecision): number {
  return d.action === 'join' ? d.match.score : Number.NEGATIVE_INFINITY;
}

export function groupOffline(reports: readonly OfflineReport[], now: Date): Map<string, string> {
  const ordered = reports
    // A date without a day ("2024-08") cannot place a report in a window of days.
    .map((r, i) => ({ r, i, t: r.at && /^\d{4}-\d{2}-\d{2}/.test(r.at) ? Date.parse(r.at) : Number.NaN }))
    .sort((a, b) => {
      const ad = Number.isNaN(a.t);
      const bd = Number.isNaN(b.t);
      if (ad !== bd) return ad ? 1 : -1;
      return ad ? a.i - b.i : a.t - b.t || a.i - b.i;
    });
  const incidents: Incident[] = [];
  const out = new Map<string, string>();
  for (const { r, t } of ordered) {
    const at = Number.isNaN(t) ? undefined : new Date(t).toISOString();
    const text = `${r.title} ${r.summary}`;
    // An item of both kinds is news of the level change when that change is already an incident (the
    // attack that prompted it is context); otherwise it joins what it fits best, or opens one of its first kind.
    // A partial date ("2024-03") still names its year.
    const partial = !at && r.at ? `${r.at} ` : '';
    const decisions = r.detections.map((detection) => ({ detection, decision: decideGroup(candidateOf(detection, `${partial}${text}`, at), incidents) }));
    const joined = decisions
      .filter((x) => x.decision.action === 'join')
      .sort((a, b) => Number(b.detection.kind === 'alert_level') - Number(a.detection.kind === 'alert_level') || score(b.decision) - score(a.decision))[0];
    const first = decisions[0];
    if (!first) continue;
    const { detection, decision } = joined ?? first;
    const input = {
      detection,
      // An undated report carries no time: it neither stretches nor limits the incident's span.
      report: { itemId: r.key, sourceId: 'evaluate', title: r.title, language: detection.language, at: at ?? '' },
      title: r.title,
      summary: r.summary,
      terms: distinctiveTerms(text),
    };
    if (decision.action === 'join') {
      const merged = mergeReport(decision.incident, input, now).incident;
      incidents[incidents.indexOf(decision.incident)] = merged;
      out.set(r.key, merged.id);
    } else {
      const opened = openIncident(input, now);
      incidents.push(opened);
      out.set(r.key, opened.id);
    }
  }
  return out;
}
