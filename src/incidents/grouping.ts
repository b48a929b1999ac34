import type { Detection, Incident } from '../model';
import { cuesConflict, cuesFit, eventDateCues, SINCE, type EventDateCues } from './event-date';
import { eventTraits, meansConflict, sharedTraits, type EventTraits } from './event-traits';
import { comparePlaces } from './geo';
import { distinctiveTerms, overlap } from './terms';

/** A report as the grouping sees it: the detection and what was said, when. */
export interface Candidate {
  detection: Detection;
  /** ISO instant; undefined when the report carries no date (then time cannot rule it out). */
  at?: string;
  terms: string[];
  /** Years the text names ("… on 24 March 2024"): an undated report still dates itself roughly. */
  years: number[];
  /** Weekdays and day-months the text names: when the event happened, if it says. */
  cues: EventDateCues;
  /** The means and target the text tells of. */
  traits: EventTraits;
}

export interface MatchScore {
  score: number;
  reasons: string[];
  /** A hard rule ruled the pair out. */
  vetoed: boolean;
}

/** Reports of one event keep coming for days; the same place a week later is another event. */
export const ATTACK_WINDOW_MS = 4 * 86_400_000;
export const LEVEL_WINDOW_MS = 10 * 86_400_000;
/** Share of distinctive words an undated report must have in common with an incident it joins. */
export const UNDATED_MIN_WORDS = 0.2;
/** Reports this close in time tell of the same day. */
export const SAME_DAY_MS = 36 * 3_600_000;
/** Score at or above which a report joins an incident. */
export const JOIN_THRESHOLD = 2;

const YEAR = /(?:(\p{L}+)\s+)?\b(19[5-9]\d|20[0-9]\d)\b/gu;

/** Years a text names; a year after "since" ("the worst since 2005", "seit 2015", "depuis 2014") is a reference, not the event's. */
function textYears(text: string): number[] {
  return [...new Set([...text.matchAll(YEAR)].filter((m) => !SINCE.test(m[1] ?? '')).map((m) => Number(m[2])))];
}

export function candidateOf(detection: Detection, text: string, at?: string): Candidate {
  return { detection, at, terms: distinctiveTerms(text), years: textYears(text), cues: eventDateCues(text), traits: eventTraits(text) };
}

/** Traits of an incident, from every report's title and its first report's words; incidents are immutable values, so cached. */
const traitsCache = new WeakMap<Incident, EventTraits>();
function incidentTraits(incident: Incident): EventTraits {
  let traits = traitsCache.get(incident);
  if (!traits) {
    traits = eventTraits(`${incident.reports.map((r) => r.title).join(' · ')} · ${incident.title} · ${incident.summary}`);
    traitsCache.set(incident, traits);
  }
  return traits;
}

/** What an incident says of its own date: the partial dates of its undated reports and its words. */
function incidentDateText(incident: Incident): string {
  const hints = incident.reports.map((r) => r.dateHint ?? '').join(' ');
  return `${hints} ${incident.title} ${incident.summary}`;
}

/** Years of the incident's dated reports. */
function reportYears(incident: Incident): Set<number> {
  const out = new Set<number>();
  for (const r of incident.reports) {
    const t = Date.parse(r.at);
    if (!Number.isNaN(t)) out.add(new Date(t).getUTCFullYear());
  }
  return out;
}

function datesFit(incident: Incident, c: Candidate): string | undefined {
  const misfit = 'the day the text names does not fit the incident';
  const dates = incident.reports.map((r) => Date.parse(r.at)).filter((t) => !Number.isNaN(t));
  if (c.at === undefined || Number.isNaN(Date.parse(c.at))) {
    // Neither is dated: what each text says of its date must agree.
    if (!dates.length) return cuesConflict(c.cues, eventDateCues(incidentDateText(incident)));
    return cuesFit(c.cues, dates) ? undefined : misfit;
  }
  // A dated report and an undated incident: the incident's own words tell its day.
  return cuesFit(eventDateCues(incidentDateText(incident)), [Date.parse(c.at)]) ? undefined : misfit;
}

function timeApartMs(incident: Incident, at?: string): number | undefined {
  if (!at) return undefined;
  const t = Date.parse(at);
  if (Number.isNaN(t)) return undefined;
  // The span of the incident is that of its dated reports, not of when we processed them.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const r of incident.reports) {
    const x = Date.parse(r.at);
    if (Number.isNaN(x)) continue;
    first = Math.min(first, x);
    last = Math.max(last, x);
  }
  if (first === Number.POSITIVE_INFINITY) return undefined;
  if (t >= first && t <= last) return 0;
  return Math.min(Math.abs(t - first), Math.abs(t - last));
}

/**
 * Why a report that time cannot place (it or the incident is undated) does not fit the incident,
 * or undefined when it may: the years its text names, then the day it names.
 */
