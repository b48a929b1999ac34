import fs from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { loadDetector } from '../app';
import { readEnv } from '../config/env';
import { groupingMisses, kindMetrics, languageMetrics, pairwiseIncidentScores, type Analysis, type Detector } from '../detect';
import type { Kind } from '../model';
import { groupItems } from '../pipeline/group-items';
import { CliError, print } from './errors';
import { renderReport, type Labelled } from './evaluate-report';

export function readLabelled(file: string): Labelled[] {
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

/** Detection and grouping of labelled rows, as `tocsin evaluate` scores them. */
export async function evaluateRows(rows: Labelled[], detector: Detector, onItem?: () => void) {
  const analyses: Analysis[] = rows.map((r) => {
    const found = detector.analyse({ title: r.title ?? '', summary: r.summary ?? '', language: r.lang ?? undefined, published: r.date ?? undefined });
    onItem?.();
    return found;
  });
  const kinds: Kind[][] = analyses.map((a) => [...new Set(a.detections.map((d) => d.kind))]);
  const metrics = kindMetrics(rows, kinds);
  const incidentOf = await groupItems(
    rows.map((r, i) => ({
      id: r.id,
      // Strongest detection first: it opens the incident when the item joins none.
      detections: [...(analyses[i]?.detections ?? [])].sort((a, b) => b.score - a.score || (a.kind === 'attack' ? -1 : 1)),
      title: r.title ?? '',
      summary: r.summary ?? '',
      date: r.date ?? undefined,
    })),
  );
  const withEvents = rows.some((r) => typeof r.event === 'string' && r.event);
  const result = {
    items: rows.length,
    attack: metrics.attack,
    alert_level: metrics.alert_level,
    ...(withEvents ? { incidents: pairwiseIncidentScores(rows, incidentOf) } : {}),
    predictions: rows.map((r, i) => ({ id: r.id, kinds: kinds[i] ?? [], incident: incidentOf[i] ?? null })),
  };
  return { result, analyses, kinds, metrics, incidentOf };
}

/**
 * `tocsin evaluate <labelled.jsonl> [--json] [--misses]` — detection and grouping scored
 * against labels; grouping runs the bot's own `groupReport` over an in-memory store.
 */
export async function evaluate(file: string, opts: { json?: boolean; misses?: boolean }): Promise<number> {
  const rows = readLabelled(file);
  const detector = loadDetector(readEnv(process.env));
  const bar = process.stderr.isTTY ? new SingleBar({ clearOnComplete: true, stream: process.stderr }, Presets.shades_classic) : undefined;
  bar?.start(rows.length, 0);
  const { result, analyses, kinds, metrics, incidentOf } = await evaluateRows(rows, detector, () => bar?.increment());
  bar?.stop();
  if (opts.json) {
    print(JSON.stringify(result));
    return 0;
  }
  const lines = renderReport({
    rows,
    kinds,
    analyses,
    metrics,
    languages: languageMetrics(rows, kinds),
    incidents: result.incidents,
    misses: opts.misses ? groupingMisses(rows, incidentOf) : undefined,
    incidentOf,
  });
  for (const l of lines) print(l);
  return 0;
}
