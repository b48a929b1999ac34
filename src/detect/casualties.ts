/**
 * Casualty counts from the cue words the automaton found ("killed", "Tote", "blessés")
 * and the numbers next to them. Per category the largest count wins (later reports
 * in one text usually carry the higher toll); ranges keep the upper bound.
 */
import type { Casualties } from '../model/detection';
import type { Token } from './normalise';
import { FILLERS, MODIFIERS, RANGE_JOINERS } from './casualty-lexicon';
import { ARTICLES, contextNumber, isFalseNumber, isTens, tokenValue } from './number-words';

export interface CueHit {
  c: 'killed' | 'injured';
  start: number;
  end: number;
  /** A death-toll noun: its count may come several words on. */
  toll?: boolean;
}

const TOLL_STEPS = 10;

/** "death toll in the Kabul attack rises to 60": the first count before the clause ends. */
function tollCount(tokens: Token[], end: number): number | null {
  for (let i = end + 1; i < tokens.length && i <= end + TOLL_STEPS; i++) {
    if (tokens[i]?.brk) return null;
    const v = countStartingAt(tokens, i);
    if (v !== null) return v;
  }
  return null;
}

const MAX_STEPS = 6;
const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y', 'e', 'en', 'och', 'og', 'si', 'es', 'ja', 'и', 'і', 've', 'oraz']);

/** A count read backwards ending at token i: "forty nine", "a dozen", "10 to 12". */
function countEndingAt(tokens: Token[], i: number): number | null {
  const norm = tokens[i]?.norm ?? '';
  const v = isFalseNumber(norm, tokens[i + 1]?.norm ?? '') ? null : tokenValue(norm);
  if (v === null) return null;
  const prev = tokens[i - 1]?.norm ?? '';
  const pv = tokenValue(prev);
  if (pv !== null && isTens(pv) && v < 10) return pv + v;
  if (v === 12 && ARTICLES.has(prev)) return 12;
  return v;
}

/** A count read forwards starting at token i, with an optional range ("10 to 12" → 12). */
function countStartingAt(tokens: Token[], i: number): number | null {
  const norm = tokens[i]?.norm ?? '';
  const next = tokens[i + 1]?.norm ?? '';
  let v = isFalseNumber(norm, next) ? null : tokenValue(norm);
  if (v === null) return null;
  const nv = tokenValue(next);
  if (nv !== null && isTens(v) && nv < 10) return v + nv;
  if (nv !== null && nv > v) v = nv; // "10-12" (the hyphen is not a token)
  else if (RANGE_JOINERS.has(next)) {
    const upper = tokenValue(tokens[i + 2]?.norm ?? '');
    if (upper !== null && upper > v) v = upper;
  }
  return v;
}

/** "12 people were killed", "a police officer was killed", "two Swedes shot dead". */
function backward(tokens: Token[], start: number, cueAt: ReadonlySet<number>): number | null {
  let nouns = 0;
  for (let i = start - 1, steps = 0; i >= 0 && steps < MAX_STEPS; i--, steps++) {
    if (tokens[i + 1]?.brk) return null;
    const norm = tokens[i]?.norm ?? '';
    if (cueAt.has(i)) return null; // another cue's count is not ours
    const v = countEndingAt(tokens, i) ?? contextNumber(norm, tokens[i + 1]?.norm ?? '', cueAt.has(i + 1));
    if (v !== null) return v;
    if (/^\d/.test(norm)) return null; // a year or a date: not a count, and a barrier
    if (nouns > 0 && ARTICLES.has(norm)) return 1;
    if (nouns === 0 && (FILLERS.has(norm) || MODIFIERS.has(norm))) continue;
    // Up to two nouns ("police officer", "Kinder und Jugendliche") may stand between the count and the verb.
    if (CONJUNCTIONS.has(norm) && nouns > 0) continue;
    if (++nouns > 2) return null;
  }
  return null;
}

/**
 * A count after the cue. `loose` = false: past qualifiers only ("wounding more than 100");
 * true: past fillers too ("killing 10 people", "mató a tres personas", "stabbed a teacher").
 */
function forward(tokens: Token[], end: number, loose: boolean): number | null {
  for (let i = end + 1, steps = 0; i < tokens.length && steps < MAX_STEPS; i++, steps++) {
    if (tokens[i]?.brk) return null;
    const norm = tokens[i]?.norm ?? '';
    const v = countStartingAt(tokens, i);
    if (v !== null) return v;
    // An article before a noun counts one.
    if (loose && ARTICLES.has(norm) && tokenValue(tokens[i + 1]?.norm ?? '') === null) return 1;
    if (!MODIFIERS.has(norm) && !(loose && FILLERS.has(norm))) return null;
  }
  return null;
}

export function extractCasualties(tokens: Token[], cues: readonly CueHit[]): Casualties {
  const out: Casualties = {};
  // A cue inside a longer one ("stabbed" in "stabbed to death") defers to it.
  const kept = cues.filter((c) => !cues.some((o) => o !== c && o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start));
  const cueAt = new Set<number>();
  for (const cue of kept) for (let i = cue.start; i <= cue.end; i++) cueAt.add(i);
  for (const cue of kept) {
    const n = forward(tokens, cue.end, false) ?? backward(tokens, cue.start, cueAt) ?? forward(tokens, cue.end, true)
      ?? (cue.toll ? tollCount(tokens, cue.end) : null);
    if (n === null || n > 100000) continue;
    const key = cue.c;
    out[key] = Math.max(out[key] ?? 0, n);
  }
  return out;
}
