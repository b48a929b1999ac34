import { updateNote } from '../../src/format';
import { attack, levelIncident, reading } from './incident-fixtures';

const newReport = { itemId: 'd', sourceId: 'reuters-world', title: 'x', language: 'en', at: '2024-03-23T06:00:00Z' };
const opts = { sourceNames: { 'reuters-world': 'Reuters' }, actorNames: { 'islamic-state-khorasan': 'Islamic State Khorasan' } };

describe('updateNote', () => {
  const before = attack();

  it('is undefined when only another source reported the same facts', () => {
    expect(updateNote(before, attack({ version: 2, reports: [...before.reports, newReport] }), opts)).toBeUndefined();
  });

  it('gives the new death toll with the outlet that reported it', () => {
    const after = attack({ casualties: { killed: 137, injured: 100 }, reports: [...before.reports, newReport] });
    expect(updateNote(before, after, opts)).toBe('Death toll now 137 — Reuters');
  });

  it('reports a claim and a new country one per line, and severity either way', () => {
    const after = attack({ claimedBy: ['islamic-state-khorasan'], countries: ['RU', 'DE'], severity: 'critical' });
    const lowered = attack({ severity: 'high' });
    expect(updateNote(before, after, opts)).toBe('Islamic State Khorasan claimed responsibility\nNow also affects Germany');
    expect(updateNote(lowered, before)).toBe('Severity raised to critical');
    expect(updateNote(before, lowered)).toBe('Severity lowered to high');
  });

  it('reports a further level change', () => {
    const a = levelIncident(reading({ rank: 3, name: 'SUBSTANTIAL', name_en: 'SUBSTANTIAL' }), reading());
    const b = levelIncident(reading(), reading({ rank: 5, name: 'CRITICAL', name_en: 'CRITICAL' }));
    expect(updateNote(a, b)).toBe('Level now CRITICAL (5 of 5)');
    expect(updateNote(a, a)).toBeUndefined();
  });
});
