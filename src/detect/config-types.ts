/**
 * The detector's configuration as data (what `config/rules`, `config/places` and
 * `config/actors` hold once loaded). The YAML loader in `src/config/detector-config.ts`
 * validates files into this shape; `compileDetectorConfig` turns it into matchers.
 */
import type { Kind } from '../model/detection';
import type { Scale } from './level-mention';

/**
 * Terms per language code: `{en: ["terror attack", "gunm*"], de: ["*anschlag"]}`.
 * Trailing `*`: any word ending; leading `*`: any word beginning (compounds);
 * leading `=`: case-sensitive.
 */
export type TermList = Record<string, string[]>;

export interface RequiresSpec {
  place?: boolean;
  actor?: boolean;
  /** A claim of responsibility is reported (the `claims` phrases of config/actors). */
  claimed?: boolean;
  casualties?: { min: number };
}

/**
 * A condition: a set of terms (inline or by lexicon name), optionally required near a
 * trigger, and/or entity requirements. A group with only `requires` is met when they are.
 */
export interface TermGroupSpec {
  terms?: TermList;
  lexicon?: string | string[];
  /** Only hits within this many words of a trigger count. */
  within?: number;
  requires?: RequiresSpec;
}

export interface BoostSpec extends TermGroupSpec {
  weight: number;
}

export interface RuleSpec {
  id: string;
  kind: Kind;
  description?: string;
  /** Trigger terms (any of them). */
  terms?: TermList;
  lexicon?: string | string[];
  /** Every group must match. */
  all?: TermGroupSpec[];
  /** At least one group must match. */
  any?: TermGroupSpec[];
  /** No group may match. */
  none?: TermGroupSpec[];
  /** Shorthand for one `all` group with `within`. */
  near?: TermGroupSpec & { within: number };
  requires?: RequiresSpec;
  /** Ids of exclusions to apply besides the ones that apply to the whole kind. */
  exclude?: string[];
  weight?: number;
  boost?: BoostSpec[];
  /** Labels fed to severity: `terror`, `raised`, `lowered`, `maintained`, `highest`. */
  tags?: string[];
}

export interface ExclusionSpec {
  id: string;
  description?: string;
  /** Applies to every rule of these kinds (unless `rules` narrows it). */
  kinds?: Kind[];
  /** Applies only to these rules (and to any rule listing it in `exclude`). */
  rules?: string[];
  terms?: TermList;
  lexicon?: string | string[];
  /** Only vetoes triggers within this many words; otherwise vetoes the rule outright. */
  within?: number;
  /** The exclusion is void when this group matches. */
  unless?: TermGroupSpec;
  /**
   * Evidence weighed against the exclusion: when this group has at least as many hits
   * as the exclusion (its terms plus stale years), the exclusion is void.
   */
  outweighed_by?: TermGroupSpec;
  /**
   * A year written in the text at least this many years before the item's publication
   * date counts as one more hit of the exclusion (at that word).
   */
  stale_years?: number;
}

export interface KindSpec {
  threshold: number;
  /**
   * When the other kind is also detected, this kind is dropped unless the condition
   * holds: an alert-level report that names an attack only as its cause is not itself
   * an attack report.
   */
  yields_to?: { kind: Kind; unless?: RequiresSpec };
}

export interface AuthoritySpec {
  id: string;
  country: string;
  terms?: TermList;
  /** The authority's steps, lowest first: lets a news item's "raised to severe" name a rank. */
  scale?: Scale;
}

export interface PlaceSpec {
  name: string;
  country: string;
  /** Other names (any language; `*` allowed for inflected forms). */
  aliases?: string[];
  /** Demonyms are weak evidence: they give a country only when no place is named. */
  demonym?: boolean;
  /** Coordinates, when known: incidents tell a suburb of a city from another city by distance. */
  lat?: number;
  lon?: number;
}

export interface ActorSpec {
  id: string;
  name: string;
  /** Any language; a leading `=` matches only as written (e.g. `=IS`, `=EI`). */
  aliases: string[];
}

export interface PolicySpec {
  /**
   * When both kinds are found but the headline alone reports only one of them, the
   * other is context ("Gunman kills two, prompting terror alert"): keep the headline's.
   */
  headline_focus?: boolean;
}

export interface DetectorConfig {
  kinds: Record<Kind, KindSpec>;
  policy?: PolicySpec;
  lexicons: Record<string, TermList>;
  rules: RuleSpec[];
  exclusions: ExclusionSpec[];
  authorities: AuthoritySpec[];
  places: PlaceSpec[];
  actors: ActorSpec[];
  /** Claim-of-responsibility phrases per language. */
  claims: TermList;
}
