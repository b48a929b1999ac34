import fs from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { loadDetector } from '../app';
import { readEnv } from '../config/env';
import { kindMetrics, pairwiseIncidentScores } from '../detect';
import { groupOffline, type OfflineReport } from '../incidents';
import type { Detection, Kind } from '../model';
import { CliError, print } from './errors';

interface Labelled {
  id: string;
  title: string | null;
  summary: string | null;
  label: string;
  lang?: string | null;
  date?: string | null;
  event?: string | null;
}

function readLabelled(file: string): Labelled[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const rows: Labelled[] = [];
  text.split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    let row: Labelled;
    try {
      row = JSON.parse(line) as Labelled;
    } catch {
      throw new CliError(`${file}:${n + 1}: not a JSON object`);
    }
    if (!row || typeof row !== 'object' || typeof row.label !== 'string') throw new CliError(`${file}:${n + 1}: needs a "label" (attack, alert_level or other)`);
    rows.push({ ...row, id: String(row.id ?? `line-${n + 1}`) });
  });
  return rows;
}

/** Strongest detection first: it opens the incident when the item joins none. */
function ordered(detections: Detection[]): Detection[] {
  return [...detections].sort((a, b) => b.score - a.score || (a.kind === 'attack' ? -1 : 1));
}

/** `tocsin evaluate <labelled.jsonl> [--json]` — detection and grouping scored against labels. */
export async function evaluate(file: string, opts: { json?: boolean }): Promise<number> {
  const rows = readLabelled(file);
  const detector = loadDetector(readEnv(process.env));
  const bar = process.stderr.isTTY ? new SingleBar({ clearOnComplete: true, stream: process.stderr }, Presets.shades_classic) : undefined;
  bar?.start(rows.length, 0);
  const detections = rows.map((r) => {
    const found = detector.detect({ title: r.title ?? '', summary: r.summary ?? '', language: r.lang ?? undefined, published: r.date ?? undefined });
    bar?.increment();
    return found;
  });
  bar?.stop();
  const kinds: Kind[][] = detections.map((ds) => [...new Set(ds.map((d) => d.kind))]);
  const metrics = kindMetrics(rows, kinds);
  const reports: OfflineReport[] = [];
  rows.forEach((r, i) => {
    const found = ordered(detections[i] ?? []);
    if (found.length) reports.push({ key: String(i), detections: found, title: r.title ?? '', summary: r.summary ?? '', at: r.date ?? undefined });
  });
  const grouped = groupOffline(reports, new Date());
  const incidentOf = rows.map((_, i) => grouped.get(String(i)) ?? null);
  const withEvents = rows.some((r) => typeof r.event === 'string' && r.event);
  const result = {
    items: rows.length,
    attack: metrics.attack,
    alert_level: metrics.alert_level,
    ...(withEvents ? { incidents: pairwiseIncidentScores(rows, incidentOf) } : {}),
    predictions: rows.map((r, i) => ({ id: r.id, kinds: kinds[i] ?? [], incident: incidentOf[i] ?? null })),
  };
  if (opts.json) {
    print(JSON.stringify(result));
    return 0;
  }
  const line = (name: string, m: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }) =>
    `${name.padEnd(12)} precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  f1 ${m.f1.toFixed(3)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
  print(`${rows.length} items`);
  print(line('attack', metrics.attack));
  print(line('alert_level', metrics.alert_level));
  if (result.incidents) {
    const s = result.incidents;
    print(`${'incidents'.padEnd(12)} pairs precision ${s.pairs_precision.toFixed(3)}  pairs recall ${s.pairs_recall.toFixed(3)}  f1 ${s.f1.toFixed(3)}`);
  }
  rows.forEach((r, i) => {
    const k = kinds[i] ?? [];
    const wrong = (r.label === 'other' && k.length > 0) || (r.label !== 'other' && !k.includes(r.label as Kind));
    if (wrong) print(`  miss ${r.id}: label ${r.label}, found ${k.join('+') || 'nothing'} — ${(r.title ?? r.summary ?? '').slice(0, 90)}`);
  });
  return 0;
}
