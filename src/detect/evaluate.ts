/**
 * Metrics for `tocsin evaluate` (INTERFACE.md): per-kind precision/recall/f1 of the
 * detector against labelled items, and pairwise scores of incident grouping.
 * 0/0 counts as 1 (nothing wrongly predicted, nothing missed). Figures keep 4 decimals.
 */
import type { Kind } from '../model/detection';
import { KINDS } from '../model/detection';

export interface LabelledItem {
  label: string;
  event?: string | null;
}

export interface KindMetrics {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PairScores {
  pairs_precision: number;
  pairs_recall: number;
  f1: number;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : Math.round((num / den) * 10000) / 10000;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : Math.round(((2 * p * r) / (p + r)) * 10000) / 10000;
}

/** Per kind: an item is positive when its label is the kind, predicted when the kind was found. */
export function kindMetrics(items: readonly LabelledItem[], predicted: readonly (readonly Kind[])[]): Record<Kind, KindMetrics> {
  const out = {} as Record<Kind, KindMetrics>;
  for (const kind of KINDS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((item, i) => {
      const p = (predicted[i] ?? []).includes(kind);
      const l = item.label === kind;
      if (p && l) tp++;
      else if (p) fp++;
      else if (l) fn++;
    });
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    out[kind] = { tp, fp, fn, precision, recall, f1: f1(precision, recall) };
  }
  return out;
}

/**
 * Pairs of items whose label is not `other` and that carry an event: predicted "same
 * incident" (both assigned the same non-null incident) against true "same event".
 */
export function pairwiseIncidentScores(
  items: readonly LabelledItem[], assignedIncident: readonly (string | null)[],
): PairScores {
  const eligible = items
    .map((item, i) => ({ event: item.event, label: item.label, incident: assignedIncident[i] ?? null }))
    .filter((x) => x.label !== 'other' && typeof x.event === 'string' && x.event !== '');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < eligible.length; i++) {
    for (let j = i + 1; j < eligible.length; j++) {
      const a = eligible[i];
      const b = eligible[j];
      if (!a || !b) continue;
      const same = a.event === b.event;
      const grouped = a.incident !== null && a.incident === b.incident;
      if (same && grouped) tp++;
      else if (grouped) fp++;
      else if (same) fn++;
    }
  }
  const pairs_precision = ratio(tp, tp + fp);
  const pairs_recall = ratio(tp, tp + fn);
  return { pairs_precision, pairs_recall, f1: f1(pairs_precision, pairs_recall) };
}

/** The kind figures of each language's items (`lang`, or `?` when unknown), languages by item count. */
export function languageMetrics(
  items: readonly (LabelledItem & { lang?: string | null })[], predicted: readonly (readonly Kind[])[],
): { lang: string; items: number; metrics: Record<Kind, KindMetrics> }[] {
  const byLang = new Map<string, number[]>();
  items.forEach((item, i) => {
    const lang = item.lang || '?';
    byLang.set(lang, [...(byLang.get(lang) ?? []), i]);
  });
  return [...byLang.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([lang, idx]) => ({ lang, items: idx.length, metrics: kindMetrics(idx.map((i) => items[i] as LabelledItem), idx.map((i) => predicted[i] ?? [])) }));
}

/** Grouping errors, told per event and per incident rather than pair by pair. */
export interface GroupingMisses {
  /** Events whose items ended in more than one incident (or in none): incident id (or `none`) → item indexes. */
  split: { event: string; parts: Record<string, number[]> }[];
  /** Incidents holding items of more than one event: event → item indexes. */
  merged: { incident: string; events: Record<string, number[]> }[];
}

export function groupingMisses(items: readonly LabelledItem[], assignedIncident: readonly (string | null)[]): GroupingMisses {
  const byEvent = new Map<string, Record<string, number[]>>();
  const byIncident = new Map<string, Record<string, number[]>>();
  items.forEach((item, i) => {
    if (item.label === 'other' || typeof item.event !== 'string' || !item.event) return;
    const inc = assignedIncident[i] ?? null;
    const parts = byEvent.get(item.event) ?? {};
    (parts[inc ?? 'none'] ??= []).push(i);
    byEvent.set(item.event, parts);
    if (inc === null) return;
    const events = byIncident.get(inc) ?? {};
    (events[item.event] ??= []).push(i);
    byIncident.set(inc, events);
  });
  return {
    split: [...byEvent.entries()].filter(([, p]) => Object.keys(p).length > 1).map(([event, parts]) => ({ event, parts })),
    merged: [...byIncident.entries()].filter(([, e]) => Object.keys(e).length > 1).map(([incident, events]) => ({ incident, events })),
  };
}
