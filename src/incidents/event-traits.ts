/**
 * What kind of attack a report tells of — its means (a knife, guns, a bomb, a vehicle, a
 * siege, fire) and its target (a church, a school, a hotel, a market, a station, an airport,
 * a venue, a museum) — as stems in the languages of the news Tocsin reads. Two undated
 * reports from one city, one of a stabbing and the other of a bombing, are two events;
 * a shared trait is evidence that two reports tell one.
 *
 * Stems match at a word start ("poignard" → "poignardé", "poignardée"); a stem written with a
 * leading `*` matches inside a word too, for compounds ("*messer" → "Küchenmesser"), and one
 * ending in `=` only as a whole word ("metro=", not "Metropolitan"). Stems and text are folded
 * alike (lower case, no Latin or Greek accents, ß ø ł ı spelt plain, Arabic spelling folded).
 */
import { foldText } from './terms';

export type Means = 'stabbing' | 'shooting' | 'bombing' | 'ramming' | 'hostage' | 'arson';
export type Target = 'worship' | 'school' | 'hotel' | 'market' | 'transit' | 'airport' | 'venue' | 'museum';

const MEANS: Record<Means, string[]> = {
  stabbing: [
    'knife', 'knives', 'knifem', 'stabbed', 'stabbing', 'stabs=', 'machete', 'couteau', 'poignard', 'égorg', 'arme blanche', 'armes blanches', 'arma bianca', 'arma blanca', 'armas blancas', 'arma branca', '*messer', 'erstach', 'erstoch', 'niedergestoch',
    'cuchill', 'apuñal', 'acuchill', 'coltell', 'accoltell', 'faca=', 'facas=', 'facada', 'esfaque', 'messteek', 'neergestoken', 'steekpartij',
    'nozem', 'noz=', 'nożem', 'dźgnął', 'zadźga', 'нож', 'зарезал', 'заколол', 'bıçak', '*kniv', 'knivstik', 'noże', 'pobodl',
    'nożu', 'μαχαίρ', 'μαχαιρ', 'puukot', 'veits', 'cuțit', 'injungh', 'szurkál', 'leszur', 'סכין', 'דקירה', 'דקר', 'طعن', 'سكين',
  ],
  shooting: [
    'shoot', 'shot', 'gunm', 'gunfire', 'gunshot', 'rifle', 'fusillade', 'tireur', 'tirs', 'kalachnikov', '*schuss', '*schüsse',
    'schieß', 'schiess', 'erschoss', 'geschossen', 'gewehr', 'tiroteo', 'disparo', 'disparar', 'balacera', 'pistoler',
    'sparator', 'spara', 'tiroteio', 'atirador', 'baleado', 'schiet', 'schoten', 'schutter', 'strzel', 'strzał', 'postrzel',
    'стрельб', 'стрелок', 'стрелял', 'расстрел', 'огнестрел', 'выстрел', 'стрілян', 'стрілець', 'стріля', 'постріл', 'silahlı', 'kurşun',
    'skjut', 'skott', 'skyt', 'skudd', 'skud', 'strel', 'zastrel', 'striel', 'pistol', 'pucn', 'upuc', 'pucal', 'πυροβολ', 'ένοπλ', 'ampui', 'ammutt',
    'ammusk', 'împușc', 'lövöld', 'lelőtt', 'ירי=', 'اطلاق نار', 'اطلاق النار', 'رصاص',
  ],
  bombing: [
    'bomb', 'explo', 'blast', 'detonat', 'suicide bomb', 'kamikaze', '*bombe', '*bomba', 'sprengs', 'sprengstoff', 'estall', 'esplo',
    'ontploff', 'wybuch', 'eksplo', 'zamachowiec', 'взрыв', 'взорв', 'бомб', 'смертни', 'шахид', 'сдетонир', 'вибух', 'підірв', 'patlam',
    'patlay', 'canlı bomba', 'sprängd', 'sprängladd', 'sprängmed', 'spreng', 'vybuch', 'exploz', 'eksploz', 'έκρηξ', 'εκρήξ', 'βόμβ', 'pommi', 'räjäh', 'robban', 'פיצוץ',
    'מטען', 'מחבל מתאבד', 'انفجار', 'تفجير', 'مفخخ', 'انتحاري', 'عبوه', 'قنبل',
  ],
  ramming: [
    'ramming', 'rammed', 'drove into', 'ploughed into', 'plowed into', 'mowed down', 'lorry', 'truck', 'voiture-belier', 'voiture belier',
    'camion', 'amokfahrt', 'in die menge', 'in eine menschenmenge', '*lkw', 'lastwagen', 'gerast', 'atropell', 'furgoneta', 'furgone',
    'investit', 'atropel', 'camião', 'caminhão', 'carrinha', 'inrijd', 'ingereden', 'vrachtwagen', 'ciężarówk', 'wjechał', 'staranow',
    'наехал', 'грузовик', 'протаранил', 'въехал в толпу', 'вантажівк', 'наїхав', 'kamyon', 'ezdi', 'lastbil', 'rammade',
    'lastebil', 'kjørte inn', 'körde in', 'kamion', 'najel', 'naletio', 'φορτηγ', 'kuorma-aut', 'teherautó', 'דריס',
    'דהיס', 'دهس', 'شاحنه',
  ],
  hostage: [
    'hostage', 'barricad', 'otage', 'retranch', 'geisel', 'verschanzt', 'rehen', 'atrincher', 'ostagg', 'barricat', 'refém', 'reféns',
    'gijzel', 'zakladni', 'заложник', 'заручник', 'rehin', 'gisslan', 'gissel', 'gidsel', 'rukojm', 'talac', 'talaca', 'taoc', 'όμηρ',
    'panttivan', 'ostatic', 'túsz', 'ערובה', 'رهائن', 'رهينه',
  ],
  arson: [
    'arson', 'set fire', 'set on fire', 'firebomb', 'molotov', 'incendi', '*brandanschlag', 'brandstift', 'angezündet', 'dato fuoco',
    'da fuoco', 'ateou fogo', 'brandstich', 'podpal', 'поджог', 'поджег', 'подожг', 'підпал', 'kundak', 'mordbrand', 'ildspåsat', 'zapálil',
    'εμπρησ', 'tuhopolt', 'gyújtogat', 'הצתה', 'اضرام', 'احراق',
  ],
};

