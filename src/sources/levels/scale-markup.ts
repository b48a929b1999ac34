import type { CheerioAPI } from 'cheerio';
import type { Authority } from '../../model/authority';
import { stepWordings } from '../../model/authority';
import { findLevelNames } from './text';

// How sites mark the current step of a listed scale. Not verified on a real capture of PST's
// markup (docs/levels.md): the stored copies lost it.
const MARKERS = [
  '[aria-current]:not([aria-current=false])', '[aria-selected=true]', '[data-active=true]', '[data-current=true]',
  '.active', '.current', '.is-active', '.is-current', '.selected', '.is-selected',
  '[class*=--active]', '[class*=--current]', '[class*=aktiv]', '[class*=gjeldende]', '[class*=navaerende]',
].join(', ');

/** The one step of the authority's scale the markup marks as current, if exactly one is. */
export function markedStep($: CheerioAPI, a: Authority): number | undefined {
  const wordings = a.scale.map((st) => ({ rank: st.rank, names: stepWordings(st) }));
  const ranks = new Set<number>();
  $(MARKERS).each((_, el) => {
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 60) return;
    const found = new Set(findLevelNames(text, wordings).map((m) => m.rank));
    if (found.size === 1) ranks.add([...found][0] as number);
  });
  return ranks.size === 1 ? [...ranks][0] : undefined;
}
