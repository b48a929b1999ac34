/**
 * Which step a news item says a level went to (and from), read against the authority's
 * scale: step names in any language the registry gives ("urgence attentat", "severe",
 * "жёлтый"), and numbers next to a level word or a from/to cue ("von 3 auf 4",
 * "verhoogd naar 4", "level 4"). Pure; runs only on texts already judged level news.
 */
import type { LevelMention, LevelStep } from '../model/detection';
import type { Token } from './normalise';
import { foldArabic, tokenise } from './normalise';
import { tokenValue } from './number-words';

/** One step of a scale as the detector sees it: rank, display names and the names to look for. */
export interface ScaleStep extends LevelStep {
  /** Names in any language, as written (a trailing `*` allows any ending). */
  names: string[];
}

export interface Scale {
  of: number;
  steps: ScaleStep[];
  /** `descending`: the authority numbers from the top ("grau 1" is Portugal's highest step). */
  numbering?: 'ascending' | 'descending';
}

interface Name {
  words: string[];
  prefix: boolean;
  step: ScaleStep;
}

/** Compiled once per scale: names tokenised the way texts are. */
export interface CompiledScale {
  of: number;
  steps: ScaleStep[];
  names: Name[];
  descending: boolean;
}

// A word before a step that says "from" or "to" (folded forms, many languages).
const FROM = new Set((['from', 'de', 'du', 'des', 'von', 'vom', 'van', 'fran', 'fra', 'с', 'со', 'з', 'od', 'z', 'ze', 'dal', 'dallo', 'desde', 'da', 'min', 'من'] as string[]).map(foldArabic));
const TO = new Set((['to', 'a', 'au', 'à', 'auf', 'naar', 'till', 'til', 'на', 'до', 'do', 'al', 'para', 'hasta', 'into', 'alla', 'ao', 'à', 'at', 'إلى', 'الى', 'op'] as string[]).map(foldArabic));
// Words after which a number is a step: "level 4", "niveau 4", "Stufe 4", "nivel 4".
const LEVEL_WORDS = /^(level|niveau|niveauet|stufe|nivel|livello|niva|nivan|nivaet|nivel|nivelul|poziom|stopien|grau|uroven|уровень|уровня|tier|kategorie|categorie|fase)$/;
// Words after a number that make it a count of steps moved ("raised one notch").
const DELTA_WORDS = /^(notch|notches|step|steps|cran|crans|stufe|stufen|steg|trinn|trin|tacca|tacche|escalon|escalones)$/;
// Quote-like tokens never appear (punctuation is dropped), but articles and ordinals often sit between cue and step.
const FILLER = new Set(['the', 'a', 'an', 'ett', 'et', 'een', 'una', 'uma', 'le', 'la', 'l', 'les', 'der', 'die', 'das', 'den', 'dem', 'het', 'de', 'el', 'lo', 'il', 'o', 'um', 'um', 'uno', 'un', 'une', 'ein', 'eine', 'einen', 'level', 'niveau', 'stufe', 'nivel', 'livello', 'niva', 'nivel', 'grau', 'its', 'sa', 'son', 'seine', 'ihre', 'su']);

/** "жёлтый" and "желтый" are one word; other scripts keep their letters. */
function fold(w: string): string {
  return w.replace(/ё/g, 'е');
}

export function compileScale(scale: Scale): CompiledScale {
  const names: Name[] = [];
  for (const step of scale.steps) {
    for (const written of new Set([...step.names, step.name, step.name_en])) {
      const prefix = written.trim().endsWith('*');
      const words = tokenise(written.replace(/\*+\s*$/, '')).map((t) => fold(t.norm));
      if (words.length) names.push({ words, prefix, step });
    }
  }
  // Longer names first: "very high" must win over "high".
  names.sort((a, b) => b.words.length - a.words.length);
  return { of: scale.of, steps: scale.steps, names, descending: scale.numbering === 'descending' };
}

/** Whether a text word is a form of a name word: exact, a written prefix, or a short inflection of a non-Latin word. */
function wordMatches(text: string, name: string, prefix: boolean): boolean {
  if (text === name) return true;
  if (prefix) return text.startsWith(name);
  // Cyrillic, Greek and Arabic step names inflect ("жёлтый" → "жёлтого"): same stem, two letters of ending.
  if (!/^[a-z0-9]/.test(name) && name.length >= 5) {
    const stem = name.slice(0, -2);
    return text.startsWith(stem) && text.length <= name.length + 2;
  }
  return false;
}

