import { detectionOf, kindsOf } from './shipped-detector';

// Our own sentences for the families of level news that the first rules missed (issue 11):
// change nouns in headlines, "set to", lifted/ended regional colour levels, Polish degrees.
// [title, direction, authority ('' = none expected)]
const CHANGES: [title: string, direction: string, authority: string][] = [
  ['Dreigingsniveau verhoogd naar 4', 'raised', ''],
  ['Warnstufe steigt von 3 auf 4 in Österreich', 'raised', 'at-dsn'],
  ['PET hæver trusselsniveauet til meget alvorlig', 'raised', 'dk-pet'],
  ['Trusselnivået settes til høy, opplyser PST', 'set', 'no-pst'],
  ['Vigipirate passe en urgence attentat', 'raised', 'fr-sgdsn'],
  ['Herabstufung der Terrorwarnstufe in Großbritannien', 'lowered', 'uk-mi5'],
  ['Nedjustering av terrortrusselnivået i Norge', 'lowered', 'no-pst'],
  ['Premier wprowadził drugi stopień alarmowy BRAVO w całym kraju', 'raised', ''],
  ['В регионе введён «жёлтый» уровень террористической опасности', 'raised', ''],
  ['В Алматы снят «красный» уровень террористической опасности', 'lowered', ''],
  ["New Zealand's threat level lifted from low to high", 'raised', 'nz-nzsis'],
  ["New Zealand's terror threat level dropped from medium to low", 'lowered', 'nz-nzsis'],
  ['Governo eleva grau de ameaça terrorista para significativo', 'raised', ''],
  ['Säpo sänker terrorhotnivån från fyra till tre', 'lowered', 'se-sapo'],
];

describe('level news: families of phrasing', () => {
  test.each(CHANGES)('%s', (title, direction, authority) => {
    const d = detectionOf('alert_level', title);
    expect(d?.level?.direction).toBe(direction);
    if (authority) expect(d?.authority).toBe(authority);
  });
});

// Look-alikes: talk about a level that is not a change of it (fixtures README labelling rules).
const NOT_CHANGES: [family: string, title: string][] = [
  ['police alert without a formal level', 'Police on high alert after stabbing in city centre'],
  ['level unchanged', 'Threat level remains at substantial, says Home Office'],
  ['level extended', 'Yellow terror threat level extended until May 1 in the region'],
  ['retrospective', 'The threat level has stood at 4 since 2015'],
  ['modal', 'Government could raise the threat level next week'],
  ['avalanche level', 'Avalanche warning level raised to 4 in the Alps'],
  ['avalanche compound', 'Lawinenwarnstufe auf 4 erhöht'],
  ['threat grew within the level', 'Truslen er steget inden for det nuværende niveau, siger PET'],
  ['debate', 'Opposition calls for the threat level to be raised'],
  ['no reason to raise', 'Kein Grund, die Terrorwarnstufe zu erhöhen, sagt der Minister'],
  ['heat warning', 'Heat warning level raised to red in Spain'],
  ['security stepped up', 'Police raise security at stations after attack in Brussels'],
];

describe('level news: look-alikes stay quiet', () => {
  test.each(NOT_CHANGES)('%s: %s', (_family, title) => {
    expect(kindsOf(title)).not.toContain('alert_level');
  });
});
