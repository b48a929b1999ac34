import type { Analysis, GroupingMisses, KindMetrics, PairScores } from '../detect';
import { KINDS, type Kind } from '../model';

export interface Labelled {
  id: string;
  title: string | null;
  summary: string | null;
  label: string;
  lang?: string | null;
  date?: string | null;
  event?: string | null;
}

export interface EvaluationView {
  rows: Labelled[];
  kinds: Kind[][];
  analyses: Analysis[];
  metrics: Record<Kind, KindMetrics>;
  languages: { lang: string; items: number; metrics: Record<Kind, KindMetrics> }[];
  incidents?: PairScores;
  /** Set with `--misses`: then every detection error is listed with its rule trace. */
  misses?: GroupingMisses;
  incidentOf: (string | null)[];
}

const f3 = (x: number) => x.toFixed(3);

function line(name: string, m: KindMetrics): string {
  return `${name.padEnd(12)} precision ${f3(m.precision)}  recall ${f3(m.recall)}  f1 ${f3(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
}

function short(r: Labelled): string {
  return (r.title ?? r.summary ?? '').replace(/\s+/g, ' ').slice(0, 100);
}

/** Why the detector decided as it did for one kind: the `analyse()` verdict. */
function trace(a: Analysis | undefined, kind: Kind): string[] {
  const v = a?.verdicts.find((x) => x.kind === kind);
  if (!v) return ['      (no verdict)'];
  const out = [`      ${kind}: score ${v.score} / threshold ${v.threshold}; rules ${v.rules.join(', ') || 'none'}; exclusions ${v.exclusions.join(', ') || 'none'}`];
  for (const n of v.notes) out.push(`      · ${n}`);
  return out;
}

function detectionMisses(view: EvaluationView): string[] {
  const out: string[] = [];
  for (const kind of KINDS) {
    const fn: string[] = [];
    const fp: string[] = [];
    view.rows.forEach((r, i) => {
      const found = (view.kinds[i] ?? []).includes(kind);
      if (r.label === kind && !found) fn.push(...[`  ${r.id} [${r.lang ?? '?'}] ${short(r)}`, ...trace(view.analyses[i], kind)]);
      // An item of one kind that also reports the other (MULTI) is not a false positive of it.
      if (r.label === 'other' && found) fp.push(...[`  ${r.id} [${r.lang ?? '?'}] ${short(r)}`, ...trace(view.analyses[i], kind)]);
    });
    out.push(`${kind} false negatives:`, ...(fn.length ? fn : ['  none']));
    out.push(`${kind} false positives:`, ...(fp.length ? fp : ['  none']));
  }
  return out;
}

function groupMisses(view: EvaluationView, m: GroupingMisses): string[] {
  const item = (i: number) => {
    const r = view.rows[i];
    return r ? `    ${r.id} [${r.lang ?? '?'}] ${r.date ?? 'undated'} ${short(r)}` : '';
  };
  const out = ['grouping: events split apart:'];
  for (const s of m.split) {
    out.push(`  ${s.event}`);
    for (const [inc, idx] of Object.entries(s.parts)) out.push(`   ${inc === 'none' ? '(not detected)' : inc}:`, ...idx.map(item));
  }
  if (!m.split.length) out.push('  none');
  out.push('grouping: different events merged:');
  for (const g of m.merged) {
    out.push(`  ${g.incident}`);
    for (const [event, idx] of Object.entries(g.events)) out.push(`   ${event}:`, ...idx.map(item));
  }
  if (!m.merged.length) out.push('  none');
  return out;
}

/** The text output of `tocsin evaluate`. */
export function renderReport(view: EvaluationView): string[] {
  const out = [`${view.rows.length} items`, line('attack', view.metrics.attack), line('alert_level', view.metrics.alert_level)];
  if (view.incidents) {
    const s = view.incidents;
    out.push(`${'incidents'.padEnd(12)} pairs precision ${f3(s.pairs_precision)}  pairs recall ${f3(s.pairs_recall)}  f1 ${f3(s.f1)}`);
  }
  out.push('per language (attack P/R · alert_level P/R):');
  for (const l of view.languages) {
    const pr = (m: KindMetrics) => `${f3(m.precision)}/${f3(m.recall)} (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
    out.push(`  ${l.lang.padEnd(3)} ${String(l.items).padStart(4)} items  attack ${pr(l.metrics.attack)}  alert_level ${pr(l.metrics.alert_level)}`);
  }
  if (view.misses) return [...out, ...detectionMisses(view), ...groupMisses(view, view.misses)];
  view.rows.forEach((r, i) => {
    const k = view.kinds[i] ?? [];
    const wrong = (r.label === 'other' && k.length > 0) || (r.label !== 'other' && !k.includes(r.label as Kind));
    if (wrong) out.push(`  miss ${r.id}: label ${r.label}, found ${k.join('+') || 'nothing'} — ${short(r).slice(0, 90)}`);
  });
  return out;
}
