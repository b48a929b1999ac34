import type { Detection, Incident, Place } from '../../src/model';
import { candidateOf, decideGroup, mergeReport, openIncident, distinctiveTerms, type ReportInput } from '../../src/incidents';
import { groupItems } from '../../src/pipeline/group-items';

const NOW = new Date('2026-11-03T21:00:00Z');
const MOSCOW: Place = { name: 'Moscow', country: 'RU', lat: 55.7558, lon: 37.6173 };
const KRASNOGORSK: Place = { name: 'Krasnogorsk', country: 'RU', lat: 55.8204, lon: 37.3302 };
const ST_PETERSBURG: Place = { name: 'Saint Petersburg', country: 'RU', lat: 59.9386, lon: 30.3141 };
const LYON: Place = { name: 'Lyon', country: 'FR', lat: 45.764, lon: 4.8357 };
const BERLIN: Place = { name: 'Berlin', country: 'DE', lat: 52.52, lon: 13.405 };

function det(over: Partial<Detection>): Detection {
  return {
    kind: 'attack',
    severity: 'high',
    countries: [],
    places: [],
    actors: [],
    claimed: false,
    casualties: {},
    language: 'en',
    score: 1,
    explanation: { rules: [], terms: [], exclusions: [], notes: [] },
    ...over,
  };
}

function input(id: string, d: Detection, text: string, at: string): ReportInput {
  return { detection: d, report: { itemId: id, sourceId: 's', title: text, language: d.language, at }, title: text, summary: '', terms: distinctiveTerms(text) };
}

function incidentFrom(i: ReportInput): Incident {
  return openIncident(i, NOW);
}

