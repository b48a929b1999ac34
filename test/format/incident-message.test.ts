import { sampleMessage } from '../../src/format/sample';
import { incidentMessage } from '../../src/format';
import { attack, levelIncident, reading } from './incident-fixtures';

const actorNames = { 'islamic-state-khorasan': 'Islamic State Khorasan (IS-K)' };

describe('incidentMessage: attacks', () => {
  it('names the place and country in English, with casualties, claim, sources and link', () => {
    const msg = incidentMessage(attack({ casualties: { killed: 137, injured: 100 }, claimedBy: ['islamic-state-khorasan'] }), { actorNames });
    expect(msg.title).toBe('Attack — Krasnogorsk, Russia');
    expect(msg.body.split('\n')).toEqual([
      'Gunmen opened fire at a concert hall in Krasnogorsk.',
      'At least 137 killed, 100 injured',
      'Claimed by Islamic State Khorasan (IS-K)',
    ]);
    expect(msg.fields).toEqual([
      { name: 'Severity', value: 'Critical' },
      { name: 'Casualties', value: '137 killed, 100 injured' },
      { name: 'Sources', value: '2' },
      { name: 'Countries', value: 'Russia' },
    ]);
    expect(msg.url).toBe('https://example.org/b');
    expect(msg.footer).toBe('2 sources · first seen 22 Mar 2024 19:20 UTC');
    expect(msg.kind).toBe('attack');
    expect(msg.severity).toBe('critical');
  });

  it('falls back to a title-cased actor id and leaves out unknown figures', () => {
    const msg = incidentMessage(attack({ casualties: {}, claimedBy: ['islamic-state-khorasan'], reports: attack().reports.slice(0, 1) }));
    expect(msg.body).toContain('Claimed by Islamic State Khorasan');
    expect(msg.body).not.toContain('killed');
    expect(msg.fields.map((f) => f.name)).not.toContain('Casualties');
    expect(msg.footer).toMatch(/^1 source · /);
    expect(msg.url).toBeUndefined();
  });

  it('titles by country when no place is known', () => {
    expect(incidentMessage(attack({ places: [], countries: ['GB', 'FR'] })).title).toBe('Attack — United Kingdom and France');
  });
});

describe('incidentMessage: alert-level changes', () => {
  it('shows old → new with the place on the scale, when, meaning and the official link', () => {
    const inc = levelIncident(reading({ rank: 3, name: 'SUBSTANTIAL', name_en: 'SUBSTANTIAL' }), reading());
    const msg = incidentMessage(inc, { meaning: (r) => `${r.name}: an attack is highly likely` });
    expect(msg.kind).toBe('alert_level');
    expect(msg.title).toBe('🇬🇧 United Kingdom — terrorism threat level raised');
    expect(msg.body).toContain('SUBSTANTIAL → SEVERE (4 of 5)');
    expect(msg.body).toContain('Raised 23 Mar 2024 08:00 UTC');
    expect(msg.body).toContain('SEVERE: an attack is highly likely');
    expect(msg.url).toBe('https://www.mi5.gov.uk/threat-levels');
    expect(msg.timestamp).toBe('2024-03-23T08:00:00Z');
  });

  it('puts the English beside the original wording when they differ', () => {
    const fr = { authority: 'fr-sgdsn', country: 'FR', of: 3, url: 'https://www.sgdsn.gouv.fr/vigipirate' };
    const inc = levelIncident(
      reading({ ...fr, rank: 2, name: 'vigilance renforcée', name_en: 'heightened vigilance' }),
      reading({ ...fr, rank: 3, name: 'alerte attentat', name_en: 'attack emergency', since: undefined }),
    );
    const msg = incidentMessage(inc);
    expect(msg.body).toContain('vigilance renforcée (heightened vigilance) → alerte attentat (attack emergency) (3 of 3)');
    expect(msg.body).toContain('Raised (seen 23 Mar 2024 08:05 UTC)');
    expect(msg.title).toBe('🇫🇷 France — terrorism threat level raised');
  });

  it('says lowered, names a non-national scope, and handles "no level in force"', () => {
    const inc = levelIncident(reading({ scope: 'northern-ireland' }), reading({ scope: 'northern-ireland', rank: 0, name: 'none', name_en: 'none' }));
    const msg = incidentMessage(inc);
    expect(msg.title).toBe('🇬🇧 United Kingdom (Northern Ireland) — terrorism threat level lowered');
    expect(msg.body).toContain('SEVERE → none (no level in force)');
  });
});

describe('the /alerts test sample', () => {
  it('is marked as a test in its title and body', () => {
    const msg = sampleMessage(new Date('2026-11-03T20:00:00Z'));
    expect(msg.title).toMatch(/^TEST/);
    expect(msg.body).toMatch(/only a test/);
  });
});
