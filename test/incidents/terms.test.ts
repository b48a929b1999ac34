import { distinctiveTerms, foldText, overlap } from '../../src/incidents/terms';

describe('distinctive terms across outlets', () => {
  it.each([
    ['انفجار في أنقرة', 'انفجار في انقره'],
    ['هجوم على مطار إسطنبول', 'هجوم على مطار اسطنبول'],
    ['مجزرة في المدرسةِ', 'مجزره في المدرسه'],
  ])('an Arabic place or word spelt two ways is one term: %s ~ %s', (a, b) => {
    expect(overlap(distinctiveTerms(a), distinctiveTerms(b))).toBe(1);
  });

  it('folds Latin accents and case but not Cyrillic letters', () => {
    expect(foldText('Zaventem ÉTÉ Ёлка')).toBe('zaventem ete ёлка');
  });
});
