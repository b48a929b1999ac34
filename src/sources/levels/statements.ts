/**
 * Reads an authority's current level from how authorities really write it: every sentence that
 * names the level system and one step of it (by name in any of the registry's languages, or as
 * "level N (out of M)", digits or words) is a statement; history, definitions of the scale and
 * hypotheticals are not. The current statements win over reported changes, changes over bare
 * mentions; statements of the winning kind that disagree give no reading — never a guess.
 */
import type { Authority } from '../../model/authority';
import { allNames, stepWordings } from '../../model/authority';
import { escapeRegExp, findLevelNames, foldText } from './text';

export interface Statement {
  rank: number;
  /** 3: states the level in force; 2: reports a change to it; 1: names it without a verb. */
  weight: number;
  /** The registry wording the page used, when it named the step. */
  wording?: string;
  text: string;
}

export type StatementResult = { rank: number; wording?: string; statements: Statement[] } | { error: string };

// Words that tie a sentence to a threat-level system (folded text; prefixes where languages inflect).
const ANCHOR = /(?:threat|alert|terror\w*|security) levels?|level of (?:threat|alert)|terror(?:ist|ism)? threat|threat of terror\w*|trusl\w*(?: \w+){0,4} terror\w*|dreigingsniveau|terrortrus\w*|trusselniva\w*|hotniva\w*|terrorhot\w*|niveau|\bniva\b|nivaet|nivel|alerta|warnstufe|gefahrdung\w*|\bstufe\b|vigipirate|posture|\bstade\b|grau de ameaca|stopien\w* alarmow\w*|stopnia|уровень|уровня/;
// Nordic definite forms inflect the noun itself (nivån, nivået), hence niva\w*.
const LEVEL_WORD = String.raw`(?:level|niveau(?:et)?|niva\w*|nivel|stufe|grau|stopien|stade)`;
const NUMBER_WORDS: Record<string, number> = {
  // Short words that are also prepositions (en, et, to, un) are left out.
  one: 1, two: 2, three: 3, four: 4, five: 5, een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, ett: 1, tva: 2, tre: 3, fire: 4,
  fyra: 4, fem: 5, eins: 1, zwei: 2, drei: 3, funf: 5, deux: 2, trois: 3, quatre: 4, cinq: 5, uno: 1, dos: 2, tres: 3,
  cuatro: 4, cinco: 5, dois: 2,
};
const NUMBER = `(\\d|${Object.keys(NUMBER_WORDS).join('|')})`;
const OUT_OF = String.raw`(?:\s*\(?\s*(?:out of|of|on a scale of|ud af|av|van|von|de|sur|sobre|su|/)\s*${NUMBER}\s*\)?)?`;
const NUMBERED = new RegExp(String.raw`${LEVEL_WORD}\s*(?:nr\.?\s*)?${NUMBER}(?![a-z0-9])${OUT_OF}`, 'g');
// "the threat level in Sweden is 3 on a scale of 5", "het dreigingsniveau blijft 4", "el nivel de alerta
// antiterrorista se mantiene en 4": the number after the verb or preposition, a few words on.
const STATED_NUMBER = new RegExp(String.raw`${LEVEL_WORD}(?:\s+[^\s.]+){0,5}?\s+(?:is|er|ar|ist|est|es|remains|stays|blijft|bleibt|reste|forblir|at|to|till|til|naar|auf|au|a|en|op|pa)(?:\s+(?:at|de|op|pa|en|auf))?\s+${NUMBER}(?![a-z0-9])(?!\s*-?\s*(?:point|level|niveau|stufe|nivel|per|%))${OUT_OF}`, 'g');

// A step named in passing ("it krever ingen tiltak") is not a statement: a link word must come just before.
const LINK = new Set(('is are at to from remains stays now er ar pa til till fra fran naar van op blijft bleibt ist auf bei von est au a en de al '
  + 'del se para em na do ein et ett le la the een level niveau niveauet niva nivaet stade stufe nivel grau posture').split(' '));
const TO = /(?:^|\s)(?:to|til|till|naar|tot|au|a|auf|zu|al|para|op)\s+(?:(?:ett|et|een|ein|le|the|level|niveau|niva|stade|nivel)\s+)?(?:\d\s*-\s*)?$/;
const DEFINITION = /\b(?:which means|means|som betyr|som betyder|betyder|betekent|bedeutet|innebar|qui correspond|correspond|significa|signifie)\b|^(?:- )?(?:level|niveau|niva|nivel|stufe)?\s*\d\s*[.:)-]\s/;
// Folded "wurde" is both "was" (every German announcement's passive) and "would"; only the
// unambiguous German forms count.
const HYPOTHETICAL = /\b(?:if|would|could|might|should|si|pourrait|zou|als|skulle|hvis|om|wenn|falls|konnte|podria)\b/;
const ADJECTIVE_USE = /^\s*(?:that|dat|att|at|que|dass|to)\b/;
const HISTORY = /\b(?:had|hade|havde|hatte|previously|formerly|tidligere|tidigare|fruher|auparavant|precedemment|anteriormente|for (?:almost |nearly |more than |over )?\d+ years)\b/;
const CURRENT = /\b(?:is|are|remains?|stays?|now|currently|current|still|actueel|actuele|huidig|blijft|staat|er|ar|uaendret|fortsat|forblir|fortfarande|kvarstar|ligger|bleibt|ist|liegt|derzeit|aktuell|est|reste|demeure|maintient|maintenir|maintenu|maintenue|actuelle?|applicable|se mantiene|permanece|esta|sigue)\b/;
const CHANGE = /\b(?:rais\w*|lower\w*|increas\w*|decreas\w*|reduc\w*|set|verhoogd|verlaagd|sank\w*|hoj\w*|haev\w*|saenk\w*|hev\w*|senk\w*|erhoht|gesenkt|angehoben|abgesenkt|herabgesetzt|hochgestuft|herabgestuft|porte\w*|releve\w*|abaisse\w*|rehausse\w*|reevalue\w*|positionne\w*|eleva\w*|baja\w*|decid\w*)\b/;

