import { REGISTRY } from './helpers';
import { compareReading, describeLevel, levelMeaning } from '../../src/detect/level-change';
import type { LevelReading } from '../../src/model/level';

const UK = ['LOW', 'MODERATE', 'SUBSTANTIAL', 'SEVERE', 'CRITICAL'];

function uk(rank: number, extra: Partial<LevelReading> = {}): LevelReading {
  const name = UK[rank - 1] ?? '?';
  return {
    authority: 'uk-mi5', country: 'GB', scope: 'national', rank, of: 5, name, name_en: name,
    url: 'https://www.mi5.gov.uk/UKThreatLevel/UKThreatLevel.xml', observedAt: '2026-04-30T05:10:00.000Z', ...extra,
  };
}

function ntas(rank: number, name: string): LevelReading {
  return {
    authority: 'us-dhs', country: 'US', scope: 'national', rank, of: 3, name, name_en: name,
    url: 'https://www.dhs.gov/ntas/1.1/feed.xml', observedAt: '2026-11-28T12:00:00.000Z',
  };
}

describe('compareReading', () => {
  it('takes the first reading as a baseline that posts nothing', () => {
    expect(compareReading(undefined, uk(3))).toEqual({ outcome: 'baseline' });
  });

  it('ignores wording and observation time when the rank is the same', () => {
    const before = { ...uk(2), name: 'Sécurité renforcée – risque attentat', authority: 'fr-sgdsn', of: 3 };
    const after = { ...before, name: 'vigilance renforcée', observedAt: '2026-06-22T08:00:00.000Z' };
    expect(compareReading(before, after)).toEqual({ outcome: 'unchanged' });
  });

  it('rates a raise to the top of the scale critical, another raise high, a lowering low', () => {
    const raised = compareReading(uk(3), uk(4));
    expect(raised.outcome).toBe('changed');
    expect(raised.change).toMatchObject({ direction: 'raised', severity: 'high' });
    expect(raised.change?.previous.rank).toBe(3);
    expect(raised.change?.current.rank).toBe(4);
    expect(compareReading(uk(4), uk(5)).change).toMatchObject({ direction: 'raised', severity: 'critical' });
    expect(compareReading(uk(5), uk(3)).change).toMatchObject({ direction: 'lowered', severity: 'low' });
  });

  it('treats the end of an NTAS advisory as a lowering, and a new imminent alert as critical', () => {
    const ended = compareReading(ntas(2, 'Elevated Threat Alert'), ntas(0, 'No active advisory'));
    expect(ended.change).toMatchObject({ direction: 'lowered', severity: 'low' });
    expect(compareReading(ntas(0, 'No active advisory'), ntas(3, 'Imminent Threat Alert')).change?.severity).toBe('critical');
    expect(compareReading(ntas(0, 'No active advisory'), ntas(1, 'Bulletin')).change?.severity).toBe('high');
  });

  it('does not compare readings of different scopes', () => {
    expect(compareReading(uk(3, { scope: 'northern-ireland' }), uk(4)).outcome).toBe('baseline');
  });
});

describe('describeLevel and levelMeaning', () => {
  it('places the level on its scale', () => {
    expect(describeLevel(uk(3))).toBe('SUBSTANTIAL (3 of 5)');
    expect(describeLevel(uk(4))).toBe('SEVERE (4 of 5)');
    const fr = { ...uk(2), authority: 'fr-sgdsn', of: 3, name: 'vigilance renforcée', name_en: 'Heightened vigilance' };
    expect(describeLevel(fr)).toBe('vigilance renforcée — Heightened vigilance (2 of 3)');
    expect(describeLevel(ntas(0, 'No active advisory'))).toBe('No active advisory');
  });

  it('says what a level means, per authority', () => {
    expect(levelMeaning(uk(4), REGISTRY)).toBe('an attack is highly likely');
    expect(levelMeaning(uk(5), REGISTRY)).toMatch(/near future/);
    expect(levelMeaning(ntas(0, 'No active advisory'), REGISTRY)).toBe('no NTAS advisory is in force');
    expect(levelMeaning({ ...uk(3), authority: 'nl-nctv' }, REGISTRY)).toBe('an attack is conceivable');
  });

  it('falls back to the place on the scale for an authority it does not know', () => {
    const other = { ...uk(2), authority: 'xx-new', of: 4, name: 'Orange', name_en: 'Orange' };
    expect(levelMeaning(other, REGISTRY)).toBe('Orange: step 2 of 4');
    expect(levelMeaning({ ...other, rank: 4 }, REGISTRY)).toBe('Orange: the highest step of 4');
  });
});
