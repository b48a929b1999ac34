/**
 * Severity of a detection (documented in docs/rules.md):
 * attack — critical: killed ≥ 10 or killed+injured ≥ 50; high: killed ≥ 1 or injured ≥ 10;
 *   medium: injured ≥ 1, or an actor or a terrorist qualifier; low otherwise.
 * alert_level — low when lowered; medium when maintained; critical when raised to (or
 *   set at) the highest level; high when raised; medium otherwise.
 */
import type { Casualties } from '../model/detection';
import type { Severity } from '../model/severity';

export function attackSeverity(c: Casualties, terror: boolean): Severity {
  const killed = c.killed ?? 0;
  const injured = c.injured ?? 0;
  if (killed >= 10 || killed + injured >= 50) return 'critical';
  if (killed >= 1 || injured >= 10) return 'high';
  if (injured >= 1 || terror) return 'medium';
  return 'low';
}

export function alertSeverity(tags: ReadonlySet<string>): Severity {
  const raised = tags.has('raised');
  if (tags.has('lowered') && !raised) return 'low';
  // A level kept where it was is news, not an escalation, even at the top.
  if (!raised && tags.has('maintained')) return 'medium';
  if (tags.has('highest')) return 'critical';
  if (raised) return 'high';
  return 'medium';
}
