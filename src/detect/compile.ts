/**
 * Pure compilation of a DetectorConfig: every term of every rule, lexicon, exclusion,
 * place, actor, authority and casualty cue goes into one automaton; rules keep group
 * indices into the hit lists a scan produces.
 */
import type { DetectorConfig, TermGroupSpec, TermList } from './config-types';
import type { CompiledDetectorConfig, CompiledExclusion, CompiledRule, GroupRef } from './compiled-types';
import { TermIndexBuilder } from './term-index';
import { INJURED_CUES, KILLED_CUES, TOLL_CUES } from './casualty-lexicon';
import { compileScale } from './level-mention';

/** A configuration that cannot be compiled: every problem, with where it is. */
export class DetectorConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid detector config:\n  ${problems.join('\n  ')}`);
    this.name = 'DetectorConfigError';
  }
}

/** [term, language] pairs of a term list. */
function allTerms(list: TermList | undefined): [string, string][] {
  return list ? Object.entries(list).flatMap(([lang, terms]) => terms.map((t): [string, string] => [t, lang])) : [];
}

function asArray(x: string | string[] | undefined): string[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

class GroupAllocator {
  private readonly cache = new Map<string, number>();
  count = 0;

  constructor(
    private readonly builder: TermIndexBuilder,
    private readonly lexicons: Record<string, TermList>,
    private readonly problems: string[],
  ) {}

  /** Allocates (or reuses) a group for terms + lexicons; `where` names it in errors. */
  group(terms: TermList | undefined, lexicon: string | string[] | undefined, where: string, allowEmpty = false): number {
    const names = asArray(lexicon);
    const key = JSON.stringify([terms ?? null, names]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const g = this.count++;
    this.cache.set(key, g);
    const words = allTerms(terms);
    for (const name of names) {
      const lex = this.lexicons[name];
      if (!lex) this.problems.push(`${where}: unknown lexicon "${name}"`);
      else words.push(...allTerms(lex));
    }
    if (words.length === 0 && !allowEmpty) this.problems.push(`${where}: no terms`);
    for (const [w, lang] of words) {
      if (!this.builder.add(w, { t: 'group', g }, lang)) this.problems.push(`${where}: empty term "${w}"`);
    }
    return g;
  }

  ref(spec: TermGroupSpec, where: string): GroupRef {
    const hasTerms = spec.terms !== undefined || spec.lexicon !== undefined;
    const ref: GroupRef = { g: hasTerms || !spec.requires ? this.group(spec.terms, spec.lexicon, where) : -1 };
    if (spec.within !== undefined) ref.within = spec.within;
    if (spec.requires) ref.requires = spec.requires;
    return ref;
  }
}

export function compileDetectorConfig(cfg: DetectorConfig): CompiledDetectorConfig {
  const problems: string[] = [];
  const builder = new TermIndexBuilder();
  const groups = new GroupAllocator(builder, cfg.lexicons, problems);

  const exclusions = new Map<string, CompiledExclusion>();
  for (const ex of cfg.exclusions) {
    const where = `exclusion ${ex.id}`;
    if (exclusions.has(ex.id)) problems.push(`${where}: duplicate id`);
    const compiled: CompiledExclusion = { id: ex.id, g: groups.group(ex.terms, ex.lexicon, where) };
    if (ex.within !== undefined) compiled.within = ex.within;
    if (ex.unless) compiled.unless = groups.ref(ex.unless, `${where}.unless`);
    if (ex.outweighed_by) compiled.outweighedBy = groups.ref(ex.outweighed_by, `${where}.outweighed_by`);
    if (ex.stale_years !== undefined) compiled.staleYears = ex.stale_years;
    exclusions.set(ex.id, compiled);
  }

  const ruleIds = new Set<string>();
  const rules: CompiledRule[] = cfg.rules.map((r) => {
    const where = `rule ${r.id}`;
    if (ruleIds.has(r.id)) problems.push(`${where}: duplicate id`);
    ruleIds.add(r.id);
    const all = (r.all ?? []).map((s, i) => groups.ref(s, `${where}.all[${i}]`));
    if (r.near) all.push(groups.ref(r.near, `${where}.near`));
    for (const id of r.exclude ?? []) if (!exclusions.has(id)) problems.push(`${where}: unknown exclusion "${id}"`);
    const applying = cfg.exclusions.filter((ex) =>
      (r.exclude ?? []).includes(ex.id) || (ex.rules ? ex.rules.includes(r.id) : (ex.kinds ?? []).includes(r.kind)));
    const rule: CompiledRule = {
      id: r.id,
      kind: r.kind,
      trigger: groups.group(r.terms, r.lexicon, `${where}.terms`),
      all,
      any: (r.any ?? []).map((s, i) => groups.ref(s, `${where}.any[${i}]`)),
      none: (r.none ?? []).map((s, i) => groups.ref(s, `${where}.none[${i}]`)),
      exclusions: applying.map((ex) => exclusions.get(ex.id) as CompiledExclusion),
      weight: r.weight ?? 1,
      boosts: (r.boost ?? []).map((b, i) => ({ weight: b.weight, group: groups.ref(b, `${where}.boost[${i}]`) })),
      tags: r.tags ?? [],
    };
    if (r.requires) rule.requires = r.requires;
    return rule;
  });

  for (const ex of cfg.exclusions) {
    for (const id of ex.rules ?? []) if (!ruleIds.has(id)) problems.push(`exclusion ${ex.id}: unknown rule "${id}"`);
  }

  cfg.places.forEach((p, i) => {
    for (const name of [p.name, ...(p.aliases ?? [])]) builder.add(name, { t: 'place', p: i });
  });
  cfg.actors.forEach((a, i) => {
    for (const name of [a.name, ...a.aliases]) builder.add(name, { t: 'actor', a: i });
  });
  cfg.authorities.forEach((a, i) => {
    for (const [term] of allTerms(a.terms)) builder.add(term, { t: 'authority', a: i });
  });
  for (const [term, lang] of allTerms(KILLED_CUES)) builder.add(term, { t: 'cue', c: 'killed' }, lang);
  for (const [term, lang] of allTerms(INJURED_CUES)) builder.add(term, { t: 'cue', c: 'injured' }, lang);
  for (const [term, lang] of allTerms(TOLL_CUES)) builder.add(term, { t: 'cue', c: 'toll' }, lang);
  const claimGroup = groups.group(cfg.claims, undefined, 'claims', true);

  if (problems.length > 0) throw new DetectorConfigError(problems);
  return {
    index: builder.build(),
    groupCount: groups.count,
    rules,
    kinds: cfg.kinds,
    policy: cfg.policy ?? {},
    places: cfg.places.map((p) => ({
      name: p.name,
      country: p.country,
      demonym: p.demonym === true,
      ...(p.lat !== undefined && p.lon !== undefined ? { lat: p.lat, lon: p.lon } : {}),
    })),
    actors: cfg.actors.map((a) => ({ id: a.id, name: a.name })),
    authorities: cfg.authorities.map((a) => ({ id: a.id, country: a.country, ...(a.scale ? { scale: compileScale(a.scale) } : {}) })),
    claimGroup,
  };
}
