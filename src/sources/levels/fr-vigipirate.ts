import type { Authority } from '../../model/authority';
import { allNames } from '../../model/authority';
import type { LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { parseFrenchDate } from './dates';
import { loadWithoutChrome, mainContent } from './page-region';
import { readingFor, registryEntry, stepOf } from './reading';
import { assertUsableResponse } from './response-guard';
import { readStatements } from './statements';
import { elementBlocks, elementText, escapeRegExp, foldText } from './text';

/** Each wording of each stage (2016 and 2026 plans), folded, as a regex source, longest first. */
function wordings(a: Authority): Array<{ re: string; rank: number; name: string }> {
  return a.scale
    .flatMap((st) => allNames(st).map((name) => ({ re: foldText(name).split(/[^a-z0-9']+/).filter(Boolean).map(escapeRegExp).join("[^a-z0-9']+"), rank: st.rank, name })))
    .sort((x, y) => y.re.length - x.re.length);
}
const STAGE = "(?:stade|niveau|posture)(?: d'alerte)?(?: vigipirate| du plan vigipirate)?";
const PARTICIPLE = '(?:positionnee?s?|placee?s?|maintenue?s?|portee?s?|elevee?s?|relevee?s?|rehaussee?s?|abaissee?s?|passee?s?|fixee?s?|activee?s?|reste|demeure|se situe|est|sont)';

// Statements of the posture in force, not the definitions of the stages that pages also list.
const statements = (LEVEL: string): RegExp[] => [
  new RegExp(`\\b${PARTICIPLE} (?:a nouveau |desormais |toujours )?(?:(?:au|a) (?:l'|le )?(?:nouveau )?${STAGE}|en(?: (?:nouveau )?${STAGE})?) :? ?${LEVEL}`),
  new RegExp(`\\b${STAGE} :? ?${LEVEL} (?:est|a ete|reste|demeure) (?:active|activee|maintenu|maintenue|en vigueur|applicable|declenche)\\b`),
  new RegExp(`\\b${STAGE} (?:actuel|actuelle|en vigueur|en cours) ?:? (?:est (?:le |au )?(?:stade |niveau )?)?${LEVEL}`),
  new RegExp(`\\b(?:activation|declenchement|maintien) du (?:stade|niveau) ${LEVEL}|\\bpassage au (?:stade|niveau) ${LEVEL}`),
];
const SINCE = /(?:a compter du|a partir du|depuis le|prend effet le|en vigueur depuis le) (\d{1,2}(?:er)? [a-z]+ \d{4})/;

/** France's Vigipirate stage from the SGDSN page's statement of the current posture. */
export const frVigipirateAdapter: LevelAdapter = {
  type: 'fr-vigipirate',
  authority: 'fr-sgdsn',
  parse(doc, source, now) {
    const fr = registryEntry(source, 'fr-sgdsn');
    const $ = loadWithoutChrome(assertUsableResponse(doc, 'html'));
    const selector = typeof source.selector === 'string' ? source.selector : undefined;
    const region = mainContent($, selector);
    const text = foldText(elementText(region));
    // Pages state the posture in many ways (active, passive, infinitive verbs, history beside the
    // current posture): the sentence reader first, the SGDSN page's own phrasings after.
    const stated = readStatements(elementBlocks(region), fr);
    const found = 'rank' in stated ? { rank: stated.rank, name: stated.wording ?? stepOf(fr, stated.rank).name } : firstStatement(text, wordings(fr));
    if (!found) throw new LevelSourceError('Vigipirate level not found: no statement of the current posture on the page');
    const since = parseFrenchDate(SINCE.exec(text)?.[1] ?? '');
    return [readingFor(fr, 'national', found.rank, stepOf(fr, found.rank, found.name), doc, now, { since })];
  },
};

function firstStatement(text: string, WORDINGS: Array<{ re: string; rank: number; name: string }>): { rank: number; name: string } | undefined {
  const LEVEL = `(${WORDINGS.map((w) => w.re).join('|')})(?![a-z0-9])`;
  let best: { at: number; wording: string } | undefined;
  for (const re of statements(LEVEL)) {
    const m = re.exec(text);
    const wording = m?.slice(1).find((g) => g !== undefined);
    if (m && wording && (!best || m.index < best.at)) best = { at: m.index, wording };
  }
  if (!best) return undefined;
  const wording = best.wording;
  return WORDINGS.find((w) => new RegExp(`^${w.re}$`).test(wording));
}
