/**
 * Words around casualty counts, per language. Cue terms use the rule term syntax
 * (trailing `*` = any ending) and go into the shared automaton; fillers and modifiers
 * are folded single words the count walker may step over.
 */
import type { TermList } from './config-types';

export const KILLED_CUES: TermList = {
  en: ['killed', 'killing', 'kill', 'kills', 'dead', 'died', 'deaths', 'death toll', 'shot dead', 'stabbed to death', 'fatally stabbed', 'fatally shot', 'fatalities', 'claiming the lives of', 'bodies'],
  fr: ['tue', 'tues', 'tuee', 'tuees', 'tuant', 'morts', 'mort', 'deces', 'decedes', 'abattu*', 'perdu la vie'],
  de: ['tote', 'toten', 'getotet', 'totete', 'starben', 'gestorben', 'ums leben', 'todesopfer'],
  es: ['muertos', 'muertas', 'muerto', 'fallecidos', 'fallecieron', 'murieron', 'mato', 'mataron', 'matando', 'asesinad*', 'victimas mortales'],
  it: ['morti', 'morto', 'morte', 'uccis*', 'deceduti', 'sono morte', 'sono morti'],
  nl: ['doden', 'dode', 'gedood', 'doodde', 'omgekomen', 'overleden', 'kwamen om', 'om het leven'],
  sv: ['doda', 'dodade', 'dodades', 'dodad', 'dog', 'omkomna', 'omkom', 'dodsoffer'],
  no: ['drept', 'drepte', 'dode', 'dod', 'omkom', 'omkomne'],
  da: ['draebt', 'draebte', 'dode', 'omkom', 'omkomne', 'dodsofre'],
  pt: ['mortos', 'mortas', 'morreram', 'matou', 'mataram', 'matando', 'vitimas fatais'],
  pl: ['zabit*', 'zabil*', 'zgin*', 'ofiar smiertelnych', 'nie zyje', 'zmarl*'],
  ru: ['погиб*', 'убит*', 'убил*', 'погибш*', 'скончал*'],
  tr: ['oldu', 'olu', 'oldurdu', 'hayatini kaybet*', 'can verdi'],
  uk: ['загинул*', 'загинув', 'загибл*', 'вбит*', 'вбив*'],
  ar: ['*قتلى', '*قتيلا', '*قتيل', 'قتل', 'وقتل'],
  he: ['*הרוגים', '*נהרגו', '*נרצחו'],
  el: ['σκοτωθηκ*', 'σκοτωσ*', 'σκοτωνοντας', 'νεκρ*'],
  cs: ['zabit*', 'zabil*', 'zemrel*', 'mrtv*', 'usmrc*'],
  sk: ['zabit*', 'zabil*', 'zomrel*', 'mrtv*', 'zastrelil*'],
  hr: ['ubijen*', 'ubio', 'ubila', 'ubili', 'poginul*', 'poginuo', 'mrtv*'],
  sr: ['ubijen*', 'ubio', 'ubila', 'ubili', 'poginul*', 'poginuo', 'mrtv*'],
  ro: ['morti', 'mortii', 'ucisi', 'ucis', 'murit', 'decedat*'],
  hu: ['meghalt*', 'halott*', 'halalos aldozat*', 'megolt*'],
  fi: ['kuoli', 'kuollut*', 'kuolleita', 'kuolonuhr*'],
  nn: ['drepne', 'doydde'],
};

/**
 * Death-toll nouns: the count may come several words later, past the place and the
 * event ("the death toll in the Kabul attack rises to 60", "حصيلة قتلى ... 28").
 */
export const TOLL_CUES: TermList = {
  en: ['death toll', 'toll'],
  fr: ['bilan'],
  de: ['zahl der toten', 'zahl der todesopfer', 'todeszahl'],
  es: ['balance de muertos', 'cifra de muertos', 'balance de victimas', 'cifra de fallecidos'],
  it: ['bilancio', 'numero dei morti', 'numero delle vittime'],
  nl: ['dodental', 'aantal doden'],
  pt: ['numero de mortos', 'balanco'],
  pl: ['liczba ofiar', 'bilans'],
  ru: ['число погибших', 'число жертв'],
  uk: ['кількість загиблих', 'кількість жертв'],
  tr: ['olu sayisi'],
  ar: ['*حصيلة'],
  sv: ['dodstalet', 'dodssiffran'],
  no: ['dodstallet'],
  da: ['dodstallet', 'dodstal'],
};

