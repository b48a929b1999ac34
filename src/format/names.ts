import type { Authority } from '../model/authority';
import type { LevelReading } from '../model/level';
import { levelMeaning } from '../detect/level-change';
import type { MessageOptions } from './incident-message';
import type { LevelGloss } from './locale/words';

/**
 * Display names and level meanings for messages, from the authority registry
 * (config/authorities.yaml) and the sources configured.
 */
export function messageOptionsFor(
  sources: readonly { id: string }[],
  authorities: readonly Authority[] = [],
  extra: MessageOptions = {},
): MessageOptions {
  const sourceNames: Record<string, string> = {};
  for (const s of sources) sourceNames[s.id] = s.id;
  const authorityNames = Object.fromEntries(authorities.map((a) => [a.id, a.label]));
  const meaning = (r: LevelReading) => levelMeaning(r, authorities);
  return { authorityNames, sourceNames, meaning, levelGloss: levelGlossFor(authorities), ...extra };
}

/**
 * The reader's words for an authority's step: its `gloss:` in that language; nothing when the
 * reader reads the authority's own language (''); else the English name; undefined for an unknown authority.
 */
export function levelGlossFor(authorities: readonly Authority[]): LevelGloss {
  const byId = new Map(authorities.map((a) => [a.id, a]));
  return (authority, rank, locale) => {
    const a = authority ? byId.get(authority) : undefined;
    const step = a?.scale[rank - 1];
    if (!a || !step) return undefined;
    if (step.gloss?.[locale]) return step.gloss[locale];
    return a.languages.includes(locale) ? '' : step.en;
  };
}
