import { describeHealth, levelHealth } from '../../src/commands/level-health';
import type { SourceState } from '../../src/model';
import { reading } from '../format/incident-fixtures';

const state = (over: Partial<SourceState>): SourceState => ({ id: 'mi5', baselined: true, consecutiveFailures: 0, health: 'healthy', ...over });

describe('levelHealth', () => {
  it('takes the later of the reading and its source’s last success (an unchanged page is still read right)', () => {
    const r = reading({ source: 'mi5', observedAt: '2024-03-23T08:05:00Z' });
    expect(levelHealth(r, new Map([['mi5', state({ lastSuccess: '2024-03-25T00:00:00Z' })]])).lastReadRight).toBe('2024-03-25T00:00:00Z');
    // Another replica read the page after this state was written: the reading is newer.
    expect(levelHealth(r, new Map([['mi5', state({ lastSuccess: '2024-03-20T00:00:00Z' })]])).lastReadRight).toBe('2024-03-23T08:05:00Z');
  });

  it('reports a failing source with since-when and why, and nothing of the kind when healthy', () => {
    const r = reading({ source: 'mi5' });
    const failing = levelHealth(r, new Map([['mi5', state({ health: 'failing', failingSince: '2024-03-24T00:00:00Z', lastError: 'HTTP 503' })]]));
    expect(failing).toMatchObject({ source: 'mi5', health: 'failing', failingSince: '2024-03-24T00:00:00Z', lastError: 'HTTP 503' });
    const healthy = levelHealth(r, new Map([['mi5', state({ lastError: 'old error' })]]));
    expect(healthy).toEqual({ source: 'mi5', lastReadRight: r.observedAt, health: 'healthy' });
  });

  it('says "unknown" for a reading with no recorded source, or a source with no state', () => {
    expect(levelHealth(reading(), new Map()).health).toBe('unknown');
    expect(levelHealth(reading({ source: 'gone' }), new Map()).health).toBe('unknown');
    expect(describeHealth(levelHealth(reading(), new Map()))).toBe('read right 2024-03-23 08:05 UTC');
  });

  it('shortens a long error to one readable line', () => {
    const h = levelHealth(reading({ source: 'mi5' }), new Map([['mi5', state({ health: 'disabled', lastError: 'x'.repeat(500) })]]));
    const text = describeHealth(h);
    expect(text).toMatch(/source mi5 disabled \(x+…\)$/);
    expect(text.length).toBeLessThan(200);
  });
});