const TARGETS: Record<Target, string[]> = {
  worship: [
    'church', 'cathedral', 'mosque', 'synagog', 'chapel', 'temple', '*kirche', 'eglise', 'iglesia', 'chiesa', 'igreja', 'kerk', 'kościoł',
    'церк', 'собор', 'мечет', 'синагог', 'kilise', 'camii', '*kyrka', '*kirke', 'kostel', 'crkv', 'džamij', 'εκκλησ', 'kirkko', 'biseric',
    'templom', 'moschee', 'mosquee', 'mezquita', 'moschea', 'mesquita', 'moskee', 'meczet', 'moské', 'mešit', 'sinagog', 'catedral',
    'cattedral', 'kathedr', 'cathedr', 'beit knesset', 'בית כנסת', 'כנסי', 'مسجد', 'كنيس', 'كاتدرائي',
  ],
  school: [
    'school', 'universit', 'college', 'campus', 'école', 'lycée', '*schule', 'escuela', 'colegio', 'scuola', 'escola', 'szkoł', 'uniwersytet',
    'школ', 'университет', 'гимнази', 'університет', 'okul', 'üniversite', '*skola', '*skole', 'škol', 'σχολ', 'πανεπιστ', 'koulu', 'yliopist',
    'școal', 'iskol', 'egyetem', 'אוניברסיט', 'مدرسه', 'جامعه',
  ],
  hotel: ['hotel', 'отел', 'гостиниц', 'готел', 'otel', 'ξενοδοχ', 'szállod', 'מלון', 'فندق'],
  market: [
    'market', 'mall', 'shopping', '*markt', 'marché', 'mercad', 'mercat', 'supermark', 'supermarch', 'einkauf', 'centro comercial',
    'centre commercial', 'centrum handlowe', 'targowisk', 'рынок', 'рынке', 'рынка', 'базар', 'торговый центр', 'торговом центре', 'ринок',
    'ринку', 'çarşı', 'alışveriş', 'köpcentr', 'kjøpesenter', 'nákupní', 'trgovin', 'tržnic', 'εμπορικ', 'kauppakesk', 'piața', 'bevásárl',
    'קניון', 'שוק', 'سوق', 'handlegate',
  ],
  transit: [
    'station', 'metro=', 'subway', 'underground', 'train station', 'trains=', 'railway', 'gare=', 'u-bahn', '*bahnhof', 'estacion', 'stazione', 'estação', 'comboio',
    'trein', 'stacj', 'dworz', 'pociąg', 'metrze=', 'метро=', 'станци', 'вокзал', 'поезд', 'электрич', 'станці', 'потяг', 'istasyon', 'tunnelbana',
    'stasjon', 't-bane', 'stanic', 'nádraží', 'kolodvor', 'σταθμ', 'μετρό', 'asema', 'metrou', 'állomás', 'תחנ', 'רכבת', 'محطه', 'مترو', 'قطار',
    'buses', 'bus stop', 'autobus', 'троллейбус', 'тролейбус', 'автобус', 'otobüs',
  ],
  airport: [
    'airport', 'aeroport', 'flughafen', 'aeropuerto', 'aeroporto', 'luchthaven', 'lotnisk', 'аэропорт', 'аеропорт', 'havaliman', 'havaalan',
    'flygplats', 'lufthavn', 'letiště', 'zračn', 'αεροδρόμ', 'lentoasem', 'lentokent', 'repülőtér', 'נמל התעופה', 'مطار',
  ],
  venue: [
    'concert', 'konzert', 'concierto', 'concerto', 'festival', 'stadium', 'stade', 'stadion', 'estadio', 'stadio', 'nightclub', 'night club',
    'boîte de nuit', 'discot', 'diskot', 'nachtclub', 'nachtklub', 'kulüb', 'kulüp', 'klub', 'концерт', 'ночной клуб', 'ночном клубе',
    'нічний клуб', 'нічному клубі', 'koncert', 'συναυλ', 'konsert', 'מועדון', 'ملهي',
  ],
  museum: ['museum', 'musée', 'museo', 'museu', 'muzeum', 'музе', 'müze', 'μουσεί', 'muzeu', 'מוזיאון', 'متحف'],
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Arabic and Hebrew write conjunctions, prepositions and the article onto the word ("بسكين",
// "الانفجار", "בפיגוע"): their stems may follow those proclitics.
const PROCLITICS: [RegExp, string][] = [
  [/^[\u0600-\u06ff]/u, '(?:[وفبلك])?(?:ال)?'],
  [/^[\u0590-\u05ff]/u, '[ובהלמשכ]{0,2}'],
];

/**
 * One regex per trait over folded text: a stem at a word start (after the proclitics of its
 * script), anywhere in a word when written `*stem`, as a whole word when written `stem=`.
 */
function compile<K extends string>(table: Record<K, string[]>): [K, RegExp][] {
  return (Object.entries(table) as [K, string[]][]).map(([k, stems]) => {
    const alts = [...new Set(stems.map((s) => foldText(s)))].map((raw) => {
      const inside = raw.startsWith('*');
      const whole = raw.endsWith('=');
      const stem = raw.slice(inside ? 1 : 0, whole ? -1 : undefined);
      const before = inside ? '' : `(?<![\\p{L}\\p{M}])${PROCLITICS.find(([script]) => script.test(stem))?.[1] ?? ''}`;
      return `${before}${escape(stem)}${whole ? '(?![\\p{L}\\p{M}])' : ''}`;
    });
    return [k, new RegExp(alts.join('|'), 'u')];
  });
}

const MEANS_RE = compile(MEANS);
const TARGET_RE = compile(TARGETS);

export interface EventTraits {
  means: Means[];
  targets: Target[];
}

export function eventTraits(text: string): EventTraits {
  const folded = foldText(text);
  return {
    means: MEANS_RE.filter(([, re]) => re.test(folded)).map(([k]) => k),
    targets: TARGET_RE.filter(([, re]) => re.test(folded)).map(([k]) => k),
  };
}

/** Both name a means and none in common: a stabbing and a bombing are two events. */
export function meansConflict(a: EventTraits, b: EventTraits): boolean {
  return a.means.length > 0 && b.means.length > 0 && !a.means.some((m) => b.means.includes(m));
}

/** The traits two reports share. */
export function sharedTraits(a: EventTraits, b: EventTraits): { means: Means[]; targets: Target[] } {
  return { means: a.means.filter((m) => b.means.includes(m)), targets: a.targets.filter((t) => b.targets.includes(t)) };
}
