import type { Authority } from '../model/authority';
import type { LevelReading } from '../model/level';
import { levelMeaning } from '../detect/level-change';
import type { MessageOptions } from './incident-message';

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
  return { authorityNames, sourceNames, meaning, ...extra };
}
