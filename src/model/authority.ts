/**
 * One alert-level authority as `config/authorities.yaml` describes it: who it is, its scale
 * (lowest first) in its own languages and in English, where it publishes, and how the news
 * names it. Pure data: the loader checks it, the readers, detector and formatter read it.
 */
export interface AuthorityStep {
  /** 1-based position on the scale, lowest first. */
  rank: number;
  /** Wordings of this step per language (ISO 639-1), current wording first, former ones after. */
  names: Record<string, string[]>;
  /** Phrases that identify the step without being its name ("a realistic possibility"), per language. */
  phrases?: Record<string, string[]>;
  /** The English name shown beside the local one. */
  en: string;
  /** One line on what the step means. */
  meaning: string;
  /** The step in readers' languages, shown beside its own name (`{fr: grave}`); else the English name. */
  gloss?: Record<string, string>;
}

export interface Authority {
  /** Stable key, e.g. `uk-mi5`: the same in sources, stored levels and detections. */
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Full name per language (local and `en`). */
  name: Record<string, string>;
  /** Short display name for messages, e.g. "SGDSN — Vigipirate (France)". */
  label: string;
  /** Official pages about the level. */
  urls: string[];
  /** The languages the authority publishes in, main one first. */
  languages: string[];
  /**
   * `ascending`: "level 1" is the lowest step (most authorities); `descending`: the authority
   * numbers from the top (Portugal's "grau 1" is the highest).
   */
  numbering: 'ascending' | 'descending';
  scale: AuthorityStep[];
  /** How the news names the authority or its level system, per language (detector term syntax). */
  terms: Record<string, string[]>;
  /** True when a source of `sources.yaml` reads its level. */
  tracked: boolean;
  /** Levels the authority sets separately, e.g. `national` and `northern-ireland`. */
  scopes: string[];
}

/** The canonical local wording of a step: the first name in the authority's main language. */
export function localName(a: Pick<Authority, 'languages'>, step: AuthorityStep): string {
  for (const lang of a.languages) {
    const first = step.names[lang]?.[0];
    if (first) return first;
  }
  return step.en;
}

/** Every wording of a step, in every language, English name included. */
export function allNames(step: AuthorityStep): string[] {
  return [...new Set([...Object.values(step.names).flat(), step.en])];
}

/** What identifies a step in a text: its names and its phrases. */
export function stepWordings(step: AuthorityStep): string[] {
  return [...allNames(step), ...Object.values(step.phrases ?? {}).flat()];
}
