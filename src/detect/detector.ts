/**
 * The detector: one scan of title + summary through the shared automaton, then
 * entities, casualties and rules are evaluated from the hit list. Pure: the
 * compiled configuration comes in, detections go out.
 */
import type { DetectInput, Detection, Kind } from '../model/detection';
import { KINDS } from '../model/detection';
import type { CompiledDetectorConfig } from './compiled-types';
import type { CueHit } from './casualties';
import { extractCasualties } from './casualties';
import type { Entities } from './entities';
import { extractEntities } from './entities';
import { detectLanguage } from './language';
import type { RuleContext, RuleOutcome } from './rule-eval';
import { evaluateRule, requirementsMet } from './rule-eval';
import { alertSeverity, attackSeverity } from './severity';
import type { Hit } from './term-index';
import type { Token } from './normalise';
import { readLevelMention } from './level-mention';

/** How one kind was judged, detected or not (for `tocsin explain`). */
export interface KindVerdict {
  kind: Kind;
  detected: boolean;
  score: number;
  threshold: number;
  rules: string[];
  exclusions: string[];
  notes: string[];
}

export interface Analysis {
  detections: Detection[];
  verdicts: KindVerdict[];
}

export interface Detector {
  detect(input: DetectInput): Detection[];
  analyse(input: DetectInput): Analysis;
}

/** News summaries are short; a runaway feed field must not cost unbounded time. */
const MAX_TEXT = 20_000;

function textOf(input: DetectInput): string {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  const summary = typeof input.summary === 'string' ? input.summary.trim() : '';
  // The full stop keeps a title-final word and a summary-initial word from forming a phrase.
  return (title && summary ? `${title}. ${summary}` : title || summary).slice(0, MAX_TEXT);
}

function verdictFor(cfg: CompiledDetectorConfig, kind: Kind, outcomes: RuleOutcome[]): KindVerdict {
  const mine = outcomes.filter((o) => o.rule.kind === kind);
  const fired = mine.filter((o) => o.fired);
  const score = fired.reduce((s, o) => s + o.score, 0);
  const threshold = cfg.kinds[kind].threshold;
  return {
    kind,
    detected: score >= threshold && fired.some((o) => o.rule.weight > 0),
    score,
    threshold,
    rules: fired.map((o) => o.rule.id),
    exclusions: [...new Set(mine.flatMap((o) => o.exclusions))],
    notes: mine.map((o) => o.note),
  };
}

function build(
  cfg: CompiledDetectorConfig, verdict: KindVerdict, outcomes: RuleOutcome[], ctx: RuleContext,
  entities: Entities, claimed: boolean, language: string, tokens: readonly Token[],
): Detection {
  const fired = outcomes.filter((o) => o.fired && o.rule.kind === verdict.kind);
  const tags = new Set(fired.flatMap((o) => o.rule.tags));
  const terror = tags.has('terror') || entities.actors.length > 0;
  const detection: Detection = {
    kind: verdict.kind,
    severity: verdict.kind === 'attack' ? attackSeverity(ctx.casualties, terror) : alertSeverity(tags),
    countries: entities.countries,
    places: entities.places,
    actors: entities.actors,
    claimed,
    casualties: ctx.casualties,
    language,
    score: Math.round(verdict.score * 100) / 100,
    explanation: {
      rules: verdict.rules,
      terms: [...new Set(fired.flatMap((o) => o.terms))],
      exclusions: verdict.exclusions,
      notes: verdict.notes,
    },
  };
  if (verdict.kind === 'alert_level') {
    const authority = entities.authorities[0]
      ?? entities.countries.map((c) => cfg.authorities.find((a) => a.country === c)?.id).find((id) => id !== undefined);
    const known = cfg.authorities.find((a) => a.id === authority);
    if (authority !== undefined) {
      detection.authority = authority;
      // The authority's country is the one whose level changed: it leads.
      if (known) detection.countries = [known.country, ...entities.countries.filter((c) => c !== known.country)];
    }
    const direction = tags.has('raised') === tags.has('lowered') ? 'set' : tags.has('raised') ? 'raised' : 'lowered';
    const near = fired.flatMap((o) => ctx.groupHits[o.rule.trigger] ?? []).map((h) => h.start);
    detection.level = known?.scale ? readLevelMention(known.scale, tokens, direction, near) : { direction };
  }
  return detection;
}

