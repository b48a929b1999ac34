import type { AuthorityUse } from '../config/authorities-config';
import type { SourceConfig } from '../config/sources-config';
import type { Authority } from '../model/authority';
import { getLevelAdapter } from './levels';

/** The authority a level source reads: named in YAML (`level-page`) or fixed by its coded adapter. */
export function authorityOfSource(source: Pick<SourceConfig, 'type' | 'options'>): string | undefined {
  if (source.type === 'feed') return undefined;
  const named = source.options['authority'];
  return typeof named === 'string' ? named : getLevelAdapter(source.type)?.authority;
}

/** Where sources.yaml names an authority, for check-config. */
export function authorityUses(sources: readonly SourceConfig[], file: string): AuthorityUse[] {
  const uses: AuthorityUse[] = [];
  sources.forEach((s, i) => {
    const id = authorityOfSource(s);
    if (id !== undefined) uses.push({ id, file, path: typeof s.options['authority'] === 'string' ? `sources[${i}].authority` : `sources[${i}].type` });
  });
  return uses;
}

/** Gives each level source its registry entry, so readers read with the authority's own scale. */
export function attachAuthorities(sources: readonly SourceConfig[], registry: readonly Authority[]): void {
  for (const s of sources) {
    const id = authorityOfSource(s);
    const entry = id === undefined ? undefined : registry.find((a) => a.id === id);
    if (entry) s.options.authorityEntry = entry;
  }
}
