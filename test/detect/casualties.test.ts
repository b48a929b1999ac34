import { shippedDetector } from './shipped-detector';

function casualties(text: string): { killed?: number; injured?: number } {
  // The casualty extractor reads cue hits from the shared automaton: go through the detector's scan.
  const a = shippedDetector().analyse({ title: '', summary: `Terror attack. ${text}` });
  return a.detections.find((d) => d.kind === 'attack')?.casualties ?? {};
}

const CASES: [lang: string, text: string, killed: number | null, injured: number | null][] = [
  ['en', 'At least 12 people were killed and 40 injured.', 12, 40],
  ['en', 'The gunman killed three people and seriously wounded at least five.', 3, 5],
  ['en', 'Forty-nine dead, more than 20 wounded.', 49, 20],
  ['en', 'Between 10 to 12 people died, officials said.', 12, null],
  ['en', 'Dozens were injured and two people were killed.', 2, 24],
  ['en', 'A police officer was killed.', 1, null],
  ['en', 'Two Swedes shot dead; a dozen were hurt.', 2, 12],
  ['en', 'The 2015 blast killing 9 people', 9, null],
  ['en', 'The death toll rises to 133.', 133, null],
  ['de', 'Die Zahl der Toten steigt auf 12.', 12, null],
  ['fr', 'L’attaque a fait trois morts et douze blessés.', 3, 12],
  ['fr', 'Au moins 84 personnes ont été tuées.', 84, null],
  ['de', 'Mindestens fünf Tote und mehr als 200 Verletzte.', 5, 200],
  ['de', 'Der Täter tötete zwei Menschen.', 2, null],
  ['es', 'El ataque dejó al menos 15 muertos y decenas de heridos.', 15, 24],
  ['es', 'El pistolero mató a tres personas.', 3, null],
  ['it', 'Almeno due morti e sette feriti.', 2, 7],
  ['nl', 'Er vielen drie doden en twintig gewonden.', 3, 20],
  ['sv', 'Två personer dödades och åtta skadades.', 2, 8],
  ['no', 'Fire personer ble drept og tolv skadet.', 4, 12],
  ['no', 'To drept og ti skadet i skyting.', 2, null],
  ['en', 'The fire killed everyone on board.', null, null],
  ['da', 'Tre dræbt og 4 sårede.', 3, 4],
  ['pt', 'Pelo menos 6 mortos e 10 feridos.', 6, 10],
  ['pl', 'Napastnik zabił trzy osoby, a pięć ranił.', 3, 5],
  ['ru', 'Погибли 137 человек, ранены более 100.', 137, 100],
  ['tr', 'Saldırıda 5 kişi öldü, 20 kişi yaralandı.', 5, 20],
];

describe('casualty extraction', () => {
  test.each(CASES)('%s: %s', (_lang, text, killed, injured) => {
    const c = casualties(text);
    expect(c.killed ?? null).toBe(killed);
    expect(c.injured ?? null).toBe(injured);
  });

  test('years, dates and ordinals are not counts', () => {
    expect(casualties('On March 22, 2024 the 650th festival was hit.')).toEqual({});
  });
});
