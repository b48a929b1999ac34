import { load } from 'cheerio';
import type { FetchedDoc, LevelAdapter } from './adapter';
import { LevelSourceError } from './adapter';
import { describeIssues, levelPageSchema } from './config-schema';
import type { LevelPageOptions } from './config-schema';
import type { Authority } from '../../model/authority';
import { stepWordings } from '../../model/authority';
import { readingFor, registryEntry, stepOf } from './reading';
import { assertUsableResponse } from './response-guard';
import { loadWithoutChrome, mainContent } from './page-region';
import { markedStep } from './scale-markup';
import { readStatements } from './statements';
import { elementBlocks, elementText, findLevelNames, squash } from './text';

/**
 * A config-driven authority: `selector` and/or `pattern` (or `json_path`) locate the level text,
 * `levels` (lowest first) turn it into a rank. A bare number in the located text is the rank itself.
 */
export const levelPageAdapter: LevelAdapter = {
  type: 'level-page',
  parse(doc, source, now) {
    const { authorityEntry: _entry, ...entry } = source;
    const parsed = levelPageSchema.safeParse(entry);
    if (!parsed.success) throw new LevelSourceError(`bad level-page config for ${source.id}: ${describeIssues(parsed.error)}`);
    const opts = parsed.data;
    const authority = registryEntry(source, opts.authority);
    if (!opts.json_path && !opts.pattern && !opts.selector) {
      const stated = fromStatements(doc, opts, authority);
      return [readingFor(authority, opts.scope, stated.rank, stepOf(authority, stated.rank, stated.wording), doc, now)];
    }
    const located = opts.json_path ? fromJson(doc, opts.json_path) : fromPage(doc, opts);
    const rank = rankOf(located, authority);
    return [readingFor(authority, opts.scope, rank, stepOf(authority, rank), doc, now)];
  },
};

function fromPage(doc: FetchedDoc, opts: LevelPageOptions): string {
  const body = assertUsableResponse(doc, 'html');
  let text = squash(body);
  if (/<[a-z!]/i.test(body.slice(0, 2000)) || /html/i.test(doc.contentType ?? '')) {
    // Without a selector, site-wide banners must not be read as the page's level.
    const $ = opts.selector ? load(body) : loadWithoutChrome(body);
    const region = opts.selector ? $(opts.selector) : $('body').length > 0 ? $('body') : $.root();
    if (region.length === 0) throw new LevelSourceError(`level not found: selector "${opts.selector}" matched nothing`);
    text = elementText(region);
  }
  if (!opts.pattern) return text;
  const m = new RegExp(opts.pattern, 'iu').exec(text);
  const captured = m?.slice(1).find((g) => g !== undefined);
  if (!captured) throw new LevelSourceError('level not found: the pattern did not match the page');
  return captured;
}

/** The page's statements of the level (statements.ts); the scale's markup when `markup` is set and no sentence states it. */
function fromStatements(doc: FetchedDoc, opts: LevelPageOptions, authority: Authority): { rank: number; wording?: string } {
  const body = assertUsableResponse(doc, 'html');
  const isHtml = /<[a-z!]/i.test(body.slice(0, 2000)) || /html/i.test(doc.contentType ?? '');
  const $ = isHtml ? loadWithoutChrome(body) : undefined;
  const blocks = $ ? elementBlocks(mainContent($, opts.selector)) : body.split(/\r?\n/).map(squash).filter(Boolean);
  const result = readStatements(blocks, authority);
  if ('rank' in result) return result;
  const marked = $ && opts.markup ? markedStep($, authority) : undefined;
  if (marked !== undefined) return { rank: marked };
  throw new LevelSourceError(`${authority.id}: ${result.error}`);
}

function fromJson(doc: FetchedDoc, path: string): string {
  let value: unknown;
  try {
    value = JSON.parse(assertUsableResponse(doc, 'json'));
  } catch (e) {
    if (e instanceof LevelSourceError) throw e;
    throw new LevelSourceError('body is not valid JSON');
  }
  for (const key of path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  throw new LevelSourceError(`level not found: nothing at json_path ${path}`);
}

function rankOf(text: string, authority: Authority): number {
  const trimmed = text.trim();
  const of = authority.scale.length;
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= 1 && n <= of) return authority.numbering === 'descending' ? of + 1 - n : n;
    throw new LevelSourceError(`level ${n} is outside the configured scale of ${of}`);
  }
  const wordings = authority.scale.map((st) => ({ rank: st.rank, names: stepWordings(st) }));
  const ranks = new Set(findLevelNames(trimmed, wordings).map((m) => m.rank));
  const snippet = JSON.stringify(trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed);
  if (ranks.size === 0) throw new LevelSourceError(`level not found: no level name in ${snippet}`);
  if (ranks.size > 1) throw new LevelSourceError(`ambiguous: several level names in ${snippet}`);
  return [...ranks][0] as number;
}