/** The year of an ISO date ("2026-05-03", "2026-05", "2026"), or null. */
function publishedYear(published: unknown): number | null {
  const m = typeof published === 'string' ? /^(\d{4})(?:-|$)/.exec(published.trim()) : null;
  return m ? Number(m[1]) : null;
}

const YEAR = /^(?:19|20)\d\d$/;

/** Years written in the text, with their age relative to the item's year (null when unknown). */
function yearsIn(tokens: readonly Token[], year: number | null): RuleContext['years'] {
  const out: { at: number; age: number | null }[] = [];
  tokens.forEach((t, at) => {
    if (YEAR.test(t.norm)) out.push({ at, age: year === null ? null : year - Number(t.norm) });
  });
  return out;
}

export function createDetector(cfg: CompiledDetectorConfig): Detector {
  function analyse(input: DetectInput): Analysis {
    const text = textOf(input);
    const { norm, hits } = cfg.index.scan(text);
    const groupHits: (Hit[] | undefined)[] = new Array<Hit[] | undefined>(cfg.groupCount);
    const cues: CueHit[] = [];
    for (const h of hits) {
      if (h.owner.t === 'group') (groupHits[h.owner.g] ??= []).push(h);
      else if (h.owner.t === 'cue') {
        cues.push(h.owner.c === 'toll' ? { c: 'killed', start: h.start, end: h.end, toll: true } : { c: h.owner.c, start: h.start, end: h.end });
      }
    }
    const entities = extractEntities(cfg, norm.tokens, hits);
    const ctx: RuleContext = {
      groupHits,
      hasPlace: entities.countries.length > 0,
      hasActor: entities.actors.length > 0,
      claimed: (groupHits[cfg.claimGroup]?.length ?? 0) > 0,
      casualties: extractCasualties(norm.tokens, cues),
      years: yearsIn(norm.tokens, publishedYear(input.published)),
    };
    const outcomes = cfg.rules.map((r) => evaluateRule(r, ctx)).filter((o): o is RuleOutcome => o !== null);
    const verdicts = KINDS.map((k) => verdictFor(cfg, k, outcomes));
    for (const v of verdicts) {
      const yields = cfg.kinds[v.kind].yields_to;
      if (!v.detected || !yields) continue;
      const other = verdicts.find((o) => o.kind === yields.kind);
      if (other?.detected && !requirementsMet(yields.unless, ctx)) {
        v.detected = false;
        v.notes.push(`${v.kind} dropped: mentioned only as background to ${yields.kind}`);
      }
    }
    if (cfg.policy.headline_focus && verdicts.every((v) => v.detected)) focusOnHeadline(input, verdicts);
    const detected = verdicts.filter((v) => v.detected);
    // Language identification is the costliest step: only for texts that yield a detection.
    const language = detected.length === 0 ? '' : input.language || detectLanguage(text, hits);
    const detections = detected.map((v) => build(cfg, v, outcomes, ctx, entities, ctx.claimed, language, norm.tokens));
    return { detections, verdicts };
  }
  /** Both kinds found: if the headline alone reports just one, the other is context. */
  function focusOnHeadline(input: DetectInput, verdicts: KindVerdict[]): void {
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    const summary = typeof input.summary === 'string' ? input.summary.trim() : '';
    if (!title || !summary) return;
    const inTitle = analyse({ title, summary: '', published: input.published }).verdicts.filter((v) => v.detected).map((v) => v.kind);
    if (inTitle.length !== 1) return;
    for (const v of verdicts) {
      if (v.kind === inTitle[0]) continue;
      v.detected = false;
      v.notes.push(`${v.kind} dropped: the headline reports only ${inTitle[0]}`);
    }
  }

  return { analyse, detect: (input) => analyse(input).detections };
}
