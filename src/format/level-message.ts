import type { Incident, LevelChange, LevelReading } from '../model';
import type { AlertMessage } from './message';
import type { MessageOptions } from './incident-message';
import { countryName, displayName, flagEmoji, formatUtc, titleCase } from './text';
import { confirmationLine } from './reported-level-message';

/** "SEVERE", or "alerte attentat (attack emergency)" when the authority's wording is not English. */
export function levelLabel(r: LevelReading): string {
  const same = r.name.trim().toLowerCase() === r.name_en.trim().toLowerCase();
  return same || !r.name_en ? r.name : `${r.name} (${r.name_en})`;
}

/** Where the level sits on its scale: "(4 of 5)". */
export function levelPosition(r: LevelReading): string {
  return r.rank > 0 ? `(${r.rank} of ${r.of})` : '(no level in force)';
}

/** "SUBSTANTIAL → SEVERE (4 of 5)". */
export function levelTransition(change: LevelChange): string {
  return `${levelLabel(change.previous)} → ${levelLabel(change.current)} ${levelPosition(change.current)}`;
}

function place(r: LevelReading): string {
  const name = countryName(r.country);
  return r.scope && r.scope !== 'national' ? `${name} (${titleCase(r.scope)})` : name;
}

export function levelChangeMessage(incident: Incident, change: LevelChange, opts: MessageOptions): AlertMessage {
  const cur = change.current;
  const flag = flagEmoji(cur.country);
  const when = cur.since
    ? `${titleCase(change.direction)} ${formatUtc(cur.since)}`
    : `${titleCase(change.direction)} (seen ${formatUtc(cur.observedAt)})`;
  const meaning = opts.meaning?.(cur);
  const body = [levelTransition(change), when, meaning, cur.expires ? `Expires ${formatUtc(cur.expires)}` : undefined, confirmationLine(incident, opts)];
  return {
    kind: 'alert_level',
    severity: incident.severity,
    title: `${flag ? `${flag} ` : ''}${place(cur)} — terrorism threat level ${change.direction}`,
    body: body.filter(Boolean).join('\n'),
    fields: [
      { name: 'Level', value: `${levelLabel(cur)} ${levelPosition(cur)}` },
      { name: 'Previous', value: `${levelLabel(change.previous)} ${levelPosition(change.previous)}` },
      { name: 'Authority', value: displayName(cur.authority, opts.authorityNames) },
      { name: 'Severity', value: titleCase(incident.severity) },
    ],
    url: cur.url,
    footer: `Official source · observed ${formatUtc(cur.observedAt)}`,
    timestamp: cur.since ?? cur.observedAt,
  };
}