interface Found {
  step: ScaleStep;
  start: number;
  end: number;
  cue: 'from' | 'to' | undefined;
}

function cueBefore(tokens: readonly Token[], start: number): 'from' | 'to' | undefined {
  for (let i = start - 1, skipped = 0; i >= 0 && skipped <= 2; i--, skipped++) {
    const w = tokens[i]?.norm ?? '';
    if (TO.has(w)) return 'to';
    if (FROM.has(w)) return 'from';
    if (!FILLER.has(w) && tokenValue(w) === null) return undefined;
  }
  return undefined;
}

function findSteps(scale: CompiledScale, tokens: readonly Token[], near: readonly number[], window: number): Found[] {
  const found: Found[] = [];
  const taken = new Set<number>();
  const close = (i: number) => near.length === 0 || near.some((p) => Math.abs(p - i) <= window);
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || !close(i)) continue;
    const name = scale.names.find((n) => n.words.every((w, k) => {
      const t = tokens[i + k];
      return t !== undefined && wordMatches(fold(t.norm), w, n.prefix && k === n.words.length - 1);
    }));
    if (name) {
      const end = i + name.words.length - 1;
      for (let k = i; k <= end; k++) taken.add(k);
      found.push({ step: name.step, start: i, end, cue: cueBefore(tokens, i) });
      continue;
    }
    const word = tokens[i]?.norm ?? '';
    const n = tokenValue(word);
    if (n === null || n < 1 || n > scale.of) continue;
    const prev = tokens[i - 1]?.norm ?? '';
    const next = tokens[i + 1]?.norm ?? '';
    const cue = cueBefore(tokens, i);
    // A bare number is a step only next to a level word or a from/to cue ("von 3 auf 4");
    // a number word only right after one ("niveau drie"), never an article ("à un niveau 3").
    const digit = /^\d+$/.test(word);
    if (digit ? !LEVEL_WORDS.test(prev) && !cue && !LEVEL_WORDS.test(next) : FILLER.has(word) || word.length < 3 || !(LEVEL_WORDS.test(prev) || cue)) continue;
    // "one notch", "eine Stufe", "ett steg", "d'un cran": a number of steps moved, not a step.
    if (DELTA_WORDS.test(next)) continue;
    // "4 of 5", "4 out of 5", "4 sur 4": the second number is the scale's size.
    if (/^(of|sur|von|van|av|af|из|z|de|di)$/.test(prev) && tokenValue(tokens[i - 2]?.norm ?? '') !== null) continue;
    const rank = scale.descending ? scale.of + 1 - n : n;
    const step = scale.steps.find((s) => s.rank === rank);
    if (step) found.push({ step, start: i, end: i, cue });
  }
  return found;
}

function plain(s: ScaleStep): LevelStep {
  return { rank: s.rank, name: s.name, name_en: s.name_en };
}

/**
 * Reads the new (and old) step of a change from a text's tokens. `near`: token positions
 * of the change words, so a step named in another sentence does not count.
 */
export function readLevelMention(
  scale: CompiledScale, tokens: readonly Token[], direction: LevelMention['direction'], near: readonly number[] = [],
): LevelMention {
  const found = findSteps(scale, tokens, near, 14);
  const to = found.find((f) => f.cue === 'to');
  const from = found.find((f) => f.cue === 'from' && f.step.rank !== to?.step.rank);
  const ranks = [...new Set(found.map((f) => f.step.rank))];
  let next = to?.step;
  let previous = from?.step;
  if (!next) {
    const others = found.filter((f) => f.cue !== 'from').map((f) => f.step);
    if (others.length > 0 && (ranks.length === 1 || !previous)) {
      next = direction === 'lowered'
        ? others.reduce((a, b) => (b.rank < a.rank ? b : a))
        : direction === 'raised' ? others.reduce((a, b) => (b.rank > a.rank ? b : a)) : others[0];
    }
  }
  if (!previous && next && ranks.length === 2) {
    const other = found.find((f) => f.step.rank !== next?.rank)?.step;
    if (other && (direction === 'set' || (direction === 'raised') === other.rank < next.rank)) previous = other;
  }
  const out: LevelMention = { direction, of: scale.of };
  if (next) out.to = plain(next);
  if (previous && previous.rank !== next?.rank) out.from = plain(previous);
  // The steps say which way it went when the words did not ("changed to yellow from red").
  if (out.to && out.from) out.direction = out.to.rank > out.from.rank ? 'raised' : 'lowered';
  return out;
}