export const INJURED_CUES: TermList = {
  en: ['injured', 'injuring', 'injures', 'injuries', 'wounded', 'wounding', 'wounds', 'hurt', 'hospitalized', 'hospitalised', 'casualties', 'stabbed', 'stabs'],
  fr: ['blesse', 'blesses', 'blessee', 'blessees', 'blessant', 'hospitalises', 'poignarde*'],
  de: ['verletzt', 'verletzte', 'verletzten', 'verletzen', 'verwundet', 'verwundete', 'verwundeten', 'niedergestochen'],
  es: ['heridos', 'herido', 'heridas', 'hiriendo', 'hirio', 'lesionados', 'apunalo', 'apunalados'],
  it: ['feriti', 'ferito', 'ferite', 'ferendo', 'ferisce', 'feriscono', 'accoltellato', 'accoltellati'],
  nl: ['gewonden', 'gewond', 'verwond', 'verwondde', 'verwondden', 'verwondingen', 'neergestoken'],
  sv: ['skadade', 'skadades', 'skadad', 'skadat', 'sarade', 'sarad'],
  no: ['skadet', 'skadd', 'skadde', 'sarede', 'saret'],
  da: ['saret', 'sarede', 'kvaestede', 'kvaestet'],
  pt: ['feridos', 'feridas', 'ferido', 'ferindo', 'feriu', 'feriram'],
  pl: ['rann*', 'ranil*', 'poszkodowan*'],
  ru: ['ранен*', 'пострадал*', 'ранил*', 'госпитализир*'],
  tr: ['yaralandi', 'yarali', 'yaraladi'],
  uk: ['поранен*', 'постраждал*', 'госпіталізов*'],
  ar: ['*جرحى', '*جريحا', '*مصابا', '*مصابين', 'جرح', 'وجرح', 'اصيب', 'أصيب', 'واصيب', 'وأصيب'],
  he: ['*פצועים', '*נפצעו'],
  el: ['τραυματ*'],
  cs: ['zranen*', 'zranil*'],
  sk: ['zranen*', 'zranil*'],
  hr: ['ranjen*', 'ranio', 'ranila'],
  sr: ['ranjen*', 'ranio', 'ranila'],
  ro: ['raniti', 'ranit*', 'ranite'],
  hu: ['megserult*', 'serult*', 'sebesult*'],
  fi: ['loukkaantui', 'loukkaantun*', 'haavoittu*'],
};

/** Words a count may be separated from its cue by ("12 people were killed"). */
export const FILLERS: ReadonlySet<string> = new Set([
  'people', 'persons', 'person', 'others', 'other', 'more', 'were', 'was', 'have', 'has', 'had', 'been', 'are', 'is', 'be',
  'reportedly', 'reported', 'seriously', 'critically', 'badly', 'lightly', 'slightly', 'fatally', 'also', 'civilians',
  'children', 'of', 'them', 'men', 'women', 'individuals', 'victims', 'least', 'another', 'further', 'who',
  'menschen', 'personen', 'weitere', 'wurden', 'sind', 'waren', 'worden', 'schwer', 'leicht', 'es', 'gab', 'gibt',
  'personnes', 'autres', 'ont', 'ete', 'sont', 'grievement', 'legerement', 'dont', 'fait', 'font', 'ete', 'a',
  'personas', 'otras', 'otros', 'han', 'sido', 'fueron', 'resultaron', 'gravemente', 'hay', 'deja', 'dejo',
  'persone', 'altre', 'altri', 'stati', 'state', 'rimaste', 'rimasti', 'ci', 'causato',
  'mensen', 'andere', 'zijn', 'werden', 'raakten', 'zwaar', 'vallen', 'vielen',
  'personer', 'manniskor', 'andra', 'har', 'blev', 'allvarligt', 'svart', 'lindrigt', 'mennesker', 'andre', 'ble', 'er',
  'alvorlig', 'hardt', 'alvorligt', 'haardt',
  'pessoas', 'foram', 'ficaram', 'osoby', 'osob', 'ludzi', 'innych', 'zostalo', 'zostaly', 'zostali',
  'человек', 'людей', 'были', 'еще', 'ещё', 'kisi', 'insan', 'людини', 'осіб', 'було',
  'au', 'fost', 'sunt', 'persoane', 'oameni', 'byl', 'byli', 'bylo', 'byla', 'je', 'jsou', 'boli', 'bol', 'lidi', 'lidí',
  'osob', 'osoby', 'ludi', 'ljudi', 'osoba', 'su', 'bilo', 'bili', 'je', 'ember', 'embert', 'ihmista', 'ihmiset',
  'ανθρωποι', 'ατομα', 'ανθρωπων',
]);

/** Qualifiers before a count ("at least", "more than"): skipped, the count is kept. */
export const MODIFIERS: ReadonlySet<string> = new Set([
  'at', 'least', 'more', 'than', 'over', 'up', 'nearly', 'almost', 'about', 'around', 'some', 'all', 'another', 'estimated',
  'mindestens', 'uber', 'fast', 'rund', 'etwa', 'bis', 'zu', 'au', 'moins', 'plus', 'de', 'pres', 'd', 'environ', 'une',
  'al', 'menos', 'mas', 'casi', 'unos', 'unas', 'almeno', 'oltre', 'circa', 'quasi', 'minstens', 'ten', 'minste', 'meer',
  'dan', 'bijna', 'zeker', 'minst', 'nastan', 'mer', 'enn', 'naer', 'mindst', 'mere', 'end', 'naesten', 'не', 'менее',
  'более', 'по', 'меньшей', 'мере', 'около', 'свыше', 'co', 'najmniej', 'ponad', 'prawie', 'az', 'fazla', 'pelo', 'mais',
  'cerca', 'quase', 'the', 'les', 'die', 'der', 'los', 'las', 'gli', 'i', 'le', 'la', 'el', 'de', 'het', 'los',
  // "death toll rises to 133", "Zahl der Toten steigt auf 12", "le bilan passe à 12"
  'rises', 'rose', 'risen', 'climbs', 'climbed', 'reaches', 'reached', 'stands', 'now', 'to', 'has', 'auf', 'steigt', 'stieg',
  'gestiegen', 'eleve', 'passe', 'monte', 'asciende', 'sube', 'sale', 'salito', 'stijgt', 'gestegen', 'naar', 'stiger', 'steg',
  'till', 'til', 'вырос', 'возросло', 'достигло', 'до',
]);

/** Words joining a range ("10 to 12"): the upper bound is kept. */
export const RANGE_JOINERS: ReadonlySet<string> = new Set([
  'to', 'or', 'bis', 'a', 'ou', 'o', 'tot', 'till', 'til', 'до', 'lub', 'do', 'ile', 'und',
]);
