/**
 * Evaluates compiled rules against the hit lists of one scan. A rule fires when a
 * trigger survives its exclusions and every condition (all/any/none/near/requires)
 * holds; it then scores its weight plus any boosts that apply.
 */
import type { Casualties } from '../model/detection';
import type { RequiresSpec } from './config-types';
import type { CompiledExclusion, CompiledRule, GroupRef } from './compiled-types';
import type { Hit } from './term-index';

export interface RuleContext {
  groupHits: (Hit[] | undefined)[];
  hasPlace: boolean;
  hasActor: boolean;
  claimed: boolean;
  casualties: Casualties;
  /** Years written in the text (token index) and how long before publication: `age` is null when the date is unknown. */
  years: readonly { at: number; age: number | null }[];
}

export interface RuleOutcome {
  rule: CompiledRule;
  fired: boolean;
  score: number;
  /** Terms that matched (triggers and conditions), as written in the rules. */
  terms: string[];
  /** Exclusions whose terms matched (whether or not they vetoed). */
  exclusions: string[];
  note: string;
}

const NONE: Hit[] = [];

export function distance(a: Hit, b: Hit): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

function hitsOf(ctx: RuleContext, g: number): Hit[] {
  return ctx.groupHits[g] ?? NONE;
}

/**
 * Hits of a group that count: all of them, or those near a surviving trigger; none when
 * its entity requirements fail. A requirements-only group yields the triggers themselves.
 */
function groupMatches(ctx: RuleContext, ref: GroupRef, triggers: Hit[]): Hit[] {
  if (!requirementsMet(ref.requires, ctx)) return NONE;
  if (ref.g < 0) return triggers;
  const hits = hitsOf(ctx, ref.g);
  const within = ref.within;
  if (within === undefined) return hits;
  return hits.filter((h) => triggers.some((t) => distance(h, t) <= within));
}

export function requirementsMet(req: RequiresSpec | undefined, ctx: RuleContext): boolean {
  if (!req) return true;
  if (req.place && !ctx.hasPlace) return false;
  if (req.actor && !ctx.hasActor) return false;
  if (req.claimed && !ctx.claimed) return false;
  if (req.casualties) {
    const total = (ctx.casualties.killed ?? 0) + (ctx.casualties.injured ?? 0);
    if (total < req.casualties.min) return false;
  }
  return true;
}

function outcome(rule: CompiledRule, fired: boolean, score: number, terms: Hit[], exclusions: string[], note: string): RuleOutcome {
  return { rule, fired, score, terms: [...new Set(terms.map((h) => h.term))], exclusions, note };
}

/** An exclusion's hits: its terms, plus years written long before the item's date. */
function exclusionHits(ctx: RuleContext, ex: CompiledExclusion): Hit[] {
  const hits = hitsOf(ctx, ex.g);
  const minAge = ex.staleYears;
  // A year alone is no retrospective ("the worst attack since 2005"): it only adds to a cue.
  if (minAge === undefined || hits.length === 0) return hits;
  const stale = ctx.years.filter((y) => y.age !== null && y.age >= minAge)
    .map((y): Hit => ({ term: `a year ${y.age ?? 0} years before the item`, start: y.at, end: y.at }));
  return stale.length === 0 ? hits : [...hits, ...stale];
}

function distinctStarts(hits: readonly Hit[]): number {
  return new Set(hits.map((h) => h.start)).size;
}

/** "x-past outweighed (2 against 1)" when the counter-evidence is at least as strong. */
function outweighed(ctx: RuleContext, ex: CompiledExclusion, exHits: readonly Hit[], triggers: Hit[]): string | null {
  if (!ex.outweighedBy) return null;
  const against = groupMatches(ctx, ex.outweighedBy, triggers);
  const pro = distinctStarts(exHits);
  const con = ex.outweighedBy.g < 0 ? (against.length > 0 ? 1 : 0) : distinctStarts(against);
  return con >= pro ? `${ex.id} outweighed (${con} against ${pro})` : null;
}

export function evaluateRule(rule: CompiledRule, ctx: RuleContext): RuleOutcome | null {
  let triggers = hitsOf(ctx, rule.trigger);
  if (triggers.length === 0) return null;
  const fired: string[] = [];
  const weighed: string[] = [];
  const vetoes: string[] = [];
  for (const ex of rule.exclusions) {
    const exHits = exclusionHits(ctx, ex);
    if (exHits.length === 0) continue;
    if (ex.unless && groupMatches(ctx, ex.unless, triggers).length > 0) continue;
    const voided = outweighed(ctx, ex, exHits, triggers);
    if (voided !== null) {
      weighed.push(voided);
      continue;
    }
    const within = ex.within;
    const remaining = within === undefined ? [] : triggers.filter((t) => !exHits.some((e) => distance(e, t) <= within));
    if (remaining.length < triggers.length) {
      fired.push(ex.id);
      vetoes.push(`${ex.id} ("${exHits[0]?.term ?? ''}")`);
    }
    triggers = remaining;
    if (triggers.length === 0) {
      return outcome(rule, false, 0, hitsOf(ctx, rule.trigger), fired, `${rule.id}: vetoed by ${vetoes.join(', ')}`);
    }
  }
  const matched: Hit[] = [...triggers];
  for (const ref of rule.all) {
    const m = groupMatches(ctx, ref, triggers);
    if (m.length === 0) return outcome(rule, false, 0, matched, fired, `${rule.id}: a required term group is missing`);
    if (ref.g >= 0) matched.push(...m);
  }
  if (rule.any.length > 0) {
    const m = rule.any.flatMap((ref) => (ref.g >= 0 ? groupMatches(ctx, ref, triggers) : []));
    const met = m.length > 0 || rule.any.some((ref) => ref.g < 0 && groupMatches(ctx, ref, triggers).length > 0);
    if (!met) return outcome(rule, false, 0, matched, fired, `${rule.id}: none of the alternative conditions held`);
    matched.push(...m);
  }
  for (const ref of rule.none) {
    const m = groupMatches(ctx, ref, triggers);
    if (m.length > 0) return outcome(rule, false, 0, matched, fired, `${rule.id}: blocked by "${m[0]?.term}"`);
  }
  if (!requirementsMet(rule.requires, ctx)) {
    return outcome(rule, false, 0, matched, fired, `${rule.id}: entity requirement not met`);
  }
  let score = rule.weight;
  for (const b of rule.boosts) {
    const m = groupMatches(ctx, b.group, triggers);
    if (m.length === 0) continue;
    score += b.weight;
    if (b.group.g >= 0) matched.push(...m);
  }
  const why = weighed.length > 0 ? `; ${weighed.join('; ')}` : '';
  return outcome(rule, true, score, matched, fired, `${rule.id}: fired on "${triggers[0]?.term}" (+${score})${why}`);
}
