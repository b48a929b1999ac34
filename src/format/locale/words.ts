import type { Incident, LevelReading, Place, Severity } from '../../model';
import type { Locale } from '../../model/locale';
import { titleCase } from '../text';
import type { Localiser } from './localiser';

/** The language-dependent names a message is made of: places, severities, kinds, level steps. */

/** Per-language display names of gazetteer places, keyed `country|English name`. */
export type PlaceNames = Record<string, Partial<Record<Locale, string>>>;

/** The reader's-language words beside an authority's own step name: '' when none is needed, undefined when unknown. */
export type LevelGloss = (authority: string | undefined, rank: number, locale: Locale) => string | undefined;

export function placeName(p: Place, L: Localiser, names: PlaceNames | undefined): string {
  return names?.[`${p.country}|${p.name}`]?.[L.locale] ?? p.name;
}

export function severityName(s: Severity, L: Localiser): string {
  return L.t('severity.name', { severity: s });
}

export function kindName(kind: string, L: Localiser): string {
  if (kind === 'attack' || kind === 'alert_level') return L.t(`kind.${kind}`);
  return titleCase(kind);
}

/** "(4 of 5)" / "(4 sur 5)"; the no-advisory rank 0 says so. */
export function localPosition(rank: number, of: number, L: Localiser): string {
  return rank > 0 ? L.t('level.position', { rank, of }) : L.t('level.noLevel');
}

/**
 * A step in the authority's own words with the reader's words beside them:
 * English readers get the English name (as always), others the `gloss:` the registry gives
 * for their language, else the English name.
 */
export function localStepName(
  step: { name: string; name_en?: string; rank: number },
  authority: string | undefined,
  L: Localiser,
  gloss: LevelGloss | undefined,
): string {
  const fallback = step.name_en && step.name_en.trim().toLowerCase() !== step.name.trim().toLowerCase() ? step.name_en : undefined;
  const own = L.locale === 'en' ? undefined : gloss?.(authority, step.rank, L.locale);
  const beside = own === undefined ? fallback : own;
  if (!beside || beside.trim().toLowerCase() === step.name.trim().toLowerCase()) return step.name;
  return L.t('level.gloss', { name: step.name, gloss: beside });
}

export function localLevel(r: LevelReading, L: Localiser, gloss: LevelGloss | undefined): string {
  return `${localStepName(r, r.authority, L, gloss)} ${localPosition(r.rank, r.of, L)}`;
}

/** The headline as published; quoted and marked with its language when that is not the reader's. */
export function headlineLine(incident: Incident, L: Localiser): string {
  const line = incident.summary.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? incident.title;
  const lang = incident.reports[0]?.language;
  if (!lang || lang === L.locale || !line) return line;
  return L.t('headline.quoted', { headline: line, lang });
}
