import { kindMetrics, pairwiseIncidentScores } from '../../src/detect';

describe('kindMetrics', () => {
  test('counts per kind; an item may be predicted as both kinds', () => {
    const items = [{ label: 'attack' }, { label: 'attack' }, { label: 'alert_level' }, { label: 'other' }];
    const m = kindMetrics(items, [['attack'], [], ['attack', 'alert_level'], ['attack']]);
    expect(m.attack).toEqual({ tp: 1, fp: 2, fn: 1, precision: 0.3333, recall: 0.5, f1: 0.4 });
    expect(m.alert_level).toEqual({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  });

  test('nothing to find and nothing found counts as perfect', () => {
    expect(kindMetrics([{ label: 'other' }], [[]]).attack).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('pairwiseIncidentScores', () => {
  test('scores pairs of labelled items that carry an event', () => {
    const items = [
      { label: 'attack', event: 'e1' }, { label: 'attack', event: 'e1' }, { label: 'attack', event: 'e2' },
      { label: 'other', event: 'e1' }, { label: 'attack' },
    ];
    // Pairs among items 0-2: (0,1) same event, grouped → tp; (0,2) grouped but different → fp; (1,2) neither.
    const s = pairwiseIncidentScores(items, ['i1', 'i1', 'i1', 'i1', 'i1']);
    expect(s).toEqual({ pairs_precision: 0.3333, pairs_recall: 1, f1: 0.5 });
  });

  test('undetected items are in no incident', () => {
    const items = [{ label: 'attack', event: 'e1' }, { label: 'attack', event: 'e1' }];
    expect(pairwiseIncidentScores(items, [null, null])).toEqual({ pairs_precision: 1, pairs_recall: 0, f1: 0 });
  });
});
