/**
 * When the text says the event happened: weekdays ("on Sunday", "dinsdagochtend", "в
 * воскресенье"), day-month dates ("24 March", "le 22 mars", "29 марта") and months of a year
 * ("März 2016", "2016-03", a partial date of the report), in the languages of the news Tocsin reads. An undated report uses them to stay out of an incident of another
 * year at the same place. Stems match at a word start, so compounds and inflections count.
 */
import { foldText } from './terms';

/** Stems are compared with folded text (no accents on Latin letters), so they are folded too. */
function folded(table: string[][]): string[][] {
  return table.map((stems) => [...new Set(stems.map(foldText))]);
}

/** Weekday stems, Sunday first (JavaScript's getUTCDay order). Short ambiguous words are left out. */
const WEEKDAYS: readonly string[][] = folded([
  ['sunday', 'domingo', 'sonntag', 'воскресень', 'dimanche', 'zondag', 'الأحد', 'niedziel', 'domenica', 'söndag', 'sondag', 'neděl', 'nedel', 'неділ', 'søndag', 'κυριακ', 'sunnuntai', 'nedjelj', 'duminic', 'vasárnap', 'vasarnap', 'недељ'],
  ['monday', 'lunes', 'montag', 'понедельник', 'lundi', 'segunda-feira', 'maandag', 'الاثنين', 'poniedział', 'poniedzial', 'lunedì', 'lunedi', 'pazartesi', 'måndag', 'mandag', 'pondělí', 'pondeli', 'понеділ', 'δευτέρα', 'δευτερα', 'maanantai', 'ponedjelj', 'ponedeljak', 'hétfő', 'hetfo', 'pondelok', 'понедељ'],
  ['tuesday', 'martes', 'dienstag', 'вторник', 'mardi', 'terça-feira', 'terca-feira', 'dinsdag', 'الثلاثاء', 'wtorek', 'wtorku', 'martedì', 'martedi', 'salı', 'tisdag', 'tirsdag', 'úterý', 'utery', 'вівтор', 'tiistai', 'utorak', 'utorka', 'marți', 'marti', 'kedd', 'utorok', 'уторак', 'уторак'],
  ['wednesday', 'miércoles', 'miercoles', 'mittwoch', 'среду', 'среда', 'mercredi', 'quarta-feira', 'woensdag', 'الأربعاء', 'środ', 'sroda', 'srode', 'mercoledì', 'mercoledi', 'çarşamba', 'carsamba', 'onsdag', 'středa', 'středu', 'streda', 'stredu', 'середа', 'середу', 'keskiviikko', 'srijeda', 'srijedu', 'miercuri', 'szerda', 'τετάρτη', 'τεταρτη'],
  ['thursday', 'jueves', 'donnerstag', 'четверг', 'jeudi', 'quinta-feira', 'donderdag', 'الخميس', 'czwart', 'giovedì', 'giovedi', 'perşembe', 'persembe', 'torsdag', 'čtvrt', 'ctvrt', 'четвер', 'πέμπτη', 'πεμπτη', 'torstai', 'četvrt', 'cetvrt', 'csütörtök', 'csutortok', 'štvrt', 'stvrt', 'четвртак'],
  ['friday', 'viernes', 'freitag', 'пятниц', 'vendredi', 'sexta-feira', 'vrijdag', 'الجمعة', 'piątek', 'piątku', 'piatek', 'piatku', 'venerdì', 'venerdi', 'cuma', 'fredag', 'pátek', 'pátku', 'patek', "п'ятниц", 'пʼятниц', 'пятниц', 'παρασκευ', 'perjantai', 'petak', 'petka', 'vineri', 'péntek', 'pentek', 'piatok', 'piatku', 'петак'],
  ['saturday', 'sábado', 'sabado', 'samstag', 'sonnabend', 'суббот', 'samedi', 'zaterdag', 'السبت', 'sobot', 'sabato', 'cumartesi', 'lördag', 'lordag', 'субот', 'lørdag', 'laurdag', 'σάββατο', 'σαββατο', 'lauantai', 'subot', 'sâmbătă', 'sambata', 'szombat'],
]);