describe('grouping decision', () => {
  const crocus = incidentFrom(input('1', det({ countries: ['RU'], places: [KRASNOGORSK], casualties: { killed: 40 } }), 'Gunmen open fire at Crocus City Hall concert venue near Moscow', '2026-11-03T19:00:00Z'));

  it('joins a report from another language about the same place through shared entities', () => {
    const de = candidateOf(det({ countries: ['RU'], places: [MOSCOW], language: 'de', casualties: { killed: 60 } }), 'Anschlag auf Konzerthalle Crocus bei Moskau: mindestens 60 Tote', '2026-11-03T20:30:00Z');
    expect(decideGroup(de, [crocus]).action).toBe('join');
  });

  it('opens a new incident for an attack in another country on the same day', () => {
    const lyon = candidateOf(det({ countries: ['FR'], places: [LYON] }), 'Knife attack in Lyon station', '2026-11-03T20:00:00Z');
    expect(decideGroup(lyon, [crocus]).action).toBe('open');
  });

  it('opens a new incident for another city of the same country on the same day', () => {
    const spb = candidateOf(det({ countries: ['RU'], places: [ST_PETERSBURG] }), 'Explosion in Saint Petersburg metro kills 10', '2026-11-03T20:00:00Z');
    expect(decideGroup(spb, [crocus]).action).toBe('open');
  });

  it('opens a new incident for the same city a week later', () => {
    const later = candidateOf(det({ countries: ['RU'], places: [KRASNOGORSK] }), 'Gunmen open fire at Crocus City Hall concert venue', '2026-11-10T19:00:00Z');
    expect(decideGroup(later, [crocus]).action).toBe('open');
  });

  it('joins an undated report only on something specific: a place, an actor or distinctive words', () => {
    const samePlace = candidateOf(det({ countries: ['RU'], places: [KRASNOGORSK] }), 'Mourners bring flowers', undefined);
    expect(decideGroup(samePlace, [crocus]).action).toBe('join');
    const vague = candidateOf(det({ countries: ['RU'] }), 'Shooting reported, several dead', undefined);
    expect(decideGroup(vague, [crocus]).action).toBe('open');
  });

  it('an undated report is dated by the years it names, but a year after "since" is a reference', () => {
    const reference = candidateOf(det({ countries: ['RU'], places: [KRASNOGORSK] }), 'The deadliest attack in Russia since 2004, at Crocus City Hall', undefined);
    expect(reference.years).toEqual([]);
    expect(decideGroup(reference, [crocus]).action).toBe('join');
    const otherYear = candidateOf(det({ countries: ['RU'], places: [KRASNOGORSK] }), 'Crocus City Hall attack of 2019: flowers laid', undefined);
    expect(otherYear.years).toEqual([2019]);
    expect(decideGroup(otherYear, [crocus]).action).toBe('open');
    expect(candidateOf(det({ countries: ['DE'] }), 'Seit 2015 der schwerste Anschlag, im Jahr 2026', undefined).years).toEqual([2026]);
  });

  it('an undated report of another means (a stabbing, not a bombing) stays out; a dated one keeps the date logic', () => {
    const blast = incidentFrom(input('b', det({ countries: ['FR'], places: [LYON] }), 'Explosion à la gare de Lyon: trois morts', '2026-11-03T08:00:00Z'));
    const knife = candidateOf(det({ countries: ['FR'], places: [LYON] }), 'Messerangriff in Lyon: drei Tote', undefined);
    const match = decideGroup(knife, [blast]);
    expect(match.action).toBe('open');
    const sameMeans = candidateOf(det({ countries: ['FR'], places: [LYON] }), 'Explosión en Lyon: tres muertos', undefined);
    expect(decideGroup(sameMeans, [blast]).action).toBe('join');
    const dated = candidateOf(det({ countries: ['FR'], places: [LYON] }), 'Lyon: the attacker also stabbed a guard', '2026-11-03T10:00:00Z');
    expect(decideGroup(dated, [blast]).action).toBe('join');
  });

  it('a shared means and target add evidence', () => {
    const c = candidateOf(det({ countries: ['RU'], places: [MOSCOW] }), 'Взрыв в метро Москвы', '2026-11-03T20:00:00Z');
    const metro = incidentFrom(input('m', det({ countries: ['RU'], places: [MOSCOW] }), 'Bomb blast in Moscow metro station', '2026-11-03T19:00:00Z'));
    const reasons = decideGroup(c, [metro]);
    expect(reasons.action).toBe('join');
    if (reasons.action === 'join') expect(reasons.match.reasons).toEqual(expect.arrayContaining(['same means (bombing) the same day', 'same target (transit)']));
  });

  it('undated, the same means on the same kind of target with some words in common is specific enough', () => {
    const church = incidentFrom(input('c', det({}), 'Two bombs exploded in the cathedral during Sunday mass in Jolo, dozens wounded', '2026-11-03T09:00:00Z'));
    const es = candidateOf(det({ language: 'es' }), 'La primera bomba estalló en el interior de la catedral de Jolo durante la misa del domingo', undefined);
    expect(decideGroup(es, [church]).action).toBe('join');
    const otherTarget = candidateOf(det({ language: 'es' }), 'La primera bomba estalló en el interior del mercado de Jolo durante la mañana del domingo', undefined);
    expect(decideGroup(otherTarget, [church]).action).toBe('open');
  });

  it('the same means the same day counts more than the same means days apart', () => {
    const blast = incidentFrom(input('x', det({}), 'Explosion hits a police patrol downtown', '2026-11-03T09:00:00Z'));
    const sameDay = candidateOf(det({ language: 'hu' }), 'Robbanás a belvárosban, két rendőr megsérült', '2026-11-03T20:00:00Z');
    expect(decideGroup(sameDay, [blast]).action).toBe('join');
    const later = candidateOf(det({ language: 'hu' }), 'Robbanás a belvárosban, két rendőr megsérült', '2026-11-06T20:00:00Z');
    expect(decideGroup(later, [blast]).action).toBe('open');
    const otherMeans = candidateOf(det({ language: 'hu' }), 'Lövöldözés a belvárosban, két rendőr megsérült', '2026-11-03T20:00:00Z');
    expect(decideGroup(otherMeans, [blast]).action).toBe('open');
  });

  it('never joins across kinds', () => {
    const level = candidateOf(det({ kind: 'alert_level', countries: ['RU'] }), 'Russia raises terror alert after Crocus attack', '2026-11-03T20:00:00Z');
    expect(decideGroup(level, [crocus]).action).toBe('open');
  });
});

