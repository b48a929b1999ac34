import type { Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Lower case, Latin accents and ligatures folded, quotes and dashes plain, one space between words. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[«»“”„"‹›]/g, ' ')
    .replace(/[‘’`]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whitespace collapsed to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'em', 'i', 'mark', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);

/**
 * The readable text of some elements. Unlike cheerio's `.text()`, block elements are
 * separated by a space, so `<h2>Level</h2><p>high</p>` reads "Level high", not "Levelhigh".
 */
export function elementText(nodes: Cheerio<AnyNode>): string {
  return squash(elementBlocks(nodes).join(' '));
}

/** The readable text of some elements, one string per block (paragraph, heading, list item…). */
export function elementBlocks(nodes: Cheerio<AnyNode>): string[] {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      parts.push(node.data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.type === 'tag' ? node.name.toLowerCase() : '';
    if (SKIPPED.has(name)) return;
    const block = name !== '' && !INLINE.has(name);
    if (block) parts.push('\n');
    for (const child of node.children) walk(child);
    if (block) parts.push('\n');
  };
  nodes.each((_, node) => walk(node));
  return parts.join('').split('\n').map(squash).filter(Boolean);
}

/** A level as it may be written: its canonical name and any other wordings of the same step. */
export interface LevelWording {
  rank: number;
  names: string[];
}

export interface LevelMatch {
  rank: number;
  start: number;
  length: number;
}

/** A regex source matching a name inside folded text, word-bounded, tolerant of punctuation between words. */
export function namePattern(name: string): string {
  const words = foldText(name).split(/[^a-z0-9]+/).filter(Boolean);
  return `(?<![a-z0-9])${words.map(escapeRegExp).join('[^a-z0-9]+')}(?![a-z0-9])`;
}

/**
 * Every mention of a level name in `text`, leftmost first. Where mentions overlap the longest
 * wins, so "vigilance renforcée" is not also read as "vigilance".
 */
export function findLevelNames(text: string, wordings: LevelWording[]): LevelMatch[] {
  const folded = foldText(text);
  const all: LevelMatch[] = [];
  for (const { rank, names } of wordings) {
    for (const name of names) {
      if (foldText(name) === '') continue;
      for (const m of folded.matchAll(new RegExp(namePattern(name), 'g'))) {
        all.push({ rank, start: m.index, length: m[0].length });
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.length - a.length);
  const kept: LevelMatch[] = [];
  for (const m of all) {
    const covered = all.some((o) => o !== m && o.length > m.length && o.start <= m.start && o.start + o.length >= m.start + m.length);
    const last = kept[kept.length - 1];
    if (!covered && (!last || m.start >= last.start + last.length)) kept.push(m);
  }
  return kept;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
