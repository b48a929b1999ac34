import type { DeliveryRecord, Incident, Kind, LevelReading, SourceState, Subscription } from '../../src/model';

/** Small, complete records for the store tests; each field filled so a lossy round trip shows. */

export function incident(id: string, lastSeen: string, kind: Kind = 'attack', over: Partial<Incident> = {}): Incident {
  return {
    id,
    kind,
    version: 1,
    firstSeen: '2026-03-22T17:10:00.000Z',
    lastSeen,
    eventTime: '2026-03-22T17:02:00.000Z',
    severity: 'critical',
    title: `Incident ${id}: gunmen open fire at concert hall`,
    summary: 'At least 40 killed — «Крокус»',
    countries: ['RU'],
    places: [{ name: 'Krasnogorsk', country: 'RU' }],
    actors: ['islamic-state-khorasan'],
    claimedBy: [],
    casualties: { killed: 40, injured: 100 },
    reports: [{ itemId: `item-${id}`, sourceId: 'bbc-world', url: 'https://example.org/a', title: 't', language: 'en', at: lastSeen }],
    terms: ['concert', 'crocus', 'gunmen'],
    changes: [],
    ...over,
  };
}

export function sourceState(id: string, over: Partial<SourceState> = {}): SourceState {
  return {
    id,
    etag: 'W/"abc"',
    lastModified: 'Sat, 28 Nov 2026 10:00:00 GMT',
    baselined: true,
    lastPoll: '2026-11-28T10:00:00.000Z',
    consecutiveFailures: 0,
    health: 'healthy',
    nextDue: '2026-11-28T10:05:00.000Z',
    ...over,
  };
}

export function level(authority: string, scope: string, rank: number, over: Partial<LevelReading> = {}): LevelReading {
  return {
    authority,
    country: 'GB',
    scope,
    rank,
    of: 5,
    name: `level ${rank}`,
    name_en: `LEVEL ${rank}`,
    since: '2026-02-01T00:00:00.000Z',
    url: 'https://www.mi5.gov.uk/threat-levels',
    observedAt: '2026-11-28T10:00:00.000Z',
    ...over,
  };
}

export function subscription(platform: 'discord' | 'slack' | 'console', id: string, over: Partial<Subscription> = {}): Subscription {
  return {
    channel: { platform, id },
    countries: ['FR', 'GB'],
    kinds: ['attack'],
    minSeverity: 'high',
    languages: [],
    createdAt: '2026-11-28T10:00:00.000Z',
    ...over,
  };
}

export function delivery(incidentId: string, platform: 'discord' | 'slack', id: string, over: Partial<DeliveryRecord> = {}): DeliveryRecord {
  return {
    incidentId,
    channel: { platform, id },
    messageRef: `${platform}-msg-${id}`,
    version: 1,
    postedAt: '2026-11-28T10:00:01.000Z',
    ...over,
  };
}

/** Resolves once `check` resolves true; fails after `attempts` polls. No timing is asserted. */
export async function eventually(check: () => Promise<boolean>, attempts = 200, everyMs = 25): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met after ${attempts} polls`);
}