/** Month stems, January first. */
const MONTHS: readonly string[][] = folded([
  ['january', 'janvier', 'januar', 'enero', 'gennaio', 'janeiro', 'januari', 'stycz', 'январ', 'січн', 'ledna', 'leden', 'ocak', 'tammikuu', 'siječ', 'ianuarie', 'január'],
  ['february', 'février', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari', 'luty', 'lutego', 'феврал', 'лютого', 'лютий', 'února', 'únor', 'şubat', 'subat', 'helmikuu', 'veljač', 'februarie', 'február'],
  ['march', 'mars', 'märz', 'marz', 'marzo', 'março', 'marco', 'maart', 'marzec', 'marca', 'март', 'березн', 'березен', 'března', 'březen', 'mart', 'maaliskuu', 'ožujk', 'martie', 'március'],
  ['april', 'avril', 'abril', 'aprile', 'kwiet', 'kwiecie', 'апрел', 'квітн', 'квітен', 'dubna', 'duben', 'nisan', 'huhtikuu', 'travanj', 'travnja', 'aprilie', 'április'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maja', 'мая', 'май', 'травн', 'травен', 'května', 'květen', 'mayıs', 'mayis', 'toukokuu', 'svibanj', 'svibnja', 'május'],
  ['june', 'juin', 'juni', 'junio', 'giugno', 'junho', 'czerw', 'июн', 'червн', 'червен', 'června', 'červen', 'haziran', 'kesäkuu', 'lipanj', 'lipnja', 'iunie', 'június'],
  ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho', 'lipiec', 'lipca', 'июл', 'липн', 'липен', 'července', 'červenec', 'temmuz', 'heinäkuu', 'srpanj', 'srpnja', 'iulie', 'július'],
  ['august', 'août', 'aout', 'agosto', 'augustus', 'augusti', 'sierp', 'август', 'серпн', 'серпен', 'srpna', 'srpen', 'ağustos', 'agustos', 'elokuu', 'kolovoz', 'augusztus'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'wrzes', 'wrześ', 'сентябр', 'вересн', 'вересен', 'září', 'eylül', 'eylul', 'syyskuu', 'rujan', 'rujna', 'septembrie', 'szeptember'],
  ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'październik', 'pazdziernik', 'октябр', 'жовтн', 'жовтен', 'října', 'říjen', 'ekim', 'lokakuu', 'octombrie', 'október'],
  ['november', 'novembre', 'noviembre', 'novembro', 'listopada', 'ноябр', 'листопад', 'listopadu', 'kasım', 'kasim', 'marraskuu', 'studen', 'noiembrie'],
  ['december', 'décembre', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'grud', 'декабр', 'грудн', 'груден', 'prosince', 'prosinec', 'aralık', 'aralik', 'joulukuu', 'prosin', 'decembrie'],
]);

export interface EventDateCues {
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** Month (1–12) and day named together, without a year. */
  days: { month: number; day: number }[];
  /** Month and year named together: a partial date ("2016-03") or "March 2016", "марта 2016". */
  months: { year: number; month: number }[];
}

/** A year after "since" ("seit März 2015", "depuis 2014") is a reference, not the event's. */
export const SINCE = /^(since|seit|depuis|desde|dal|dalla|sinds|sedan|siden|od|с|від|beri|från|fra|sejak)$/iu;

const WORD = /[\p{L}\p{M}'ʼ-]+/gu;

function stemIndex(table: readonly string[][], word: string): number {
  for (let i = 0; i < table.length; i++) if (table[i]?.some((s) => word.startsWith(s))) return i;
  return -1;
}

export function eventDateCues(text: string): EventDateCues {
  const folded = foldText(text);
  const weekdays = new Set<number>();
  for (const m of folded.matchAll(WORD)) {
    const i = stemIndex(WEEKDAYS, m[0]);
    if (i >= 0) weekdays.add(i);
  }
  const days: { month: number; day: number }[] = [];
  const add = (month: number, day: number) => {
    if (month >= 0 && day >= 1 && day <= 31 && !days.some((d) => d.month === month + 1 && d.day === day)) days.push({ month: month + 1, day });
  };
  // "24 March", "le 22 mars", "22. März", "22 de marzo", "24 января"
  for (const m of folded.matchAll(/(?<![\p{N}.,:])(\d{1,2})\.?\s+(?:de\s+)?([\p{L}]+)/gu)) add(stemIndex(MONTHS, m[2] ?? ''), Number(m[1]));
  // "March 24", "March 24th"
  for (const m of folded.matchAll(/([\p{L}]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?![\p{N}:.,]\d)/gu)) add(stemIndex(MONTHS, m[1] ?? ''), Number(m[2]));
  const months: { year: number; month: number }[] = [];
  const addMonth = (year: number, month: number) => {
    if (month >= 1 && !months.some((m) => m.year === year && m.month === month)) months.push({ year, month });
  };
  // "2016-03" (and the month of a full "2016-03-22")
  for (const m of folded.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)-(0[1-9]|1[0-2])(?!\d)/gu)) addMonth(Number(m[1]), Number(m[2]));
  // "March 2016", "im März 2016", "outubro de 2015", "марта 2016" — not "since March 2016"
  for (const m of folded.matchAll(/(?:([\p{L}]+)\s+)?([\p{L}]+)\s+(?:de\s+)?(19[5-9]\d|20\d\d)(?!\d)/gu)) {
    if (!SINCE.test(m[1] ?? '')) addMonth(Number(m[3]), stemIndex(MONTHS, m[2] ?? '') + 1);
  }
  return { weekdays: [...weekdays], days, months };
}

