import { load } from 'cheerio';
import type { LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { parseNtasDate } from './dates';
import { readingFor, registryEntry, stepOf } from './reading';
import type { ScaleStep } from './reading';
import { assertUsableResponse } from './response-guard';

/** Rank 0 is "no advisory in force"; the three advisory kinds follow. */
export const NTAS_NONE: ScaleStep = { name: 'No active advisory', name_en: 'No active advisory' };

interface Advisory {
  rank: number;
  since?: string | undefined;
  expires?: string | undefined;
}

/**
 * DHS's NTAS consolidated feed (`<alerts>` with one `<alert type start end>` per advisory).
 * The highest advisory still in force wins; none, or only expired ones, reads as rank 0.
 */
export const usNtasAdapter: LevelAdapter = {
  type: 'us-ntas',
  authority: 'us-dhs',
  parse(doc, source, now) {
    const us = registryEntry(source, 'us-dhs');
    const body = assertUsableResponse(doc, 'xml');
    const $ = load(body, { xml: true });
    if ($('alerts').length === 0) throw new LevelSourceError('not an NTAS feed: no <alerts> element');
    // "No advisory" must come from a whole feed: a cut-off one could hide an advisory still in force.
    const declared = body.match(/<alert[\s/>]/g)?.length ?? 0;
    if (!/<\/alerts\s*>|<alerts\s*\/>/.test(body) || declared !== $('alerts > alert').length) {
      throw new LevelSourceError('malformed NTAS feed (truncated or unexpected nesting)');
    }
    const advisories: Advisory[] = [];
    $('alerts > alert').each((_, el) => {
      const attrs = $(el).attr() ?? {};
      const rank = advisoryRank(attrs.type);
      const expires = parseNtasDate(attrs.end);
      if (expires && Date.parse(expires) <= now.getTime()) return; // ended: no longer in force
      advisories.push({ rank, since: parseNtasDate(attrs.start), expires });
    });
    const top = advisories.sort((a, b) => b.rank - a.rank)[0];
    if (!top) return [readingFor(us, 'national', 0, NTAS_NONE, doc, now)];
    return [readingFor(us, 'national', top.rank, stepOf(us, top.rank), doc, now, { since: top.since, expires: top.expires })];
  },
};

function advisoryRank(type: string | undefined): number {
  const t = (type ?? '').toLowerCase();
  if (t.includes('imminent')) return 3;
  if (t.includes('elevated')) return 2;
  if (t.includes('bulletin')) return 1;
  // The index feed (alerts.xml) carries no type: the level cannot be told from it.
  if (t === '') throw new LevelSourceError('NTAS advisory without a type (use the consolidated feed.xml)');
  throw new LevelSourceError(`unknown NTAS advisory type "${t.slice(0, 40)}"`);
}
