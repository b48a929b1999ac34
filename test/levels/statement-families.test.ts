/**
 * How authorities state a level, as families rather than one page's sentence: verbs before or
 * after the level, numbers with or without "level", "N out of M" in each language, Nordic
 * definite forms, passives, changes "from X to Y", and the authority's English pages. Each is
 * read with the shipped source's own settings (config/sources.yaml + the registry). Written
 * here, not taken from the authorities' pages (those are in official-text.test.ts); 'none'
 * means the page must give no reading (hypotheticals, definitions of the scale).
 */
import { readAs } from './helpers';

const page = (...paragraphs: string[]) =>
  `<html><body><header>Menu</header><main><h1>Threat level</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main><footer>©</footer></body></html>`;

// [source, paragraphs of the page, what the reading must contain ('rank/of' or a step name) or 'none']
const CASES: [string, string[], string][] = [
  ['be-ocam', ['The threat level in Belgium is currently 3 (serious).'], '3/4'],
  ['be-ocam', ['Le niveau de la menace terroriste est actuellement fixé au niveau 3 sur une échelle de 4.'], '3/4'],
  ['be-ocam', ["Het algemene dreigingsniveau blijft op niveau 3 ('ernstig')."], '3/4'],
  ['be-ocam', ["L'OCAM a décidé d'abaisser le niveau de la menace au niveau 2."], '2/4'],
  ['be-ocam', ['The general threat level remains at level 2 (medium) for the whole country.'], '2/4'],
  ['nl-nctv', ['Het dreigingsniveau staat op 4 (substantieel).'], '4/5'],
  ['nl-nctv', ['Het dreigingsniveau blijft 4 op een schaal van 5.'], '4/5'],
  ['nl-nctv', ['De NCTV heeft het dreigingsniveau verlaagd naar niveau 3 (aanzienlijk).'], '3/5'],
  ['nl-nctv', ['Nederland kent op dit moment dreigingsniveau 4 van de 5.'], '4/5'],
  ['nl-nctv', ['The threat level in the Netherlands remains at 4 out of 5 (substantial).'], '4/5'],
  ['dk-pet', ['PET vurderer fortsat, at terrortruslen mod Danmark er alvorlig.'], 'Alvorlig'],
  ['dk-pet', ['Terrortruslen mod Danmark vurderes at være alvorlig, som er niveau fire ud af fem.'], 'Alvorlig'],
  ['dk-pet', ['CTA hæver trusselsniveauet til meget alvorlig.'], 'Meget'],
  ['dk-pet', ['The terror threat to Denmark remains serious.'], '4/5'],
  ['se-sapo', ['Terrorhotnivån i Sverige är förhöjd, nivå 3 på en femgradig skala.'], '3/5'],
  ['se-sapo', ['Säkerhetspolisen sänker terrorhotnivån från 4 till 3.'], '3/5'],
  ['se-sapo', ['Hotnivån ligger kvar på 4 – högt hot.'], '4/5'],
  ['se-sapo', ['The terrorist threat level in Sweden is elevated (3 on a scale of 1 to 5).'], '3/5'],
  ['se-sapo', ['Sweden has lowered its terrorist threat level to 3, elevated threat.'], '3/5'],
  ['nz-nzsis', ["New Zealand's national terrorism threat level is LOW, meaning a terrorist attack is assessed as a realistic possibility."], '2/5'],
  ['nz-nzsis', ['The national terrorism threat level has been raised to HIGH.'], ''],
  ['nz-nzsis', ['The current threat level is POSSIBLE.'], '2/5'],
  ['fr-vigipirate', ['Le Premier ministre a décidé de porter la posture Vigipirate au niveau « urgence attentat » sur l’ensemble du territoire national.'], '3/3'],
  ['fr-vigipirate', ['La posture Vigipirate est maintenue au niveau « urgence attentat » jusqu’à nouvel ordre.'], '3/3'],
  ['fr-vigipirate', ['Le territoire national est placé en « urgence attentat ».'], '3/3'],
  ['fr-vigipirate', ['Le niveau de la posture Vigipirate est abaissé à « sécurité renforcée – risque attentat ».'], '2/3'],
  ['fr-vigipirate', ['Depuis le 24 mars 2024, la France est en urgence attentat, le plus haut niveau du plan Vigipirate.'], '3/3'],
  ['ca-itac', ["Canada's National Terrorism Threat Level is currently MEDIUM."], '3/5'],
  ['ca-itac', ['The current threat level is Medium, meaning a violent act of terrorism could occur.'], '3/5'],
  ['es-interior', ['El nivel de alerta antiterrorista se mantiene en 4 sobre 5.'], '4/5'],
  ['es-interior', ['España mantiene el nivel 4 de alerta antiterrorista.'], '4/5'],
  ['at-dsn', ['In Österreich gilt derzeit die zweithöchste Terrorwarnstufe 4.'], '4/5'],
  ['at-dsn', ['Die Terrorwarnstufe wurde auf Stufe 4 (hohe Gefährdung) angehoben.'], '4/5'],
  ['be-ocam', ['Depuis le 1er février, le niveau général de la menace est de 2 sur 4.'], '2/4'],
  ['be-ocam', ['Het OCAD verhoogt het dreigingsniveau naar 4 voor het hele land.'], '4/4'],
  ['be-ocam', ['In 2016 the threat level was raised to 4 after the Brussels attacks.', 'Today the general threat level is 3.'], '3/4'],
  ['be-ocam', ['If the threat level were raised to 4, the army would patrol the streets.'], 'none'],
  ['nl-nctv', ['Het huidige dreigingsniveau is 4: substantieel.'], '4/5'],
  ['nl-nctv', ['Niveau 5 betekent dat er zeer concrete aanwijzingen zijn voor een aanslag.'], 'none'],
  ['nl-nctv', ['Sinds december 2023 geldt dreigingsniveau 4.'], '4/5'],
  ['dk-pet', ['Truslen mod Danmark fra terror er fortsat alvorlig.'], 'Alvorlig'],
  ['dk-pet', ['CTA har i dag nedjusteret terrortruslen til generel.'], 'Generel'],
  ['se-sapo', ['Säpo höjer terrorhotnivån till fyra, högt hot.'], '4/5'],
  ['se-sapo', ['Terrorhotnivån är 3, förhöjt hot.'], '3/5'],
  ['se-sapo', ['Sedan 2010 har terrorhotnivån legat på 3 med undantag för 2015.'], '3/5'],
  ['nz-nzsis', ['The threat level remains at LOW.'], '2/5'],
  ['nz-nzsis', ['NZ terrorism threat level lowered to low'], '2/5'],
  ['fr-vigipirate', ['La France passe en « urgence attentat », le niveau le plus élevé de Vigipirate.'], '3/3'],
  ['fr-vigipirate', ['Le niveau « urgence attentat » peut être activé en cas de menace imminente.', 'La posture actuelle est « sécurité renforcée – risque attentat ».'], '2/3'],
  ['es-interior', ['El Ministerio del Interior ha elevado el nivel de alerta antiterrorista a 5.'], '5/5'],
  ['es-interior', ['Desde junio de 2015, España se encuentra en el nivel 4 de alerta antiterrorista.'], '4/5'],
  ['at-dsn', ['Aktuell gilt in Österreich die Terrorwarnstufe 4 von 5.'], '4/5'],
  ['at-dsn', ['Die Terrorwarnstufe bleibt auf der zweithöchsten Stufe 4.'], '4/5'],
  ['ca-itac', ['The National Terrorism Threat Level for Canada remains at medium.'], '3/5'],
];

describe('statements of the level, by family', () => {
  it.each(CASES)('%s: %j → %s', (sourceId, paragraphs, want) => {
    const got = readAs(sourceId, page(...paragraphs));
    if (want === 'none') expect(got).toMatch(/^error: .*no statement of the current level/);
    else {
      expect(got).not.toMatch(/^error/);
      expect(got).toContain(want);
    }
  });
});