const DAY_MS = 86_400_000;

/**
 * Whether cues from an undated report fit an incident whose dated reports fall on `dates`
 * (ms). The event is on or up to three days before a report; a week or more of reports fits any weekday.
 */
export function cuesFit(cues: EventDateCues, dates: readonly number[]): boolean {
  if (!dates.length) return true;
  const first = Math.min(...dates);
  const last = Math.max(...dates);
  // A month named: some report of the incident falls in it, or a few days either side.
  if (cues.months.length && !cues.months.some((m) => dates.some((t) => t >= monthStart(m) - MONTH_SLACK_MS && t < monthStart(m, 1) + MONTH_SLACK_MS))) {
    return false;
  }
  if (cues.days.length) {
    const ok = cues.days.some(({ month, day }) =>
      dates.some((t) => {
        for (let back = -1; back <= 3; back++) {
          const d = new Date(t - back * DAY_MS);
          if (d.getUTCMonth() + 1 === month && d.getUTCDate() === day) return true;
        }
        return false;
      }),
    );
    if (!ok) return false;
  }
  if (cues.weekdays.length && last - first < 6 * DAY_MS) {
    const allowed = new Set<number>();
    for (let t = first - 3 * DAY_MS; t <= last; t += DAY_MS) allowed.add(new Date(t).getUTCDay());
    if (!cues.weekdays.some((w) => allowed.has(w))) return false;
  }
  return true;
}

const MONTH_SLACK_MS = 4 * DAY_MS;

function monthStart(m: { year: number; month: number }, plus = 0): number {
  return Date.UTC(m.year, m.month - 1 + plus, 1);
}

/** Days apart of two day-months, ignoring the year (December and January are close). */
function daysApart(a: { month: number; day: number }, b: { month: number; day: number }): number {
  const d = Math.abs(Date.UTC(2000, a.month - 1, a.day) - Date.UTC(2000, b.month - 1, b.day)) / DAY_MS;
  return Math.min(d, 366 - d);
}

/**
 * Why two texts that time cannot place (both undated) tell different days, or undefined when
 * they may tell one event: months a month or more apart, or day-months more than four days apart.
 */
export function cuesConflict(a: EventDateCues, b: EventDateCues): string | undefined {
  if (a.months.length && b.months.length) {
    const index = (m: { year: number; month: number }) => m.year * 12 + m.month;
    if (!a.months.some((x) => b.months.some((y) => Math.abs(index(x) - index(y)) <= 1))) return 'the months the texts name differ';
  }
  if (a.days.length && b.days.length && !a.days.some((x) => b.days.some((y) => daysApart(x, y) <= 4))) return 'the days the texts name differ';
  return undefined;
}
