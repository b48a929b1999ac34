import { cuesConflict, cuesFit, eventDateCues } from '../../src/incidents/event-date';

const day = (iso: string) => Date.parse(iso);

describe('event date cues in the text', () => {
  it('reads weekdays in compounds and inflected forms, in several languages and scripts', () => {
    expect(eventDateCues('Explosies op dinsdagochtend in de metro').weekdays).toEqual([2]);
    expect(eventDateCues('Am Sonntagabend explodierte ein Sprengsatz').weekdays).toEqual([0]);
    expect(eventDateCues('взрыв в воскресенье вечером').weekdays).toEqual([0]);
    expect(eventDateCues('un homme a tiré ce samedi').weekdays).toEqual([6]);
    expect(eventDateCues('A bomb went off near the station').weekdays).toEqual([]);
  });

  it('reads day-month dates written either way round, ignoring times and figures', () => {
    expect(eventDateCues('le mardi 22 mars 2016 à l’aéroport').days).toEqual([{ month: 3, day: 22 }]);
    expect(eventDateCues('Сегодня, 29 марта, к 16.00').days).toEqual([{ month: 3, day: 29 }]);
    expect(eventDateCues('on March 24th, gunmen').days).toEqual([{ month: 3, day: 24 }]);
    expect(eventDateCues('el 22 de marzo').days).toEqual([{ month: 3, day: 22 }]);
    expect(eventDateCues('at 15.25 hours, 14 dead and 3 wounded').days).toEqual([]);
  });

  it.each([
    ['2016-03 Explosionen am Flughafen', [{ year: 2016, month: 3 }]],
    ['publié 2016-03-22', [{ year: 2016, month: 3 }]],
    ['im März 2016 explodierten Bomben', [{ year: 2016, month: 3 }]],
    ['в марте 2016 года', [{ year: 2016, month: 3 }]],
    ['en octubre de 2015', [{ year: 2015, month: 10 }]],
    ['attentats de novembre 2015 à Paris', [{ year: 2015, month: 11 }]],
    ['the worst since March 2015', []],
    ['seit März 2015 der schwerste', []],
    ['in 2016, 14 dead', []],
    ['Ankara 2016-13 item', []],
  ])('reads a month of a year, not after "since": %s', (text, months) => {
    expect(eventDateCues(text).months).toEqual(months);
  });
});

describe('whether two undated texts tell different days', () => {
  it.each([
    ['2017-05', '2017-09', true],
    ['2017-05', '2017-05', false],
    ['2017-05', 'juin 2017', false], // an event at a month's end is reported the next month
    ['2016-03', '2017-03', true],
    ['le 22 mars', '24 марта', false],
    ['le 22 mars', '14 July', true],
    ['30 December', '2 января', false],
    ['a bomb went off', '2017-09', false],
  ])('%s vs %s → conflict %s', (a, b, conflict) => {
    expect(cuesConflict(eventDateCues(a), eventDateCues(b)) !== undefined).toBe(conflict);
  });
});

describe('whether an undated report fits an incident’s days', () => {
  // An incident reported on Tuesday 22 and Wednesday 23 March 2016.
  const dates = [day('2016-03-22T00:00:00Z'), day('2016-03-23T00:00:00Z')];

  it('accepts the weekday or date of the event, or the days just before the reports', () => {
    expect(cuesFit(eventDateCues('on Tuesday morning'), dates)).toBe(true);
    expect(cuesFit(eventDateCues('on Sunday'), dates)).toBe(true);
    expect(cuesFit(eventDateCues('le 22 mars'), dates)).toBe(true);
  });

  it('rejects a weekday or date the incident cannot be of', () => {
    expect(cuesFit(eventDateCues('am Freitag gegen 15.25'), dates)).toBe(false);
    expect(cuesFit(eventDateCues('24 mai'), dates)).toBe(false);
  });

  it('a month of a year fits reports in it or a few days either side, not another month or year', () => {
    expect(cuesFit(eventDateCues('2016-03'), dates)).toBe(true);
    expect(cuesFit(eventDateCues('2016-04'), dates)).toBe(false);
    expect(cuesFit(eventDateCues('März 2017'), dates)).toBe(false);
    expect(cuesFit(eventDateCues('2016-02'), [day('2016-03-02T00:00:00Z')])).toBe(true);
  });

  it('says nothing when the text names no day, or the incident has no date, or spans a week', () => {
    expect(cuesFit(eventDateCues('a shooting at the museum'), dates)).toBe(true);
    expect(cuesFit(eventDateCues('am Samstag'), [])).toBe(true);
    expect(cuesFit(eventDateCues('am Samstag'), [...dates, day('2016-03-30T00:00:00Z')])).toBe(true);
  });
});
