import { cuesFit, eventDateCues } from '../../src/incidents/event-date';

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

  it('says nothing when the text names no day, or the incident has no date, or spans a week', () => {
    expect(cuesFit(eventDateCues('a shooting at the museum'), dates)).toBe(true);
    expect(cuesFit(eventDateCues('am Samstag'), [])).toBe(true);
    expect(cuesFit(eventDateCues('am Samstag'), [...dates, day('2016-03-30T00:00:00Z')])).toBe(true);
  });
});
