/**
 * Number words for casualty counts, folded (lower case, Latin accents removed).
 * Vague quantities get a documented floor: "dozens" → 24, "scores" → 40,
 * "hundreds" → 200, "several"/"a few" → 3 (see docs/rules.md).
 */
import { foldArabic } from './normalise';

const UNITS: Record<string, string[]> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  fr: ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt'],
  de: ['ein', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwolf', 'dreizehn', 'vierzehn', 'funfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig'],
  es: ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciseis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte'],
  it: ['uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove', 'venti'],
  nl: ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig'],
  sv: ['en', 'tva', 'tre', 'fyra', 'fem', 'sex', 'sju', 'atta', 'nio', 'tio', 'elva', 'tolv', 'tretton', 'fjorton', 'femton', 'sexton', 'sjutton', 'arton', 'nitton', 'tjugo'],
  no: ['en', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'atte', 'ni', 'ti', 'elleve', 'tolv', 'tretten', 'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten', 'tjue'],
  da: ['en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv', 'tretten', 'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten', 'tyve'],
  pt: ['um', 'dois', 'tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'catorze', 'quinze', 'dezesseis', 'dezessete', 'dezoito', 'dezenove', 'vinte'],
  pl: ['jeden', 'dwa', 'trzy', 'cztery', 'piec', 'szesc', 'siedem', 'osiem', 'dziewiec', 'dziesiec', 'jedenascie', 'dwanascie', 'trzynascie', 'czternascie', 'pietnascie', 'szesnascie', 'siedemnascie', 'osiemnascie', 'dziewietnascie', 'dwadziescia'],
  ru: ['один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать', 'двадцать'],
  ro: ['unu', 'doi', 'trei', 'patru', 'cinci', 'sase', 'sapte', 'opt', 'noua', 'zece'],
  cs: ['jeden', 'dva', 'tri', 'ctyri', 'pet', 'sest', 'sedm', 'osm', 'devet', 'deset'],
  sk: ['jeden', 'dva', 'tri', 'styri', 'pat', 'sest', 'sedem', 'osem', 'devat', 'desat'],
  hr: ['jedan', 'dva', 'tri', 'cetiri', 'pet', 'sest', 'sedam', 'osam', 'devet', 'deset'],
  uk: ['один', 'два', 'три', 'чотири', 'пять', 'шість', 'сім', 'вісім', 'девять', 'десять'],
  el: ['ενας', 'δυο', 'τρεις', 'τεσσερις', 'πεντε', 'εξι', 'επτα', 'οκτω', 'εννεα', 'δεκα'],
  fi: ['yksi', 'kaksi', 'kolme', 'nelja', 'viisi', 'kuusi', 'seitseman', 'kahdeksan', 'yhdeksan', 'kymmenen'],
  hu: ['egy', 'ketto', 'harom', 'negy', 'ot', 'hat', 'het', 'nyolc', 'kilenc', 'tiz'],
  tr: ['bir', 'iki', 'uc', 'dort', 'bes', 'alti', 'yedi', 'sekiz', 'dokuz', 'on', 'on bir', 'on iki', 'on uc', 'on dort', 'on bes', 'on alti', 'on yedi', 'on sekiz', 'on dokuz', 'yirmi'],
};

/** Inflected and feminine forms that the table above does not hold. */
const EXTRA: Record<string, number> = {
  zwei: 2, dwie: 2, dwoch: 2, dvi: 2, две: 2, двое: 2, двух: 2, drei: 3, trzech: 3, трое: 3, трех: 3, трёх: 3,
  duas: 2, dwoma: 2, czterech: 4, pieciu: 5, пятеро: 5, ambos: 2, both: 2, beide: 2, beiden: 2, deux: 2,
  dozen: 12, dutzend: 12, douzaine: 12, docena: 12, dozzina: 12, dozijn: 12, dussin: 12, dusin: 12,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dreissig: 30, vierzig: 40, funfzig: 50, hundert: 100, trente: 30, quarante: 40, cinquante: 50, cent: 100,
  treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, trenta: 30, quaranta: 40, cinquanta: 50, cento: 100,
  dertig: 30, veertig: 40, vijftig: 50, honderd: 100, trettio: 30, fyrtio: 40, femtio: 50, hundra: 100,
  tretti: 30, forti: 40, femti: 50, hundre: 100, tredive: 30, fyrre: 40, halvtreds: 50, hundrede: 100,
  тридцать: 30, сорок: 40, пятьдесят: 50, сто: 100,
  doua: 2, dve: 2, dvou: 2, dvoch: 2, dvaja: 2, traja: 3, troch: 3, dvije: 2, dvoje: 2, troje: 3,
  اثنان: 2, اثنين: 2, ثلاثة: 3, أربعة: 4, اربعة: 4, خمسة: 5, ستة: 6, سبعة: 7, ثمانية: 8, تسعة: 9, عشرة: 10,
  двоє: 2, двох: 2, троє: 3, трьох: 3, ket: 2, ketten: 2, harman: 3, τρια: 3, τεσσερα: 4, εφτα: 7, οχτω: 8, εννια: 9,
};

/** Vague quantities and their floors. */
export const VAGUE: Record<string, number> = {
  several: 3, few: 3, mehrere: 3, einige: 3, plusieurs: 3, varios: 3, varias: 3, diversi: 3, alcuni: 3,
  meerdere: 3, verscheidene: 3, flera: 3, flere: 3, несколько: 3, kilka: 3, kilku: 3, birkac: 3,
  dozens: 24, dutzende: 24, dizaines: 24, decenas: 24, decine: 24, tientallen: 24, tiotals: 24, titalls: 24, snesevis: 24, десятки: 24, десятков: 24, dziesiatki: 24, onlarca: 24, dezenas: 24,
  scores: 40,
  hundreds: 200, hunderte: 200, centaines: 200, cientos: 200, centinaia: 200, honderden: 200, hundratals: 200, hundrevis: 200, hundredvis: 200, сотни: 200, setki: 200, yuzlerce: 200, centenas: 200,
};

/** Indefinite articles: "a teacher was killed" counts one. */
export const ARTICLES: ReadonlySet<string> = new Set([
  'a', 'an', 'un', 'une', 'ein', 'eine', 'einen', 'einer', 'uno', 'una', 'een', 'en', 'ett', 'et', 'um', 'uma', 'bir',
]);

const TENS = new Set([20, 30, 40, 50, 60, 70, 80, 90]);

function buildWords(): Map<string, number> {
  const words = new Map<string, number>();
  for (const list of Object.values(UNITS)) {
    list.forEach((w, i) => {
      // Multi-word forms ("dix-sept", "on bir") are matched token by token; keep the last part only when unambiguous.
      if (!/[\s-]/.test(w) && !words.has(foldArabic(w))) words.set(foldArabic(w), i + 1);
    });
  }
  for (const [w, n] of Object.entries(EXTRA)) words.set(foldArabic(w), n);
  // "to" is Norwegian/Danish for two but an English preposition: too risky. Articles
  // double as "one" in many languages; they count only before a noun (see ARTICLES).
  // Turkish "on" (10), Norwegian "fire" (4), "ti", "ni", "dort" collide with common words.
  // Hungarian "egy" is also its article, "het" (7) Dutch "the"; "hat", "opt", "pet" are English words.
  for (const w of ['to', 'on', 'fire', 'ti', 'ni', 'dort', 'egy', 'hat', 'het', 'opt', 'pet', ...ARTICLES]) words.delete(w);
  return words;
}

export const NUMBER_WORDS: ReadonlyMap<string, number> = buildWords();

/**
 * Norwegian/Danish/Turkish numbers that are also common words elsewhere ("to", "fire",
 * "on"): they count only right before a person noun ("to personer") or, for "to", right
 * before the casualty word ("to drept").
 */
const CONTEXT_NUMBERS: Record<string, number> = { to: 2, fire: 4, ti: 10, on: 10 };
const PERSON_NOUNS = new Set(['personer', 'mennesker', 'menneske', 'kisi', 'personar', 'sivile', 'civile']);

export function contextNumber(norm: string, next: string, nextIsCue: boolean): number | null {
  const n = CONTEXT_NUMBERS[norm];
  if (n === undefined) return null;
  return PERSON_NOUNS.has(next) || (nextIsCue && norm === 'to') ? n : null;
}

/** Words that are numbers except before these ("due to", "ten minste"). */
const NOT_BEFORE: Record<string, string> = { due: 'to', ten: 'minste' };

/** Whether a number word is used as something else, judging by the next word. */
export function isFalseNumber(norm: string, next: string): boolean {
  return NOT_BEFORE[norm] === next;
}

/** Value of a lone token: digits, a number word, or a vague quantity; null otherwise. */
export function tokenValue(norm: string): number | null {
  if (/^\d+(?:[.,]\d{3})*$/.test(norm)) {
    const n = Number(norm.replace(/[.,]/g, ''));
    // A four-digit year is not a count.
    return /^(19|20)\d\d$/.test(norm) ? null : n;
  }
  return NUMBER_WORDS.get(norm) ?? VAGUE[norm] ?? null;
}

export function isTens(n: number): boolean {
  return TENS.has(n);
}
