import { describeShared, failureOf, own, parseWith, readOne, shared } from './helpers';

const read = (body: string) => readOne('fr-vigipirate', body);

describeShared('fr-vigipirate on the real SGDSN page (2026 wording)', () => {
  it('reads the posture statement: vigilance renforcée, 2 of 3, since 22 June 2026', () => {
    const r = read(shared('fr-sgdsn-vigipirate-2026-10-04-excerpt.html'));
    expect([r.authority, r.country, r.scope, r.rank, r.of]).toEqual(['fr-sgdsn', 'FR', 'national', 2, 3]);
    expect(r.name).toBe('vigilance renforcée');
    expect(r.name_en).toBe('Heightened vigilance');
    // Midnight in Paris (CEST).
    expect(r.since).toBe('2026-06-21T22:00:00.000Z');
  });

  it('does not read a level from another site merely quoting it', () => {
    expect(failureOf('fr-vigipirate', shared('fr-vigipirate-via-slovak-mzv-2026-09-25.html'))).toMatch(/not found/);
  });
});

describe('fr-vigipirate on written pages', () => {
  it('reads a 2016-wording page stating Urgence attentat as 3 of 3, keeping the wording', () => {
    const r = read(own('fr-sgdsn-2016-urgence.html'));
    expect([r.rank, r.of, r.name, r.name_en]).toEqual([3, 3, 'Urgence attentat', 'Attack emergency']);
    expect(r.since).toBe('2024-03-23T23:00:00.000Z');
  });

  it('reads the statement in force, not an earlier mention of another stage', () => {
    const r = read(own('fr-sgdsn-2016-securite-renforcee.html'));
    expect([r.rank, r.name]).toEqual([2, 'Sécurité renforcée – risque attentat']);
  });

  it('reads the 2026 top stage and its start date', () => {
    const r = read(own('fr-sgdsn-2026-alerte.html'));
    expect([r.rank, r.of, r.name, r.name_en]).toEqual([3, 3, 'alerte attentat', 'Attack emergency']);
    expect(r.since).toBe('2026-12-02T23:00:00.000Z');
  });

  it('reads plain "vigilance" as 1 of 3 although "vigilance renforcée" is listed above it', () => {
    const r = read(own('fr-sgdsn-2026-vigilance.html'));
    expect([r.rank, r.name]).toEqual([1, 'vigilance']);
  });

  it('finds no level in a page that only defines the stages', () => {
    expect(failureOf('fr-vigipirate', own('fr-sgdsn-definitions-only.html'))).toBe(
      'Vigipirate level not found: no statement of the current posture on the page',
    );
  });

  it('does not read a site-wide "Urgence attentat" banner as the level', () => {
    expect(failureOf('fr-vigipirate', own('fr-diplomatie-banner.html'))).toMatch(/level not found/);
  });

  it('reads only inside the configured selector', () => {
    const page = '<html><body><div id="old"><p>La posture est maintenue au niveau « Urgence attentat ».</p></div>'
      + '<div id="now"><p>La posture est positionnée au stade « vigilance renforcée ».</p></div></body></html>';
    expect(parseWith('fr-vigipirate', page)[0]?.rank).toBe(3);
    expect(parseWith('fr-vigipirate', page, { selector: '#now' })[0]?.rank).toBe(2);
  });

  it('rejects a challenge page before reading anything', () => {
    expect(failureOf('fr-vigipirate', own('challenge-just-a-moment.html'), {}, 403)).toMatch(/challenge.*HTTP 403/);
  });
});