export function undatedMisfit(incident: Incident, c: Candidate): string | undefined {
  if (c.years.length) {
    const dated = reportYears(incident);
    // An incident of undated reports is of the years its own text names.
    const years = dated.size ? dated : new Set(textYears(incidentDateText(incident)));
    if (years.size && !c.years.some((y) => years.has(y))) return `text names ${c.years.join(', ')}, incident is of ${[...years].join(', ')}`;
  }
  // The same place in another year is another event: the day the text names must fit the incident's days.
  return datesFit(incident, c);
}

/** How well a report fits an incident, from labels first and words second. */
export function scoreMatch(incident: Incident, c: Candidate): MatchScore {
  const d = c.detection;
  const reasons: string[] = [];
  const veto = (why: string): MatchScore => ({ score: 0, reasons: [...reasons, why], vetoed: true });
  if (incident.kind !== d.kind) return veto('different kind');

  const apart = timeApartMs(incident, c.at);
  const window = d.kind === 'attack' ? ATTACK_WINDOW_MS : LEVEL_WINDOW_MS;
  if (apart !== undefined && apart > window) return veto(`${Math.round(apart / 86_400_000)} days apart`);
  if (apart === undefined) {
    const misfit = undatedMisfit(incident, c);
    if (misfit) return veto(misfit);
  }

  let score = 0;
  const sharedCountry = d.countries.some((x) => incident.countries.includes(x));
  if (d.countries.length && incident.countries.length) {
    if (!sharedCountry) return veto('no country in common');
    score += 1;
    reasons.push('same country');
  }

  if (d.kind === 'alert_level') {
    if (d.authority && incident.key && incident.key !== d.authority) return veto('different authority');
    // "Raised to SEVERE" and "lowered to SUBSTANTIAL" are two events, whatever the words share.
    if ((d.severity === 'low') !== (incident.severity === 'low')) return veto('one raised, the other lowered');
    if (d.authority && incident.key === d.authority) {
      score += 2;
      reasons.push('same authority');
    }
    // The attack that prompted a level change tells two changes of one authority apart.
    if (comparePlaces(d.places, incident.places) === 'different') {
      score -= 2;
      reasons.push('prompted by events in different places');
    }
  } else {
    const theirs = incidentTraits(incident);
    // Without a date, time cannot tell two attacks on one city apart: a stabbing and a bombing can.
    if (apart === undefined && meansConflict(c.traits, theirs)) return veto(`${c.traits.means.join('/')} against ${theirs.means.join('/')}`);
    const shared = sharedTraits(c.traits, theirs);
    if (shared.means.length) {
      // The same means within a day or so is the likelier the same attack.
      const sameDay = apart !== undefined && apart <= SAME_DAY_MS;
      score += sameDay ? 2 : 1;
      reasons.push(`same means (${shared.means.join(', ')})${sameDay ? ' the same day' : ''}`);
    }
    if (shared.targets.length) {
      score += 1;
      reasons.push(`same target (${shared.targets.join(', ')})`);
    }
    const places = comparePlaces(d.places, incident.places);
    if (places === 'same') {
      score += 2;
      reasons.push('same place');
    } else if (places === 'different') {
      score -= 2;
      reasons.push('different places');
    }
  }

  if (d.actors.some((a) => incident.actors.includes(a))) {
    score += 1;
    reasons.push('same actor');
  }

  const words = overlap(c.terms, incident.terms);
  if (words > 0) {
    score += 3 * words;
    reasons.push(`words ${(words * 100).toFixed(0)}% shared`);
  }
  // Without a date, time cannot confirm the match: ask for something specific in common.
  // The same means on the same kind of target, with some words shared, is specific too.
  const sameKind = reasons.some((r) => r.startsWith('same means')) && reasons.some((r) => r.startsWith('same target')) && words >= UNDATED_MIN_WORDS / 2;
  if (apart === undefined && !reasons.some((r) => r === 'same place' || r === 'same actor') && !sameKind && words < UNDATED_MIN_WORDS) {
    return veto('undated, and nothing specific in common');
  }
  return { score, reasons, vetoed: false };
}

export type GroupDecision =
  | { action: 'join'; incident: Incident; match: MatchScore }
  | { action: 'open'; best?: { incident: Incident; match: MatchScore } };

/** Join the best-fitting incident, or open a new one. Pure: candidates come from the caller. */
export function decideGroup(c: Candidate, candidates: readonly Incident[]): GroupDecision {
  let best: { incident: Incident; match: MatchScore } | undefined;
  for (const incident of candidates) {
    const match = scoreMatch(incident, c);
    if (match.vetoed) continue;
    if (!best || match.score > best.match.score) best = { incident, match };
  }
  if (best && best.match.score >= JOIN_THRESHOLD) return { action: 'join', ...best };
  return { action: 'open', best };
}
