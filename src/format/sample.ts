import type { Incident } from '../model';
import { incidentMessage, localiserFor, type MessageOptions } from './incident-message';
import type { AlertMessage } from './message';

/** The made-up incident `/alerts test` posts, clearly marked as a test. */
export function sampleIncident(now: Date): Incident {
  const at = now.toISOString();
  return {
    id: `sample-${now.getTime()}`,
    kind: 'attack',
    version: 1,
    firstSeen: at,
    lastSeen: at,
    eventTime: at,
    severity: 'medium',
    title: 'TEST — this is a sample Tocsin alert',
    summary: 'This is only a test of Tocsin in this channel. Nothing has happened.',
    countries: [],
    places: [],
    actors: [],
    claimedBy: [],
    casualties: {},
    reports: [{ itemId: 'sample', sourceId: 'tocsin-test', title: 'TEST — sample alert', language: 'en', at }],
    terms: [],
    changes: [],
  };
}

/** The message `/alerts test` posts: an ordinary alert's layout, unmistakably marked as a test. */
export function sampleMessage(now: Date, opts: MessageOptions = {}): AlertMessage {
  return { ...incidentMessage(sampleIncident(now), opts), title: localiserFor(opts).t('sample.title') };
}
