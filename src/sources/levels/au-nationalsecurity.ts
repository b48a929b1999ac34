import { load } from 'cheerio';
import type { LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { allNames } from '../../model/authority';
import { readingFor, registryEntry, stepOf } from './reading';
import { assertUsableResponse } from './response-guard';
import { mainContent } from './page-region';
import { readStatements } from './statements';
import { elementBlocks, foldText } from './text';

/**
 * nationalsecurity.gov.au embeds `<script id="ThreatLevelJson">{"ThreatLevelName": …}</script>`.
 * The name is authoritative: the direction of `ThreatLevelNo` is not documented.
 */
export const auNationalSecurityAdapter: LevelAdapter = {
  type: 'au-nationalsecurity',
  authority: 'au-asio',
  parse(doc, source, now) {
    const au = registryEntry(source, 'au-asio');
    const $ = load(assertUsableResponse(doc, 'html'));
    const script = $('script#ThreatLevelJson').first();
    if (script.length === 0) {
      // Older pages (about 2020) state the level in prose only: read their statements.
      const stated = readStatements(elementBlocks(mainContent($)), au);
      if ('error' in stated) throw new LevelSourceError(`threat level not found: no ThreatLevelJson script, and ${stated.error}`);
      return [readingFor(au, 'national', stated.rank, stepOf(au, stated.rank), doc, now)];
    }
    const raw = script.text().trim();
    // Some captures show the JSON HTML-escaped inside the script.
    const json = /&(?:quot|amp|apos|#\d+|#x[0-9a-f]+);/i.test(raw) ? load(raw).root().text().trim() : raw;
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      throw new LevelSourceError('ThreatLevelJson is not valid JSON');
    }
    const name = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).ThreatLevelName : undefined;
    const rank = typeof name === 'string' ? au.scale.findIndex((s) => allNames(s).some((n) => foldText(n) === foldText(name))) + 1 : 0;
    if (rank === 0) throw new LevelSourceError(`unknown Australian threat level name ${JSON.stringify(name ?? null).slice(0, 40)}`);
    return [readingFor(au, 'national', rank, stepOf(au, rank), doc, now)];
  },
};
