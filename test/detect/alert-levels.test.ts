import { detectionOf, kindsOf } from './shipped-detector';

// Our own sentences: level changes in every supported language, with direction → severity.
// Every row has five entries ('' = no authority expected): jest would take a missing one for `done`.
const CHANGES: [lang: string, title: string, summary: string, severity: string, authority: string][] = [
  ['en', 'UK threat level raised to critical', 'The Joint Terrorism Analysis Centre moved the national threat level to its top tier overnight.', 'critical', 'uk-mi5'],
  ['en', 'Britain lowers terror threat level', 'The UK terrorism threat level was lowered from severe to substantial on Monday.', 'low', 'uk-mi5'],
  ['en', 'Australia raises national terrorism threat level to probable', 'ASIO said the National Terrorism Threat Level had been raised.', 'high', 'au-asio'],
  ['fr', 'Le plan Vigipirate relevé au niveau urgence attentat', "Le gouvernement a relevé la posture Vigipirate au niveau le plus élevé.", 'critical', 'fr-sgdsn'],
  ['fr', 'Vigipirate : le niveau abaissé', 'Le niveau de la posture Vigipirate a été abaissé à "sécurité renforcée – risque attentat".', 'low', 'fr-sgdsn'],
  ['de', 'Österreich erhöht Terrorwarnstufe', 'Die Terrorwarnstufe in Österreich wurde auf die zweithöchste Stufe erhöht.', 'high', 'at-dsn'],
  ['de', 'Schweden senkt Terrorwarnstufe', 'Die Terrorwarnstufe in Schweden wurde auf drei gesenkt.', 'low', 'se-sapo'],
  ['es', 'España eleva el nivel de alerta antiterrorista', 'El Ministerio del Interior eleva el nivel de alerta antiterrorista al máximo.', 'critical', 'es-interior'],
  ['it', 'Italia, alzato il livello di allerta terrorismo', "Il Viminale ha alzato il livello di allerta dopo l'attacco.", 'high', ''],
  ['nl', 'Dreigingsniveau verhoogd naar 4', 'De NCTV heeft het dreigingsniveau verhoogd naar niveau 4 van de 5.', 'high', 'nl-nctv'],
  ['nl', 'België verlaagt dreigingsniveau', 'Het OCAD heeft het dreigingsniveau verlaagd naar niveau 2.', 'low', 'be-ocam'],
  ['sv', 'Säpo höjer terrorhotnivån', 'Säkerhetspolisen höjer terrorhotnivån till fyra på en femgradig skala.', 'high', 'se-sapo'],
  ['sv', 'Terrorhotnivån sänks till tre', 'Säpo sänker terrorhotnivån i Sverige till förhöjt hot.', 'low', 'se-sapo'],
  ['no', 'PST hever terrortrusselnivået', 'Politiets sikkerhetstjeneste har hevet trusselnivået til høy.', 'high', 'no-pst'],
  ['da', 'PET hæver terrortrusselsniveauet', 'Terrortrusselsniveauet i Danmark er hævet til meget alvorligt.', 'high', 'dk-pet'],
  ['pl', 'Wprowadzono stopień alarmowy', 'Premier podwyższył stopień alarmowy w całym kraju.', 'high', ''],
  ['ru', 'Уровень террористической опасности повышен', 'В регионе повышен уровень террористической опасности до «желтого».', 'high', ''],
  ['tr', 'Terör alarm seviyesi yükseltildi', 'Yetkililer terör alarm seviyesini yükseltti.', 'high', ''],
];

describe('alert-level changes in every supported language', () => {
  test.each(CHANGES)('%s: %s', (_lang, title, summary, severity, authority) => {
    const d = detectionOf('alert_level', title, summary);
    expect(d).toBeDefined();
    expect(d?.severity).toBe(severity);
    if (authority) expect(d?.authority).toBe(authority);
  });

  test('the authority country leads the countries', () => {
    const d = detectionOf('alert_level', 'Vigipirate raised after attack in Moscow', 'France raised Vigipirate to its top level after the Moscow attack.');
    expect(d?.countries[0]).toBe('FR');
  });

  test('a level kept or extended is not a change (labelling rules of the news fixtures)', () => {
    expect(kindsOf('Vigipirate maintenu au niveau urgence attentat', 'Le plan Vigipirate est maintenu au niveau urgence attentat pour les fêtes.')).toEqual([]);
    expect(kindsOf('Yellow terror level extended in the region', 'The governor extended the yellow terrorist threat level until July 23.')).toEqual([]);
  });

  test('a static description of the scale is not a change', () => {
    expect(kindsOf('Threat levels explained', 'The UK uses five threat levels, from low to critical, set by the JTAC.')).toEqual([]);
  });

  test('an attack named only as the cause of a raise is not an attack report', () => {
    expect(kindsOf('Vigipirate relevé', "Après l'attentat de Nice, le gouvernement a relevé le plan Vigipirate au niveau urgence attentat."))
      .toEqual(['alert_level']);
  });

  test('a headline that reports both a raise and an attack with casualties gives both', () => {
    expect(kindsOf('Belgium raises terror alert to level 4 as gunman kills two', 'A gunman shot dead two people in the capital, police said.'))
      .toEqual(['alert_level', 'attack']);
  });

  test('headline focus: when the headline reports one kind, the other is context', () => {
    expect(kindsOf('Gunman kills two in Brussels, prompting terror alert', 'Authorities raised the terror alert in the capital to its highest level.'))
      .toEqual(['attack']);
    expect(kindsOf('Belgium raises terror alert to level 4', 'A gunman shot dead two people in the capital, police said.'))
      .toEqual(['alert_level']);
  });
});
