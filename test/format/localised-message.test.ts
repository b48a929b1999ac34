/** Messages in the reader's language and zone, from the shipped catalogues and registry. */
import path from 'node:path';
import { loadLanguages } from '../../src/app';
import { loadAuthorities } from '../../src/config/authorities-config';
import { messageOptionsFor } from '../../src/format/names';
import { changeFacts, incidentMessage, renderChange, updateNote, type MessageOptions } from '../../src/format';
import type { Incident, Locale } from '../../src/model';

const CONFIG = path.join(__dirname, '..', '..', 'config');
const languages = loadLanguages(CONFIG);
const base = messageOptionsFor([{ id: 'wire' }], loadAuthorities(CONFIG), {
  catalogues: languages.catalogues, placeNames: languages.placeNames, actorNames: { 'islamic-state': 'Islamic State' },
});
const reader = (locale: Locale, timeZone: string): MessageOptions => ({ ...base, locale, timeZone });

const attack: Incident = {
  id: 'a1', kind: 'attack', version: 1, firstSeen: '2024-03-22T19:20:00Z', lastSeen: '2024-03-22T19:20:00Z', eventTime: '2024-03-22T19:00:00Z',
  severity: 'critical', title: 'Gunmen attack concert hall', summary: 'Gunmen kill 137 at Moscow concert hall', countries: ['RU'],
  places: [{ name: 'Moscow', country: 'RU' }], actors: ['islamic-state'], claimedBy: ['islamic-state'], casualties: { killed: 137 },
  reports: [{ itemId: 'x', sourceId: 'wire', title: 'Gunmen kill 137', language: 'en', at: '2024-03-22T19:20:00Z', url: 'https://wire.example/a' }],
  terms: [], changes: [],
};

describe('an attack in the reader’s language', () => {
  it('stays as it always was in English', () => {
    const m = incidentMessage(attack, reader('en', 'UTC'));
    expect(m.title).toBe('Attack — Moscow, Russia');
    expect(m.body).toBe('Gunmen kill 137 at Moscow concert hall\nAt least 137 killed\nClaimed by Islamic State');
    expect(m.footer).toBe('1 source · first seen 22 Mar 2024 19:20 UTC');
  });

  it('is French in Paris time, quoting the English headline with its language', () => {
    const m = incidentMessage(attack, reader('fr', 'Europe/Paris'));
    expect(m.title).toBe('Attentat — Moscou, Russie');
    expect(m.body).toBe('« Gunmen kill 137 at Moscow concert hall » (en)\nAu moins 137 morts\nRevendiqué par Islamic State');
    expect(m.fields).toContainEqual({ name: 'Gravité', value: 'Critique' });
    expect(m.footer).toMatch(/^1 source · vu pour la première fois le 22 mars 2024,? 20:20 UTC\+1$/);
    expect(m.url).toBe('https://wire.example/a');
  });

  it('is German in Berlin time', () => {
    const m = incidentMessage(attack, reader('de', 'Europe/Berlin'));
    expect(m.title).toBe('Anschlag — Moskau, Russland');
    expect(m.body).toContain('Mindestens 137 Tote');
    expect(m.footer).toMatch(/22\. März 2024,? 20:20 MEZ/);
  });

  it('falls back to English for a message a catalogue lacks, and to the English name for a city without one', () => {
    const { 'attack.claim': _dropped, ...partial } = languages.catalogues.fr ?? {};
    const m = incidentMessage({ ...attack, places: [{ name: 'Krasnogorsk', country: 'RU' }] }, { ...reader('fr', 'UTC'), catalogues: { fr: partial } });
    expect(m.title).toBe('Attentat — Krasnogorsk, Russie');
    expect(m.body).toContain('Claimed by Islamic State');
  });

  it('uses the plural forms of the language (Polish few/many)', () => {
    expect(incidentMessage({ ...attack, casualties: { killed: 3 } }, reader('pl', 'UTC')).body).toContain('Co najmniej 3 zabitych');
    expect(incidentMessage({ ...attack, casualties: { killed: 1 } }, reader('pl', 'UTC')).body).toContain('Co najmniej 1 zabity');
  });
});

describe('level names: the authority’s words, the reader’s beside them', () => {
  const reading = (rank: number, name: string, name_en: string) => ({
    authority: 'fr-sgdsn', country: 'FR', scope: 'national', rank, of: 3, name, name_en, url: 'https://sgdsn.example', observedAt: '2026-12-03T21:00:00Z', since: '2026-12-03T20:50:00Z',
  });
  const change: Incident = {
    ...attack, kind: 'alert_level', places: [], claimedBy: [], casualties: {}, severity: 'high',
    level: { direction: 'raised', severity: 'high', previous: reading(2, 'vigilance renforcée', 'Heightened vigilance'), current: reading(3, 'alerte attentat', 'Attack emergency') },
  };

  it('English: the English name beside (as always)', () => {
    expect(incidentMessage(change, reader('en', 'UTC')).fields[0]).toEqual({ name: 'Level', value: 'alerte attentat (Attack emergency) (3 of 3)' });
  });

  it('French readers of a French authority need no gloss', () => {
    const m = incidentMessage(change, reader('fr', 'Europe/Paris'));
    expect(m.title).toBe('🇫🇷 France — niveau de menace terroriste relevé');
    expect(m.fields[0]).toEqual({ name: 'Niveau', value: 'alerte attentat (3 sur 3)' });
  });

  it('German readers get the registry’s German gloss', () => {
    const m = incidentMessage(change, reader('de', 'Europe/Berlin'));
    expect(m.fields[0]).toEqual({ name: 'Stufe', value: 'alerte attentat (Anschlagsnotstand) (Stufe 3 von 3)' });
    expect(m.body.split('\n')[0]).toBe('vigilance renforcée (erhöhte Wachsamkeit) → alerte attentat (Anschlagsnotstand) (Stufe 3 von 3)');
  });
});

describe('change notes per reader', () => {
  const later: Incident = { ...attack, version: 2, casualties: { killed: 140 }, reports: [...attack.reports, { ...attack.reports[0]!, itemId: 'y', at: '2024-03-22T21:00:00Z' }] };

  it('are kept as facts that render to the English note of old and to each language', () => {
    const facts = changeFacts(attack, later);
    expect(facts).toEqual({ killed: 140, by: 'wire' });
    expect(renderChange(facts!, reader('en', 'UTC'))).toBe(updateNote(attack, later, base));
    expect(renderChange(facts!, reader('en', 'UTC'))).toBe('Death toll now 140 — wire');
    expect(renderChange(facts!, reader('fr', 'UTC'))).toBe('Bilan désormais : 140 morts — wire');
    expect(renderChange(facts!, reader('de', 'UTC'))).toBe('Zahl der Toten jetzt 140 — wire');
  });
});
