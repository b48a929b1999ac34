/** Issue 13 §11: a store outage is logged once per state change, with backoff — not every tick. */
import { OutageLog } from '../../src/observability/outage-log';
import { Scheduler } from '../../src/scheduler';
import { StoreUnavailableError } from '../../src/store';
import type { SourceState } from '../../src/model';

interface Line {
  level: 'error' | 'info' | 'warn' | 'debug';
  obj: Record<string, unknown>;
  msg?: string;
}

function recordingLog() {
  const lines: Line[] = [];
  const at = (level: Line['level']) => (obj: object, msg?: string) => lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, log: { error: at('error'), info: at('info'), warn: at('warn'), debug: at('debug') } };
}

describe('OutageLog', () => {
  it('logs the start, reminders after 1, 2, 4… minutes, and the end once', () => {
    const { lines, log } = recordingLog();
    let now = 0;
    const outage = new OutageLog(log, 'store', () => now);
    // An hour of failures, one a second, as one replica's scheduler would see them.
    for (; now < 3_600_000; now += 1000) outage.failed(new StoreUnavailableError('connect ECONNREFUSED'));
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors[0]).toMatchObject({ msg: 'store unreachable', obj: { err: 'connect ECONNREFUSED' } });
    // 1 + reminders at 1, 3, 7, 15, 31 minutes = 6 lines in the first hour, not 3,600.
    expect(errors.map((l) => l.msg)).toEqual(['store unreachable', ...Array(5).fill('store still unreachable')]);
    expect(errors[1]?.obj.failures).toBe(61);
    outage.succeeded();
    outage.succeeded();
    expect(lines.filter((l) => l.level === 'info')).toEqual([{ level: 'info', obj: { failures: 3600 }, msg: 'store reachable again' }]);
    // A new outage is news again.
    outage.failed(new Error('again'));
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'store unreachable' });
  });
});

describe('Scheduler during a store outage', () => {
  it('logs one error for 100 failed ticks, and one line when the store answers again', async () => {
    const { lines, log } = recordingLog();
    let down = true;
    const states: SourceState[] = [];
    const store = {
      listSourceStates: async () => {
        if (down) throw new StoreUnavailableError('redis: connection refused');
        return states;
      },
      getSourceState: async () => undefined,
      putSourceState: async () => undefined,
      tryLock: async () => false,
    };
    let now = Date.parse('2026-12-03T12:00:00Z');
    const scheduler = new Scheduler({ sources: [], store, poll: async () => undefined, log, clock: () => new Date(now), owner: 'replica-a' });
    for (let i = 0; i < 100; i++, now += 1000) await scheduler.tick();
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(2); // the start, and the reminder after a minute
    down = false;
    await scheduler.tick();
    await scheduler.tick();
    expect(lines.filter((l) => l.level === 'info').map((l) => l.msg)).toEqual(['store (scheduler) reachable again']);
  });
});
