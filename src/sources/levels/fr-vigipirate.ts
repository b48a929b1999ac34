import type { LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { parseFrenchDate } from './dates';
import { loadWithoutChrome, mainContent } from './page-region';
import { readingOf } from './reading';
import type { ScaleStep } from './reading';
import { assertUsableResponse } from './response-guard';
import { elementText, foldText } from './text';

const NAME_EN = ['Vigilance', 'Heightened vigilance', 'Attack emergency'];

/** The plan of 2016 and the plan of 22 June 2026 name the same three stages differently. */
export const VIGIPIRATE_2016: ScaleStep[] = [
  { name: 'Vigilance', name_en: 'Vigilance' },
  { name: 'Sécurité renforcée – risque attentat', name_en: 'Heightened vigilance' },
  { name: 'Urgence attentat', name_en: 'Attack emergency' },
];
export const VIGIPIRATE_2026: ScaleStep[] = [
  { name: 'vigilance', name_en: 'Vigilance' },
  { name: 'vigilance renforcée', name_en: 'Heightened vigilance' },
  { name: 'alerte attentat', name_en: 'Attack emergency' },
];

// Folded wordings, longest first so the regex alternation never stops at "vigilance".
const WORDINGS: Array<{ re: string; rank: number; plan: ScaleStep[] }> = [
  { re: "securite renforcee[^a-z0-9']+risque attentat", rank: 2, plan: VIGIPIRATE_2016 },
  { re: 'vigilance renforcee', rank: 2, plan: VIGIPIRATE_2026 },
  { re: 'urgence attentat', rank: 3, plan: VIGIPIRATE_2016 },
  { re: 'alerte attentat', rank: 3, plan: VIGIPIRATE_2026 },
  { re: 'risque attentat', rank: 2, plan: VIGIPIRATE_2016 },
  { re: 'vigilance', rank: 1, plan: VIGIPIRATE_2026 },
];
const LEVEL = `(${WORDINGS.map((w) => w.re).join('|')})(?![a-z0-9])`;
const STAGE = "(?:stade|niveau|posture)(?: d'alerte)?(?: vigipirate| du plan vigipirate)?";
const PARTICIPLE = '(?:positionnee?s?|placee?s?|maintenue?s?|portee?s?|elevee?s?|relevee?s?|rehaussee?s?|abaissee?s?|passee?s?|fixee?s?|activee?s?|reste|demeure|se situe|est|sont)';

// Statements of the posture in force, not the definitions of the stages that pages also list.
const STATEMENTS = [
  new RegExp(`\\b${PARTICIPLE} (?:a nouveau |desormais |toujours )?(?:(?:au|a) (?:l'|le )?(?:nouveau )?${STAGE}|en(?: (?:nouveau )?${STAGE})?) :? ?${LEVEL}`),
  new RegExp(`\\b${STAGE} :? ?${LEVEL} (?:est|a ete|reste|demeure) (?:active|activee|maintenu|maintenue|en vigueur|applicable|declenche)\\b`),
  new RegExp(`\\b${STAGE} (?:actuel|actuelle|en vigueur|en cours) ?:? (?:est (?:le |au )?(?:stade |niveau )?)?${LEVEL}`),
  new RegExp(`\\b(?:activation|declenchement|maintien) du (?:stade|niveau) ${LEVEL}|\\bpassage au (?:stade|niveau) ${LEVEL}`),
];
const SINCE = /(?:a compter du|a partir du|depuis le|prend effet le|en vigueur depuis le) (\d{1,2}(?:er)? [a-z]+ \d{4})/;

/** France's Vigipirate stage from the SGDSN page's statement of the current posture. */
export const frVigipirateAdapter: LevelAdapter = {
  type: 'fr-vigipirate',
  parse(doc, source, now) {
    const $ = loadWithoutChrome(assertUsableResponse(doc, 'html'));
    const selector = typeof source.selector === 'string' ? source.selector : undefined;
    const text = foldText(elementText(mainContent($, selector)));
    const found = firstStatement(text);
    if (!found) throw new LevelSourceError('Vigipirate level not found: no statement of the current posture on the page');
    const step = found.plan[found.rank - 1] as ScaleStep;
    const place = { authority: 'fr-sgdsn', country: 'FR', scope: 'national' };
    const since = parseFrenchDate(SINCE.exec(text)?.[1] ?? '');
    return [readingOf(place, found.rank, 3, { name: step.name, name_en: NAME_EN[found.rank - 1] ?? step.name_en }, doc, now, { since })];
  },
};

function firstStatement(text: string): { rank: number; plan: ScaleStep[] } | undefined {
  let best: { at: number; wording: string } | undefined;
  for (const re of STATEMENTS) {
    const m = re.exec(text);
    const wording = m?.slice(1).find((g) => g !== undefined);
    if (m && wording && (!best || m.index < best.at)) best = { at: m.index, wording };
  }
  if (!best) return undefined;
  const wording = best.wording;
  return WORDINGS.find((w) => new RegExp(`^${w.re}$`).test(wording));
}
