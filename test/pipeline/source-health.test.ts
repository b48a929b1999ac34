import { afterFailure, afterSuccess, DISABLE_AFTER_MS, NOTICE_AFTER } from '../../src/pipeline/source-health';
import { freshSourceState } from '../../src/model';

const EVERY = 5 * 60_000;
const noJitter = () => 0;

describe('source health', () => {
  it('backs off exponentially, turns failing after a few failures, and disabled after a day', () => {
    let state = freshSourceState('s');
    let now = new Date('2026-11-01T00:00:00Z');
    const notices: string[] = [];
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = afterFailure(state, EVERY, 'HTTP 503 Service Unavailable', now, noJitter);
      state = r.state;
      if (r.notice) notices.push(r.notice);
      delays.push(Date.parse(state.nextDue!) - now.getTime());
      now = new Date(state.nextDue!);
    }
    expect(delays[1]).toBe(2 * delays[0]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(6 * 3_600_000);
    expect(notices[0]).toBe('started-failing');
    expect(NOTICE_AFTER).toBeGreaterThan(1);
    expect(state.consecutiveFailures).toBe(12);
    expect(now.getTime() - Date.parse(state.failingSince!)).toBeGreaterThan(DISABLE_AFTER_MS);
    expect(state.health).toBe('disabled');
    expect(notices).toContain('disabled');
    expect(state.lastError).toBe('HTTP 503 Service Unavailable');
  });

  it('shows a source as failing from its first failure, and tells operators only after a few', () => {
    const r = afterFailure(freshSourceState('s'), EVERY, 'HTTP 403 Forbidden', new Date('2026-11-01T00:00:00Z'), noJitter);
    expect(r.state.health).toBe('failing');
    expect(r.notice).toBeUndefined();
  });

  it('recovers on success and honours feed hints within a bound', () => {
    const failing = { ...freshSourceState('s'), health: 'failing' as const, consecutiveFailures: 4, failingSince: '2026-11-01T00:00:00Z' };
    const now = new Date('2026-11-01T01:00:00Z');
    const r = afterSuccess(failing, EVERY, { ttlMinutes: 60 }, now, noJitter);
    expect(r.notice).toBe('recovered');
    expect(r.state.health).toBe('healthy');
    expect(r.state.consecutiveFailures).toBe(0);
    expect(Date.parse(r.state.nextDue!) - now.getTime()).toBe(60 * 60_000);
    const huge = afterSuccess(r.state, EVERY, { cacheControl: 'max-age=999999' }, now, noJitter);
    expect(Date.parse(huge.state.nextDue!) - now.getTime()).toBe(2 * 3_600_000);
  });
});
