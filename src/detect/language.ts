/**
 * Language of a text when the source gives none. The terms that matched already say
 * which language lists they come from; when they agree that is the answer (cheap).
 * Otherwise tinyld (small, CommonJS, offline) decides — at ~0.25 ms a call it is the
 * costliest step, so it runs only when the vote is empty or tied. Its tables take ~0.3 s to
 * load, so they load on the first call, not with every CLI command.
 */
import type * as Tinyld from 'tinyld';
import type { OwnedHit } from './term-index';

/** The language most matched terms belong to, or null when none or tied. */
export function voteLanguage(hits: readonly OwnedHit[]): string | null {
  const votes = new Map<string, number>();
  const seen = new Set<string>();
  for (const h of hits) {
    if (h.langs.length === 0) continue;
    const key = `${h.start}:${h.term}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const lang of h.langs) votes.set(lang, (votes.get(lang) ?? 0) + 1 / h.langs.length);
  }
  let best: string | null = null;
  let top = 0;
  let second = 0;
  for (const [lang, n] of votes) {
    if (n > top) {
      second = top;
      top = n;
      best = lang;
    } else if (n > second) second = n;
  }
  return top > second ? best : null;
}

let tinyld: typeof Tinyld | undefined;
function detect(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tinyld ??= require('tinyld') as typeof Tinyld;
  return tinyld.detect(text);
}

export function detectLanguage(text: string, hits: readonly OwnedHit[] = []): string {
  const voted = voteLanguage(hits);
  if (voted !== null) return voted;
  const lang = text.trim() === '' ? '' : detect(text);
  return lang === '' ? 'und' : lang;
}
