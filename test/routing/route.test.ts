import { route, mismatch } from '../../src/routing';
import type { Incident, Subscription } from '../../src/model';

const incident: Incident = {
  id: 'a-1', kind: 'attack', version: 1, firstSeen: '', lastSeen: '', eventTime: '2026-11-03T00:00:00Z', severity: 'high',
  title: '', summary: '', countries: ['FR'], places: [], actors: [], claimedBy: [], casualties: {},
  reports: [{ itemId: 'i', sourceId: 's', title: '', language: 'fr', at: '' }], terms: [], changes: [],
};
const sub = (over: Partial<Subscription>): Subscription => ({
  channel: { platform: 'discord', id: '1' }, countries: [], kinds: [], minSeverity: 'low', languages: [], createdAt: '', ...over,
});

describe('routing', () => {
  it('matches on empty filters and on each filter that fits', () => {
    expect(route(incident, [sub({}), sub({ countries: ['FR', 'DE'], kinds: ['attack'], minSeverity: 'high', languages: ['fr'] })])).toHaveLength(2);
  });
  it('refuses by country, kind, severity, language, and broken channels', () => {
    expect(mismatch(incident, sub({ countries: ['GB'] }))).toMatch(/countries/);
    expect(mismatch(incident, sub({ kinds: ['alert_level'] }))).toMatch(/kind/);
    expect(mismatch(incident, sub({ minSeverity: 'critical' }))).toMatch(/severity/);
    expect(mismatch(incident, sub({ languages: ['en'] }))).toMatch(/languages/);
    expect(mismatch(incident, sub({ broken: { reason: '404', at: '' } }))).toMatch(/broken/);
  });
  it('sends official level changes to every language', () => {
    expect(mismatch({ ...incident, kind: 'alert_level' }, sub({ languages: ['de'] }))).toBeUndefined();
  });
});
