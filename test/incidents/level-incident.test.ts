import { describeReportedLevel } from '../../src/format/reported-level-message';
import {
  reportedLevels, findLevelIncident, joinLevelReport, levelChangeIncident, levelReportOf, reportedLevelIncident, settleReported, type ReportInput,
} from '../../src/incidents';
import type { Detection, LevelChange, LevelReading } from '../../src/model';

const T0 = new Date('2026-11-03T21:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

function report(id: string, over: Partial<Detection> = {}, at = T0.toISOString()): ReportInput {
  const detection: Detection = {
    kind: 'alert_level', severity: 'high', countries: ['FR'], places: [], actors: [], claimed: false, casualties: {}, language: 'fr', score: 1,
    explanation: { rules: [], terms: [], exclusions: [], notes: [] }, authority: 'fr-sgdsn',
    level: { direction: 'raised', of: 3, to: { rank: 3, name: 'Urgence attentat', name_en: 'Attack emergency' } }, ...over,
  };
  return { detection, report: { itemId: `wire/${id}`, sourceId: 'wire', url: `https://x.example/${id}`, title: 't', language: 'fr', at }, title: 't', summary: '', terms: [] };
}

const reading = (rank: number, name: string, observedAt = hours(1).toISOString()): LevelReading => ({
  authority: 'fr-sgdsn', country: 'FR', scope: 'national', rank, of: 3, name, name_en: name, url: 'https://sgdsn.example', observedAt,
});
const change = (from: number, to: number): LevelChange => ({ previous: reading(from, 'a'), current: reading(to, 'b'), direction: to > from ? 'raised' : 'lowered', severity: 'high' });

function opened(input = report('1')) {
  const r = levelReportOf(input);
  if (!r) throw new Error('no report');
  return reportedLevelIncident(input, r, T0);
}

describe('level changes reported by the news', () => {
  test('a report opens an incident keyed by authority, with its steps and status "reported"', () => {
    const i = opened();
    expect(i.key).toBe('fr-sgdsn/national');
    expect(i.reported).toMatchObject({ status: 'reported', direction: 'raised', to: { rank: 3 } });
    expect(i.severity).toBe('critical');
  });

  test('an authority the registry lacks is keyed by country', () => {
    const i = opened(report('pl', { authority: undefined, countries: ['PL'], level: { direction: 'raised' } }));
    expect(i.key).toBe('country-PL/national');
    expect(i.reported?.authority).toBeUndefined();
  });

  test('a report naming no country at all opens nothing', () => {
    expect(levelReportOf(report('x', { authority: undefined, countries: [] }))).toBeUndefined();
  });

  test('another report of the same step joins without an edit; a report of another step does not match', () => {
    const i = opened();
    const same = findLevelIncident([i], 'fr-sgdsn/national', 3, 'raised', hours(5).toISOString());
    expect(same?.id).toBe(i.id);
    const joined = joinLevelReport(i, report('2'), levelReportOf(report('2'))!, hours(5));
    expect([joined.material, joined.duplicate, joined.incident.version, joined.incident.reports.length]).toEqual([false, false, 1, 2]);
    expect(findLevelIncident([i], 'fr-sgdsn/national', 2, 'lowered', hours(5).toISOString())).toBeUndefined();
  });

  test('the join window is bounded: a report a week later is another change', () => {
    expect(findLevelIncident([opened()], 'fr-sgdsn/national', 3, 'raised', hours(24 * 7).toISOString())).toBeUndefined();
  });

  test('a report that names no step joins by direction', () => {
    const i = opened(report('1', { level: { direction: 'raised' } }));
    expect(findLevelIncident([i], 'fr-sgdsn/national', 3, 'raised', hours(1).toISOString())?.id).toBe(i.id);
    expect(findLevelIncident([i], 'fr-sgdsn/national', 1, 'lowered', hours(1).toISOString())).toBeUndefined();
  });

  test('an undated report joins the fitting incident whose words it shares most, not the first found', () => {
    const withTerms = (id: string, terms: string[], at: string) => opened({ ...report(id, {}, at), terms });
    const older = withTerms('a', ['charlie', 'ukrainy', 'granicy'], hours(-24 * 90).toISOString());
    const newer = withTerms('b', ['bravo', 'energet', 'zagrani'], hours(0).toISOString());
    for (const order of [[older, newer], [newer, older]]) {
      expect(findLevelIncident(order, 'fr-sgdsn/national', 3, 'raised', '', ['bravo', 'zagrani', 'premier'])?.id).toBe(newer.id);
      expect(findLevelIncident(order, 'fr-sgdsn/national', 3, 'raised', '', ['charlie', 'granicy'])?.id).toBe(older.id);
    }
    // A dated report keeps the time window's choice.
    expect(findLevelIncident([older, newer], 'fr-sgdsn/national', 3, 'raised', hours(1).toISOString(), ['charlie'])?.id).toBe(newer.id);
  });

  test('the official change to the reported step confirms it, in the same incident, one version up', () => {
    const i = opened();
    const settled = settleReported(i, reading(3, 'Urgence attentat'), change(2, 3), hours(1));
    expect(settled?.id).toBe(i.id);
    expect(settled?.version).toBe(2);
    expect(settled?.reported?.status).toBe('confirmed');
    expect(settled?.level?.current.rank).toBe(3);
  });

  test('an official change to another step disputes the report at once', () => {
    const settled = settleReported(opened(), reading(2, 'vigilance renforcée'), change(1, 2), hours(1));
    expect(settled?.reported?.status).toBe('disputed');
    expect(settled?.reported?.official?.rank).toBe(2);
    expect(settled?.level).toBeUndefined();
  });

  test('a page still at the old step is given time before it counts as disagreement, and is said once', () => {
    const i = opened();
    expect(settleReported(i, reading(2, 'x'), undefined, hours(1))).toBeUndefined();
    const late = settleReported(i, reading(2, 'x'), undefined, hours(13));
    expect(late?.reported?.status).toBe('disputed');
    expect(settleReported(late!, reading(2, 'x'), undefined, hours(14))).toBeUndefined();
    expect(settleReported(late!, reading(3, 'y'), undefined, hours(15))?.reported?.status).toBe('confirmed');
  });

  test('an official incident (no report) is never settled by readings', () => {
    expect(settleReported(levelChangeIncident(change(2, 3), T0), reading(3, 'x'), undefined, hours(20))).toBeUndefined();
  });
});

describe('reported levels for `tocsin levels` and `/alerts status`', () => {
  test('an unconfirmed report is listed with its step and outlet; a confirmed one is not', () => {
    const i = opened();
    const listed = reportedLevels([i]);
    expect(listed).toMatchObject([{ authority: 'fr-sgdsn', country: 'FR', rank: 3, of: 3, status: 'reported', sources: ['wire'] }]);
    expect(describeReportedLevel(listed[0]!)).toMatch(/^France — fr-sgdsn: Urgence attentat \/ Attack emergency \(3 of 3\) — reported by wire since .*, not yet confirmed/);
    const confirmed = settleReported(i, reading(3, 'Urgence attentat'), change(2, 3), hours(1))!;
    expect(reportedLevels([confirmed])).toEqual([]);
  });

  test('a report without a step says so', () => {
    const listed = reportedLevels([opened(report('pl', { authority: undefined, countries: ['PL'], level: { direction: 'raised' } }))]);
    expect(describeReportedLevel(listed[0]!)).toMatch(/^Poland — no tracked authority: raised, step not stated/);
  });
});
