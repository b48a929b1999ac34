import type { Incident, LevelReading } from '../../src/model';

/** A made-up attack incident; override what a test cares about. */
export function attack(over: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    kind: 'attack',
    version: 1,
    firstSeen: '2024-03-22T19:20:00Z',
    lastSeen: '2024-03-22T21:00:00Z',
    eventTime: '2024-03-22T19:05:00Z',
    severity: 'critical',
    title: 'Gunmen open fire at concert hall near Moscow',
    summary: 'Gunmen opened fire at a concert hall in Krasnogorsk.\nMore lines follow.',
    countries: ['RU'],
    places: [{ name: 'Krasnogorsk', country: 'RU' }],
    actors: ['islamic-state-khorasan'],
    claimedBy: [],
    casualties: { killed: 40, injured: 100 },
    reports: [
      { itemId: 'a', sourceId: 'wire-one', title: 't1', language: 'en', at: '2024-03-22T19:20:00Z' },
      { itemId: 'b', sourceId: 'wire-one', url: 'https://example.org/b', title: 't2', language: 'en', at: '2024-03-22T19:30:00Z' },
      { itemId: 'c', sourceId: 'wire-two', url: 'https://example.org/c', title: 't3', language: 'en', at: '2024-03-22T19:40:00Z' },
    ],
    terms: [],
    changes: [],
    ...over,
  };
}

export function reading(over: Partial<LevelReading> = {}): LevelReading {
  return {
    authority: 'uk-mi5',
    country: 'GB',
    scope: 'national',
    rank: 4,
    of: 5,
    name: 'SEVERE',
    name_en: 'SEVERE',
    since: '2024-03-23T08:00:00Z',
    url: 'https://www.mi5.gov.uk/threat-levels',
    observedAt: '2024-03-23T08:05:00Z',
    ...over,
  };
}

/** A level-change incident from `previous` to `current`. */
export function levelIncident(previous: LevelReading, current: LevelReading, over: Partial<Incident> = {}): Incident {
  return attack({
    kind: 'alert_level',
    severity: 'high',
    title: 'level change',
    summary: '',
    places: [],
    actors: [],
    casualties: {},
    countries: [current.country],
    level: { previous, current, direction: current.rank >= previous.rank ? 'raised' : 'lowered', severity: 'high' },
    key: `${current.authority}/${current.scope}`,
    ...over,
  });
}
