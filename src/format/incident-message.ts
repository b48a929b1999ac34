import type { Casualties, Incident, LevelReading } from '../model';
import type { Locale } from '../model/locale';
import type { AlertMessage } from './message';
import { levelChangeMessage } from './level-message';
import { reportedLevelMessage } from './reported-level-message';
import { displayName } from './text';
import { makeLocaliser, type Catalogues, type Localiser } from './locale/localiser';
import { headlineLine, kindName, placeName, severityName, type LevelGloss, type PlaceNames } from './locale/words';

export interface MessageOptions {
  /** Canonical actor id → display name, e.g. `islamic-state-khorasan` → `Islamic State Khorasan (IS-K)`. */
  actorNames?: Record<string, string>;
  /** Authority key → display name, e.g. `uk-mi5` → `MI5`. */
  authorityNames?: Record<string, string>;
  /** Source id → display name, e.g. `reuters-world` → `Reuters`. */
  sourceNames?: Record<string, string>;
  /** One line on what a level means (see detect/level-change `levelMeaning`); English, so English readers only. */
  meaning?: (r: LevelReading) => string | undefined;
  /** The reader's language and zone (the subscription's); default English, UTC. */
  locale?: Locale;
  timeZone?: string;
  /** The loaded message catalogues (config/locales); English is built in. */
  catalogues?: Catalogues;
  /** Gazetteer display names per language. */
  placeNames?: PlaceNames;
  /** Reader's-language gloss of an authority's level step (config/authorities.yaml `gloss:`). */
  levelGloss?: LevelGloss;
}

/** The localiser for the reader these options describe. */
export function localiserFor(opts: MessageOptions): Localiser {
  return makeLocaliser(opts.catalogues, opts.locale, opts.timeZone);
}

/** The platform-neutral message for an incident: an attack report or an alert-level change. */
export function incidentMessage(incident: Incident, opts: MessageOptions = {}): AlertMessage {
  const L = localiserFor(opts);
  if (incident.level) return levelChangeMessage(incident, incident.level, opts, L);
  if (incident.reported) return reportedLevelMessage(incident, incident.reported, opts, L);
  return attackMessage(incident, opts, L);
}

/** "137 killed, 100 injured" in the reader's language; undefined when no figure is known. */
export function tollText(c: Casualties, L: Localiser): string | undefined {
  const parts: string[] = [];
  if (c.killed !== undefined && c.killed > 0) parts.push(L.t('attack.killed', { n: c.killed }));
  if (c.injured !== undefined && c.injured > 0) parts.push(L.t('attack.injured', { n: c.injured }));
  return parts.length ? parts.join(', ') : undefined;
}

/** "At least 137 killed, 100 injured"; undefined when no figure is known. */
export function casualtiesText(c: Casualties, L: Localiser = makeLocaliser()): string | undefined {
  const toll = tollText(c, L);
  return toll ? L.t('attack.atLeast', { toll }) : undefined;
}

export function claimText(incident: Incident, opts: MessageOptions, L: Localiser = localiserFor(opts)): string | undefined {
  if (!incident.claimedBy.length) return undefined;
  return L.t('attack.claim', { actors: L.list(incident.claimedBy.map((a) => displayName(a, opts.actorNames))) });
}

export function sourceCount(incident: Incident): number {
  return new Set(incident.reports.map((r) => r.sourceId)).size;
}

function attackTitle(incident: Incident, opts: MessageOptions, L: Localiser): string {
  const place = incident.places[0];
  const kind = kindName(incident.kind, L);
  if (place) return L.t('attack.title.place', { kind, place: placeName(place, L, opts.placeNames), country: L.country(place.country) });
  if (incident.countries.length) return L.t('attack.title.countries', { kind, countries: L.list(incident.countries.map(L.country)) });
  return L.t('attack.title.none', { kind });
}

function attackMessage(incident: Incident, opts: MessageOptions, L: Localiser): AlertMessage {
  const toll = tollText(incident.casualties, L);
  const claim = claimText(incident, opts, L);
  const sources = sourceCount(incident);
  const fields = [{ name: L.t('field.severity'), value: severityName(incident.severity, L) }];
  if (toll) fields.push({ name: L.t('field.casualties'), value: toll });
  fields.push({ name: L.t('field.sources'), value: String(sources) });
  if (incident.countries.length) fields.push({ name: L.t('field.countries'), value: incident.countries.map(L.country).join(', ') });
  return {
    kind: incident.kind,
    severity: incident.severity,
    title: attackTitle(incident, opts, L),
    body: [headlineLine(incident, L), toll ? L.t('attack.atLeast', { toll }) : undefined, claim].filter(Boolean).join('\n'),
    fields,
    url: incident.reports.find((r) => r.url)?.url,
    footer: L.t('attack.footer', { sources, time: L.time(incident.firstSeen) }),
    timestamp: incident.eventTime || incident.firstSeen,
  };
}
