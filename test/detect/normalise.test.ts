import { normaliseText, tokenise } from '../../src/detect';

describe('normalisation', () => {
  test('folds case and Latin accents, keeps Cyrillic and Arabic marks', () => {
    expect(tokenise('Réhaussé ÉTAT Größe Øresund').map((t) => t.norm)).toEqual(['rehausse', 'etat', 'grosse', 'oresund']);
    expect(tokenise('Йошкар-Ола ёлка').map((t) => t.norm)).toEqual(['йошкар', 'ола', 'ёлка']);
    expect(tokenise('ﬁre').map((t) => t.norm)).toEqual(['fire']); // NFKC ligature
  });

  test.each([
    // Hamza seats and madda → bare alef; ta marbuta → ha; alef maqsura → ya; harakat and tatweel dropped.
    ['أنقرة', 'انقره'],
    ['إلى', 'الي'],
    ['آمن', 'امن'],
    ['مُوسْكُو', 'موسكو'],
    ['بـغـداد', 'بغداد'],
    ['مستشفى', 'مستشفي'],
  ])('folds Arabic spelling variants so outlets meet: %s → %s', (written, folded) => {
    expect(tokenise(written).map((t) => t.norm)).toEqual([folded]);
  });

  test('Arabic folding leaves other scripts alone', () => {
    expect(tokenise('Москва ёлка Ἀθῆναι Köln').map((t) => t.norm)).toEqual(['москва', 'ёлка', 'αθηναι', 'koln']);
  });

  test('punctuation separates words; thousands separators stay in one number', () => {
    expect(tokenise("l'attaque d’Arras, 5,000 people; 650th").map((t) => t.norm))
      .toEqual(['l', 'attaque', 'd', 'arras', '5,000', 'people', '650th']);
  });

  test('the matching text pads every token with spaces and maps offsets back to tokens', () => {
    const n = normaliseText('Gunman, killed!');
    expect(n.text).toBe(' gunman killed ');
    expect(n.tokenStartAt[1]).toBe(0);
    expect(n.tokenStartAt[8]).toBe(1);
  });
});
