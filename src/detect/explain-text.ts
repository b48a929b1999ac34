/**
 * Human text for `tocsin explain "<text>"`: per detection its kind, severity, places,
 * countries, actors, casualties, rules, terms and exclusions; or "no detection" with
 * the exclusions and notes that explain why.
 */
import type { DetectInput, Detection } from '../model/detection';
import type { KindVerdict } from './detector';

function list(xs: readonly string[]): string {
  return xs.length === 0 ? '—' : xs.join(', ');
}

function casualtiesText(d: Detection): string {
  const parts: string[] = [];
  if (d.casualties.killed !== undefined) parts.push(`${d.casualties.killed} killed`);
  if (d.casualties.injured !== undefined) parts.push(`${d.casualties.injured} injured`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

function detectionText(d: Detection): string[] {
  const lines = [
    `${d.kind === 'attack' ? 'ATTACK' : 'ALERT LEVEL'} — severity ${d.severity} (score ${d.score})`,
    `  places:      ${list(d.places.map((p) => `${p.name} (${p.country})`))}`,
    `  countries:   ${list(d.countries)}`,
    `  actors:      ${list(d.actors)}${d.claimed ? ' — responsibility claimed' : ''}`,
    `  casualties:  ${casualtiesText(d)}`,
  ];
  if (d.authority !== undefined) lines.push(`  authority:   ${d.authority}`);
  lines.push(
    `  language:    ${d.language || '—'}`,
    `  rules:       ${list(d.explanation.rules)}`,
    `  terms:       ${list(d.explanation.terms.map((t) => `"${t}"`))}`,
    `  exclusions:  ${list(d.explanation.exclusions)}`,
  );
  for (const note of d.explanation.notes) lines.push(`  · ${note}`);
  return lines;
}

/** `verdicts` (from `detector.analyse`) adds why each kind was or was not detected. */
export function renderExplanation(detections: readonly Detection[], input: DetectInput, verdicts: readonly KindVerdict[] = []): string {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  const lines: string[] = [];
  if (title) lines.push(`Text: ${title}`);
  for (const d of detections) lines.push(...detectionText(d));
  const missed = verdicts.filter((v) => !detections.some((d) => d.kind === v.kind));
  if (detections.length === 0) lines.push('No detection.');
  for (const v of missed) {
    if (v.notes.length === 0 && v.exclusions.length === 0) continue;
    lines.push(`not ${v.kind} (score ${v.score} < ${v.threshold} or dropped):`);
    if (v.exclusions.length > 0) lines.push(`  exclusions:  ${list(v.exclusions)}`);
    for (const note of v.notes) lines.push(`  · ${note}`);
  }
  return lines.join('\n');
}
