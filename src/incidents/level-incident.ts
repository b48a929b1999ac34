import { levelKey, type Incident, type LevelChange } from '../model';

/**
 * An official level change is an incident keyed by authority and scope. The id is
 * built from labels only (authority, scope, old and new rank, day), so a poll that is
 * repeated after a crash finds the incident it already opened instead of a new one.
 */
export function levelChangeIncidentId(change: LevelChange): string {
  const c = change.current;
  const day = (c.since ?? c.observedAt).slice(0, 10).replace(/-/g, '');
  return `l-${c.authority}-${c.scope}-${change.previous.rank}to${c.rank}-${day}`.replace(/[^a-zA-Z0-9.-]/g, '-');
}

export function levelChangeIncident(change: LevelChange, now: Date): Incident {
  const c = change.current;
  const at = c.since ?? c.observedAt;
  return {
    id: levelChangeIncidentId(change),
    kind: 'alert_level',
    version: 1,
    firstSeen: now.toISOString(),
    lastSeen: now.toISOString(),
    eventTime: at,
    severity: change.severity,
    title: `${c.authority}: ${change.previous.name} → ${c.name}`,
    summary: '',
    countries: [c.country],
    places: [],
    actors: [],
    claimedBy: [],
    casualties: {},
    reports: [{ itemId: levelKey(c), sourceId: c.authority, url: c.url, title: c.name, language: 'en', at }],
    level: change,
    key: levelKey(c),
    terms: [],
    changes: [],
  };
}
