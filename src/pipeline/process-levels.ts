import type { LevelReading } from '../model';
import { compareReading } from '../detect/level-change';
import { levelChangeIncident } from '../incidents';
import type { PipelineDeps } from './deps';
import { enqueueDeliveries } from './enqueue';

export interface LevelsOutcome {
  baseline: number;
  unchanged: number;
  changed: number;
}

/**
 * Official readings → changes → incidents → outbox. The stored level moves only after
 * the change's deliveries are queued; a crash in between replays into the same incident id.
 */
export async function processReadings(readings: LevelReading[], deps: PipelineDeps): Promise<LevelsOutcome> {
  const out: LevelsOutcome = { baseline: 0, unchanged: 0, changed: 0 };
  for (const reading of readings) {
    const previous = await deps.store.getLevel(reading.authority, reading.scope);
    const verdict = compareReading(previous, reading);
    if (verdict.outcome === 'changed' && verdict.change) {
      const existing = await deps.store.getIncident(levelChangeIncident(verdict.change, deps.clock()).id);
      const incident = existing ?? levelChangeIncident(verdict.change, deps.clock());
      if (!existing) await deps.store.putIncident(incident);
      deps.metrics.incident(existing ? 'duplicate' : 'opened');
      await enqueueDeliveries(incident, deps);
      deps.log.info({ authority: reading.authority, scope: reading.scope, from: previous?.name, to: reading.name }, 'alert level changed');
      out.changed++;
    } else {
      out[verdict.outcome === 'baseline' ? 'baseline' : 'unchanged']++;
    }
    // Without a date from the source: a change dates from when we saw it; a baseline has none.
    const since = reading.since ?? (verdict.outcome === 'changed' ? reading.observedAt : previous?.since);
    await deps.store.putLevel({ ...reading, since });
  }
  return out;
}
