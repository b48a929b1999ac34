/** Month names and abbreviations seen in real feeds (en, fr, de, es, it, pt, nl), accents folded. */
const MONTHS: Record<string, number> = {};
const NAMES: string[][] = [
  ['jan', 'january', 'janvier', 'januar', 'jänner', 'janner', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'janv'],
  ['feb', 'february', 'fevrier', 'fev', 'februar', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'fevr'],
  ['mar', 'march', 'mars', 'marz', 'maerz', 'marzo', 'marco', 'maart', 'mrz'],
  ['apr', 'april', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['jun', 'june', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  ['jul', 'july', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  ['aug', 'august', 'aout', 'agosto', 'ago', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre', 'set', 'setembro'],
  ['oct', 'october', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** 1–12 for a month word ("Mär", "déc.", "Novembre"), else undefined. */
export function monthOf(word: string): number | undefined {
  const key = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '');
  return MONTHS[key];
}

/** Zone abbreviations feeds use, in minutes east of UTC (IST read as India, the common case in feeds). */
export const ZONE_ABBREVIATIONS: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, EET: 120, EEST: 180,
  MSK: 180, PKT: 300, ICT: 420, WIB: 420, SGT: 480, HKT: 480, PHT: 480, AWST: 480,
  JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/** Offset in minutes of an IANA zone at a given instant, or undefined for an unknown zone. */
export function ianaOffsetMinutes(zone: string, atMs: number): number | undefined {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(atMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - Math.floor(atMs / 1000) * 1000) / 60000);
}
