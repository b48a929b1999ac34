import type { Incident, LevelChange, LevelReading } from '../model';
import type { AlertMessage } from './message';
import type { MessageOptions } from './incident-message';
import { displayName, flagEmoji, titleCase } from './text';
import { confirmationLine } from './reported-level-message';
import { makeLocaliser, type Localiser } from './locale/localiser';
import { localLevel, localPosition, localStepName, severityName } from './locale/words';

const EN = makeLocaliser();

/** "SEVERE", or "alerte attentat (attack emergency)" when the authority's wording is not English. */
export function levelLabel(r: LevelReading): string {
  return localStepName(r, r.authority, EN, undefined);
}

/** Where the level sits on its scale: "(4 of 5)". */
export function levelPosition(r: LevelReading): string {
  return localPosition(r.rank, r.of, EN);
}

/** "SUBSTANTIAL → SEVERE (4 of 5)". */
export function levelTransition(change: LevelChange, L: Localiser = EN, opts: MessageOptions = {}): string {
  const cur = change.current;
  return `${localStepName(change.previous, change.previous.authority, L, opts.levelGloss)} → ${localLevel(cur, L, opts.levelGloss)}`;
}

function place(r: LevelReading, L: Localiser): string {
  const name = L.country(r.country);
  return r.scope && r.scope !== 'national' ? `${name} (${titleCase(r.scope)})` : name;
}

export function levelChangeMessage(incident: Incident, change: LevelChange, opts: MessageOptions, L: Localiser = EN): AlertMessage {
  const cur = change.current;
  const flag = flagEmoji(cur.country);
  const direction = change.direction;
  const when = cur.since ? L.t('level.when', { direction, time: L.time(cur.since) }) : L.t('level.whenSeen', { direction, time: L.time(cur.observedAt) });
  // The registry's one-line meanings are English: shown to English readers only.
  const meaning = L.locale === 'en' ? opts.meaning?.(cur) : undefined;
  const body = [
    levelTransition(change, L, opts),
    when,
    meaning,
    cur.expires ? L.t('level.expires', { time: L.time(cur.expires) }) : undefined,
    confirmationLine(incident, opts, L),
  ];
  return {
    kind: 'alert_level',
    severity: incident.severity,
    title: `${flag ? `${flag} ` : ''}${L.t('level.title', { place: place(cur, L), direction })}`,
    body: body.filter(Boolean).join('\n'),
    fields: [
      { name: L.t('field.level'), value: localLevel(cur, L, opts.levelGloss) },
      { name: L.t('field.previous'), value: localLevel(change.previous, L, opts.levelGloss) },
      { name: L.t('field.authority'), value: displayName(cur.authority, opts.authorityNames) },
      { name: L.t('field.severity'), value: severityName(incident.severity, L) },
    ],
    url: cur.url,
    footer: L.t('level.footer', { time: L.time(cur.observedAt) }),
    timestamp: cur.since ?? cur.observedAt,
  };
}