/** The stated current level of `authority` in `blocks` (paragraphs, headings, list items). */
export function readStatements(blocks: string[], authority: Authority): StatementResult {
  const statements = sentencesOf(blocks, (s) => statementOf(s, authority) !== undefined).flatMap((s) => statementOf(s, authority) ?? []);
  if (statements.length === 0) return { error: 'no statement of the current level' };
  const top = Math.max(...statements.map((s) => s.weight));
  const best = statements.filter((s) => s.weight === top);
  const ranks = new Set(best.map((s) => s.rank));
  if (ranks.size > 1) {
    const what = best.map((s) => `${s.rank}: "${s.text.slice(0, 60)}"`).join('; ');
    return { error: `conflicting statements of the current level (${what})` };
  }
  const wording = best.find((s) => s.wording)?.wording;
  return wording ? { rank: best[0]!.rank, wording, statements } : { rank: best[0]!.rank, statements };
}

/** Sentences, folded; a heading that announces the current level ("Current threat level") joins the next block. */
function sentencesOf(blocks: string[], states: (sentence: string) => boolean): string[] {
  const out: string[] = [];
  let carry = '';
  for (const block of blocks) {
    const parts = block.split(/(?<=[\p{L})»”"'][.!?])\s+(?=[A-ZÀ-ÞÅÄÖØÆ0-9«"“„])/u).map(foldText).filter(Boolean);
    if (parts.length === 0) continue;
    if (carry) parts[0] = `${carry} ${parts[0]}`;
    carry = '';
    const last = parts[parts.length - 1] as string;
    if (parts.length === 1 && ANCHOR.test(last) && /\b(?:current|actueel|huidig|actuel\w*|aktuell\w*|navaerende|gjeldende|actual)\b/.test(last) && last.length < 80 && !states(last)) {
      carry = last;
      continue;
    }
    out.push(...parts);
  }
  if (carry) out.push(carry);
  return out;
}

interface Mention {
  rank: number;
  start: number;
  wording?: string;
}

function statementOf(sentence: string, a: Authority): Statement | undefined {
  if (!ANCHOR.test(sentence) || DEFINITION.test(sentence)) return undefined;
  const mentions = [...namedMentions(sentence, a), ...numberedMentions(sentence, a)].sort((x, y) => x.start - y.start);
  const kept = mentions.filter((m) => !HYPOTHETICAL.test(sentence.slice(Math.max(0, m.start - 60), m.start))
    && !/^[^.;]{0,30}\b(?:qui peut|qui pourrait|which can|which may|can be|may be|som kan|die kan)\b/.test(sentence.slice(m.start)));
  const ranks = new Set(kept.map((m) => m.rank));
  if (ranks.size === 0) return undefined;
  let chosen = kept;
  if (ranks.size > 1) {
    // "from elevated to high", "van 3 naar 4": the step after "to" is the new one.
    const to = kept.filter((m) => TO.test(sentence.slice(Math.max(0, m.start - 30), m.start)));
    const toRanks = new Set(to.map((m) => m.rank));
    if (toRanks.size !== 1) return undefined;
    chosen = kept.filter((m) => toRanks.has(m.rank));
  }
  const first = chosen[0] as Mention;
  const before = sentence.slice(0, first.start);
  if (HISTORY.test(before)) return undefined;
  const weight = CURRENT.test(sentence) ? 3 : CHANGE.test(sentence) ? 2 : 1;
  const wording = chosen.find((m) => m.wording)?.wording;
  return wording ? { rank: first.rank, weight, wording, text: sentence } : { rank: first.rank, weight, text: sentence };
}

function namedMentions(sentence: string, a: Authority): Mention[] {
  const wordings = a.scale.map((st) => ({ rank: st.rank, names: stepWordings(st) }));
  return findLevelNames(sentence, wordings).flatMap((m) => {
    const before = sentence.slice(Math.max(0, m.start - 50), m.start);
    const tail = before.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(-3);
    const linked = /:\s*$/.test(before) || tail.some((w) => LINK.has(w)) || m.start === 0;
    if (!linked || ADJECTIVE_USE.test(sentence.slice(m.start + m.length))) return [];
    const text = sentence.slice(m.start, m.start + m.length);
    const step = a.scale[m.rank - 1];
    const wording = step ? allNames(step).find((n) => new RegExp(`^${namePatternOf(n)}$`).test(text)) : undefined;
    return [wording ? { rank: m.rank, start: m.start, wording } : { rank: m.rank, start: m.start }];
  });
}

function namePatternOf(name: string): string {
  return foldText(name).split(/[^a-z0-9]+/).filter(Boolean).map(escapeRegExp).join('[^a-z0-9]+');
}

function numberedMentions(sentence: string, a: Authority): Mention[] {
  const of = a.scale.length;
  const out: Mention[] = [];
  for (const m of [...sentence.matchAll(NUMBERED), ...sentence.matchAll(STATED_NUMBER)]) {
    const n = toNumber(m[1]);
    const total = m[2] === undefined ? undefined : toNumber(m[2]);
    if (n === undefined || n < 1 || n > of || (total !== undefined && total !== of)) continue;
    out.push({ rank: a.numbering === 'descending' ? of + 1 - n : n, start: m.index });
  }
  return out;
}

function toNumber(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  return /^\d$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}
