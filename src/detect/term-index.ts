/**
 * One Aho-Corasick automaton over every term of every rule, lexicon, exclusion,
 * place, actor, authority and casualty cue. A text is scanned once; each hit is
 * routed to the owners of the term that matched.
 */
import AhoCorasick from 'modern-ahocorasick';
import { normaliseText } from './normalise';
import type { TailWord } from './term-syntax';
import { parseTerm, tailEnd } from './term-syntax';
import type { NormalisedText } from './normalise';

export type Owner =
  | { t: 'group'; g: number }
  | { t: 'place'; p: number }
  | { t: 'actor'; a: number }
  | { t: 'authority'; a: number }
  | { t: 'cue'; c: 'killed' | 'injured' | 'toll' };

/** A term occurrence: token span [start, end] (inclusive) and the term as written. */
export interface Hit {
  term: string;
  start: number;
  end: number;
}

export interface OwnedHit extends Hit {
  owner: Owner;
  /** Languages whose term lists hold the term (empty for places and actors). */
  langs: readonly string[];
}

interface Variant {
  written: string;
  /** Case-sensitive terms: the tokens as they must be written. */
  exact?: string;
  owners: Owner[];
  langs: string[];
  tail?: TailWord[];
}

interface PatternEntry {
  variants: Variant[];
}

export interface TermIndex {
  scan(raw: string): { norm: NormalisedText; hits: OwnedHit[] };
  readonly patternCount: number;
}

export class TermIndexBuilder {
  private readonly entries = new Map<string, PatternEntry>();

  /** Registers a term for an owner (from `lang`'s list, if any); false when the term is empty. */
  add(written: string, owner: Owner, lang?: string): boolean {
    const parsed = parseTerm(written);
    if (!parsed) return false;
    let entry = this.entries.get(parsed.pattern);
    if (!entry) {
      entry = { variants: [] };
      this.entries.set(parsed.pattern, entry);
    }
    let variant = entry.variants.find((v) => v.exact === parsed.exact && v.written === written);
    if (!variant) {
      variant = { written, owners: [], langs: [] };
      if (parsed.exact !== undefined) variant.exact = parsed.exact;
      if (parsed.tail) variant.tail = parsed.tail;
      entry.variants.push(variant);
    }
    if (!variant.owners.some((o) => sameOwner(o, owner))) variant.owners.push(owner);
    if (lang !== undefined && !variant.langs.includes(lang)) variant.langs.push(lang);
    return true;
  }

  build(): TermIndex {
    const patterns = [...this.entries.keys()];
    const entries = patterns.map((p) => this.entries.get(p) as PatternEntry);
    const ac = new AhoCorasick<number>(patterns.map((pattern, i) => ({ pattern, data: i })));
    return {
      patternCount: patterns.length,
      scan(raw: string) {
        const norm = normaliseText(raw);
        const hits: OwnedHit[] = [];
        for (const m of ac.search(norm.text)) {
          const entry = entries[m.data as number];
          if (!entry) continue;
          const start = tokenAt(norm, m.start, 1);
          const end = tokenAt(norm, m.end - 1, -1);
          if (start < 0 || end < start) continue;
          for (const v of entry.variants) {
            const last = v.tail ? tailEnd(norm.tokens, end, v.tail) : end;
            if (last < 0) continue;
            if (v.exact !== undefined && !matchesExactly(norm, start, last, v.exact)) continue;
            for (const owner of v.owners) hits.push({ term: v.written, start, end: last, owner, langs: v.langs });
          }
        }
        return { norm, hits };
      },
    };
  }
}

function sameOwner(a: Owner, b: Owner): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Token index covering a character offset, stepping over the padding space. */
function tokenAt(norm: NormalisedText, offset: number, step: 1 | -1): number {
  let i = offset;
  if (norm.text[i] === ' ') i += step;
  // Walk back to the start of the token this character belongs to.
  while (i > 0 && norm.text[i - 1] !== ' ') i--;
  return norm.tokenStartAt[i] ?? -1;
}

function matchesExactly(norm: NormalisedText, start: number, end: number, exact: string): boolean {
  const written = norm.tokens.slice(start, end + 1).map((t) => t.orig).join(' ');
  return written === exact;
}

