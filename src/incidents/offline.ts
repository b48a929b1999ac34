import type { Detection, Incident } from '../model';
import { candidateOf, decideGroup } from './grouping';
import { mergeReport, openIncident } from './record';
import { distinctiveTerms } from './terms';

export interface OfflineReport {
  key: string;
  detection: Detection;
  title: string;
  summary: string;
  /** ISO date or instant; undefined when unknown. */
  at?: string;
}

/**
 * Groups reports as the bot would, without a store: in date order, undated ones last
 * (in input order). Returns the incident id of each report, by key.
 */
export function groupOffline(reports: readonly OfflineReport[], now: Date): Map<string, string> {
  const ordered = reports
    .map((r, i) => ({ r, i, t: r.at ? Date.parse(r.at) : Number.NaN }))
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
    const decision = decideGroup(candidateOf(r.detection, text, at), incidents);
    const input = {
      detection: r.detection,
      // An undated report carries no time: it neither stretches nor limits the incident's span.
      report: { itemId: r.key, sourceId: 'evaluate', title: r.title, language: r.detection.language, at: at ?? '' },
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
