import { shippedDetector } from './shipped-detector';
import { candidateOf, decideGroup, distinctiveTerms, openIncident } from '../../src/incidents';

const attack = (title: string) => {
  const d = shippedDetector().detect({ title, summary: '' }).find((x) => x.kind === 'attack');
  if (!d) throw new Error(`no attack found in "${title}"`);
  return d;
};

describe('place coordinates from the gazetteer', () => {
  it('gives cities and venues coordinates, and countries none', () => {
    const d = attack('Gunmen attack Crocus City Hall in Krasnogorsk, Russia');
    const byName = new Map(d.places.map((p) => [p.name, p]));
    expect(byName.get('Krasnogorsk')?.lat).toBeCloseTo(55.82, 1);
    expect(byName.get('Crocus City Hall')?.lon).toBeCloseTo(37.39, 1);
    const country = d.places.filter((p) => p.name.startsWith('Russia'));
    expect(country.length).toBeGreaterThan(0);
    expect(country.every((p) => p.lat === undefined)).toBe(true);
  });

  it('lets a report naming the city join the incident of its suburb, and keeps another city apart', () => {
    const first = attack('Gunmen attack Crocus City Hall in Krasnogorsk');
    const incident = openIncident(
      { detection: first, report: { itemId: '1', sourceId: 's', title: 't', language: 'en', at: '2026-11-03T19:00:00Z' }, title: 't', summary: '', terms: [] },
      new Date('2026-11-03T20:00:00Z'),
    );
    const moscow = attack('Gunmen open fire on crowd at a Moscow concert, 40 killed');
    expect(decideGroup(candidateOf(moscow, 'Moscow concert', '2026-11-03T20:00:00Z'), [incident]).action).toBe('join');
    const kazan = attack('Gunmen open fire on crowd at a Kazan concert, 40 killed');
    expect(decideGroup(candidateOf(kazan, 'Kazan concert', '2026-11-03T20:00:00Z'), [incident]).action).toBe('open');
    expect(distinctiveTerms('Moscow concert')).toContain('moscow');
  });
});
