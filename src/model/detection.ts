import type { Severity } from './severity';

export type Kind = 'attack' | 'alert_level';
export const KINDS: readonly Kind[] = ['attack', 'alert_level'];

export interface Casualties {
  killed?: number;
  injured?: number;
}

export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Coordinates when the gazetteer knows them: lets incidents tell a suburb from another city. */
  lat?: number;
  lon?: number;
}

export interface Explanation {
  /** Ids of the rules that fired. */
  rules: string[];
  /** The terms (as written in the rules) that matched. */
  terms: string[];
  /** Ids of exclusions that fired, whether or not they vetoed a rule. */
  exclusions: string[];
  /** One human sentence per decision, in order. */
  notes: string[];
}

/** A step on an authority's scale. */
export interface LevelStep {
  /** 1-based position on the scale. */
  rank: number;
  /** The authority's own wording. */
  name: string;
  name_en: string;
}

/** What a news item says about a level change: which way, and the steps where it names them. */
export interface LevelMention {
  direction: 'raised' | 'lowered' | 'set';
  /** Steps on the scale, when the authority's scale is known. */
  of?: number;
  to?: LevelStep;
  from?: LevelStep;
}

/** What the detector makes of one text. */
export interface Detection {
  kind: Kind;
  severity: Severity;
  countries: string[];
  places: Place[];
  /** Canonical actor ids, e.g. `islamic-state-khorasan`. */
  actors: string[];
  /** Whether the text reports a claim of responsibility. */
  claimed: boolean;
  casualties: Casualties;
  language: string;
  score: number;
  /** For `alert_level` news: the authority it names (registry id), if any; else `countries[0]` is where. */
  authority?: string;
  /** For `alert_level` news: direction and steps of the reported change. */
  level?: LevelMention;
  explanation: Explanation;
}

/** The text a detector reads. */
export interface DetectInput {
  title: string;
  summary: string;
  language?: string;
  /**
   * When the item was published (ISO 8601, a date or a year-month suffices). Optional:
   * it lets a year in the text far before it count as evidence of a retrospective.
   */
  published?: string;
}
