/**
 * The written form of a term → what the automaton looks for. Trailing `*`: any word
 * ending; leading `*`: any word beginning (compounds); leading `=`: case-sensitive.
 * A `*` inside a phrase ("захват* заложник*") makes the automaton look for the phrase
 * up to that word; the words after it are checked token by token.
 */
import type { Token } from './normalise';
import { tokenise } from './normalise';

export interface TailWord {
  word: string;
  prefix: boolean;
}

export interface ParsedTerm {
  pattern: string;
  /** Case-sensitive terms: the tokens as they must be written. */
  exact?: string;
  /** Words checked after the automaton's match (a phrase with an inner `*`). */
  tail?: TailWord[];
}

interface Word {
  norm: string;
  orig: string;
  prefix: boolean;
}

/** Null for an empty term. */
export function parseTerm(written: string): ParsedTerm | null {
  let core = written.trim();
  const caseSensitive = core.startsWith('=');
  if (caseSensitive) core = core.slice(1);
  const lead = core.startsWith('*');
  if (lead) core = core.slice(1);
  const words: Word[] = [];
  for (const chunk of core.split(/\s+/)) {
    const prefix = chunk.endsWith('*');
    const tokens = tokenise(chunk.replace(/\*+$/, ''));
    tokens.forEach((t, i) => words.push({ norm: t.norm, orig: t.orig, prefix: prefix && i === tokens.length - 1 }));
  }
  const last = words[words.length - 1];
  if (!last) return null;
  const cut = words.findIndex((w, i) => w.prefix && i < words.length - 1);
  const head = cut < 0 ? words : words.slice(0, cut + 1);
  const headEnd = head[head.length - 1] ?? last;
  const parsed: ParsedTerm = { pattern: (lead ? '' : ' ') + head.map((w) => w.norm).join(' ') + (headEnd.prefix ? '' : ' ') };
  if (caseSensitive) parsed.exact = words.map((w) => w.orig).join(' ');
  if (cut >= 0) parsed.tail = words.slice(cut + 1).map((w) => ({ word: w.norm, prefix: w.prefix }));
  return parsed;
}

/** Index of the last token of the tail after token `end`, or -1 when it does not follow. */
export function tailEnd(tokens: readonly Token[], end: number, tail: readonly TailWord[]): number {
  for (let k = 0; k < tail.length; k++) {
    const t = tokens[end + 1 + k]?.norm;
    const w = tail[k];
    if (t === undefined || !w || !(w.prefix ? t.startsWith(w.word) : t === w.word)) return -1;
  }
  return end + tail.length;
}
