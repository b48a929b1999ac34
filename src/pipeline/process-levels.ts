import type { LevelReading } from '../model';
import { compareReading } from '../detect/level-change';
import type { PipelineDeps } from './deps';
import { recordOfficialChange, settleReportsWith } from './record-level';

export interface LevelsOutcome {
  baseline: number;
  unchanged: number;
  changed: number;
}

/**
 * Official readings → changes → incidents → outbox. The stored level moves only after
 * the change's deliveries are queued; a crash in between replays into the same incident.
 * A change the news reported first is confirmed in that incident's message, not posted again.
 */
export async function processReadings(readings: LevelReading[], deps: PipelineDeps): Promise<LevelsOutcome> {
  const out: LevelsOutcome = { baseline: 0, unchanged: 0, changed: 0 };
  for (const reading of readings) {
    const previous = await deps.store.getLevel(reading.authority, reading.scope);
    const verdict = compareReading(previous, reading);
    if (verdict.outcome === 'changed' && verdict.change) {
      await recordOfficialChange(verdict.change, deps);
      deps.log.info({ authority: reading.authority, scope: reading.scope, from: previous?.name, to: reading.name }, 'alert level changed');
      out.changed++;
    } else {
      out[verdict.outcome === 'baseline' ? 'baseline' : 'unchanged']++;
      // No change, but the page may still confirm (or, late, dispute) a change the news reported.
      await settleReportsWith(reading, deps);
    }
    // Without a date from the source: a change dates from when we saw it; a baseline has none.
    const since = reading.since ?? (verdict.outcome === 'changed' ? reading.observedAt : previous?.since);
    await deps.store.putLevel({ ...reading, since });
  }
  return out;
}