describe('merging reports', () => {
  const first = input('a', det({ countries: ['DE'], places: [BERLIN], casualties: { killed: 2 } }), 'Truck rams Berlin market', '2026-11-03T18:00:00Z');
  const base = openIncident(first, NOW);

  it('bumps the version when the toll rises or a claim arrives', () => {
    const later = input('b', det({ countries: ['DE'], places: [BERLIN], casualties: { killed: 9, injured: 40 }, actors: ['islamic-state'], claimed: true }), 'Berlin market attack toll rises to 9, IS claims it', '2026-11-03T23:00:00Z');
    const r = mergeReport(base, later, NOW);
    expect(r.material).toBe(true);
    expect(r.incident.version).toBe(2);
    expect(r.incident.casualties).toEqual({ killed: 9, injured: 40 });
    expect(r.incident.claimedBy).toEqual(['islamic-state']);
    expect(r.incident.reports).toHaveLength(2);
  });

  it('only counts a source that adds nothing new, and ignores a re-published report', () => {
    const same = input('c', det({ countries: ['DE'], places: [BERLIN], casualties: { killed: 2 } }), 'Berlin: truck drove into market crowd', '2026-11-03T19:00:00Z');
    const r = mergeReport(base, same, NOW);
    expect(r.material).toBe(false);
    expect(r.incident.version).toBe(1);
    expect(r.incident.reports).toHaveLength(2);
    const again = mergeReport(r.incident, same, NOW);
    expect(again.duplicate).toBe(true);
  });

  it('keeps the highest death toll when a later report gives a lower one', () => {
    const lower = input('d', det({ countries: ['DE'], places: [BERLIN], casualties: { killed: 1 } }), 'Berlin market', '2026-11-03T19:30:00Z');
    expect(mergeReport(base, lower, NOW).incident.casualties.killed).toBe(2);
  });
});

describe('grouping items as evaluate does (the runtime groupReport over an in-memory store)', () => {
  it('groups in date order, undated reports last, and keeps separate events apart', async () => {
    const ids = await groupItems([
      { id: 'x3', detections: [det({ countries: ['RU'], places: [MOSCOW] })], title: 'Crocus concert hall attack near Moscow', summary: '' },
      { id: 'x1', detections: [det({ countries: ['RU'], places: [KRASNOGORSK] })], title: 'Gunmen attack Crocus City Hall', summary: '', date: '2026-03-22' },
      { id: 'y1', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Knife attack in Lyon', summary: '', date: '2026-03-22' },
      { id: 'none', detections: [], title: 'Nothing found here', summary: '', date: '2026-03-22' },
      { id: 'x2', detections: [det({ countries: ['RU'], places: [MOSCOW] })], title: 'Crocus death toll rises', summary: '', date: '2026-03-23' },
    ]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[4]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
    expect(ids[3]).toBeNull();
    // The incident was opened by the earliest report, whatever the input order.
    expect(ids[1]).toMatch(/^a-20260322-ru-krasnogorsk-/);
  });

  it('keeps the same place a month later apart, and an undated report naming another year out', async () => {
    const ids = await groupItems([
      { id: 'a', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Knife attack in Lyon station', summary: '', date: '2026-03-01' },
      { id: 'b', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Knife attack in Lyon market', summary: '', date: '2026-04-10' },
      { id: 'c', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Lyon knife attack of 2019 recalled', summary: '' },
    ]);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('a report that names a place finds, on its days, an incident that names no place nor country', async () => {
    const ids = await groupItems([
      { id: 'nowhere', detections: [det({})], title: 'Knifeman attacks pedestrians on Westbridge, officer stabbed', summary: '', date: '2026-03-22' },
      { id: 'lyon', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Westbridge: knifeman stabbed an officer', summary: '', date: '2026-03-22' },
    ]);
    expect(ids[1]).toBe(ids[0]);
  });

  it('uses a partial date as a hint: the month must fit, dated or not', async () => {
    const ids = await groupItems([
      { id: 'mar', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Knife attack in Lyon station', summary: '', date: '2026-03-01' },
      { id: 'apr', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Lyon knife attack', summary: '', date: '2026-04' },
      { id: 'apr2', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Attaque au couteau à Lyon', summary: '', date: '2026-04' },
      { id: 'feb', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Messerangriff in Lyon', summary: '', date: '2026-02' },
      { id: 'jun', detections: [det({ countries: ['FR'], places: [LYON] })], title: 'Lyon: knife attack', summary: '', date: '2026-06' },
    ]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe(ids[1]);
    expect(ids[3]).toBe(ids[0]); // 1 March is within days of February's end
    expect(ids[4]).not.toBe(ids[0]);
    expect(ids[4]).not.toBe(ids[1]);
  });
});
