import path from 'node:path';
import { loadDetectorConfig } from '../../src/config/detector-config';
import { compileDetectorConfig, createDetector } from '../../src/detect';
import type { Scale } from '../../src/detect/level-mention';

// Our own scales on two shipped authorities, so these tests do not depend on the registry's wording.
const UK: Scale = {
  of: 5,
  steps: ['LOW', 'MODERATE', 'SUBSTANTIAL', 'SEVERE', 'CRITICAL'].map((n, i) => ({ rank: i + 1, name: n, name_en: n, names: [n] })),
};
const AT: Scale = {
  of: 5,
  steps: ['gering', 'allgemein', 'erhöht', 'hoch', 'sehr hoch'].map((n, i) => ({ rank: i + 1, name: n, name_en: ['low', 'general', 'elevated', 'high', 'very high'][i] as string, names: [n] })),
};

const cfg = loadDetectorConfig(path.resolve(__dirname, '../../config'));
for (const a of cfg.authorities) {
  if (a.id === 'uk-mi5') a.scale = UK;
  if (a.id === 'at-dsn') a.scale = AT;
}
const detector = createDetector(compileDetectorConfig(cfg));
const level = (title: string, summary = '') => detector.detect({ title, summary }).find((d) => d.kind === 'alert_level')?.level;

describe('the steps a level report names', () => {
  test('"from X to Y": old and new, whatever the order of the words', () => {
    expect(level('UK terror threat level raised from substantial to severe')).toMatchObject({ direction: 'raised', from: { rank: 3 }, to: { rank: 4 }, of: 5 });
    expect(level('UK raises its terror threat level to severe from substantial')).toMatchObject({ from: { rank: 3 }, to: { rank: 4 } });
  });

  test('a lowering names the lower step as the new one', () => {
    expect(level('Britain lowers terror threat level', 'MI5 cut the level from critical to severe after arrests.')).toMatchObject({ direction: 'lowered', from: { rank: 5 }, to: { rank: 4 } });
  });

  test('numbers next to a level word or a from/to cue: "von 3 auf 4"', () => {
    expect(level('Österreich: Terrorwarnstufe steigt von 3 auf 4')).toMatchObject({ from: { rank: 3 }, to: { rank: 4, name: 'hoch' } });
    expect(level('Terrorwarnstufe in Österreich auf Stufe 4 erhöht')).toMatchObject({ to: { rank: 4 } });
  });

  test('a count of steps moved is not a step: "one notch", "um eine Stufe"', () => {
    expect(level('UK raises terror threat level one notch to severe')).toMatchObject({ to: { rank: 4 } });
    expect(level('UK raises terror threat level one notch')?.to).toBeUndefined();
    expect(level('Österreich hebt die Terrorwarnstufe um eine Stufe an')?.to).toBeUndefined();
  });

  test('one step named: it is the new one', () => {
    const l = level('UK threat level raised to critical after Manchester attack');
    expect(l?.to).toEqual({ rank: 5, name: 'CRITICAL', name_en: 'CRITICAL' });
    expect(l?.from).toBeUndefined();
  });

  test('a number that is the size of the scale or a year is not a step', () => {
    expect(level('UK threat level raised to severe, 4 of 5, first time since 2019')?.to?.rank).toBe(4);
    expect(level('Terrorwarnstufe in Österreich auf Stufe 4 erhöht', 'Die Warnstufe war seit 2020 auf 3.')).toMatchObject({ to: { rank: 4 } });
  });

  test('words naming a step elsewhere in a long text do not count', () => {
    const filler = 'Officials met in London on Monday to discuss many things about the economy and the weather. '.repeat(3);
    expect(level('UK threat level raised', `${filler}Unrelated: the risk of flooding is low.`)?.to).toBeUndefined();
  });

  test('an authority that numbers from the top: "level 1" is its highest step', () => {
    const top = createDetector(compileDetectorConfig({
      ...cfg, authorities: cfg.authorities.map((a) => (a.id === 'uk-mi5' ? { ...a, scale: { ...UK, numbering: 'descending' as const } } : a)),
    }));
    expect(top.detect({ title: 'UK terror threat level raised to level 2', summary: '' }).find((d) => d.kind === 'alert_level')?.level?.to?.rank).toBe(4);
  });

  test('no scale known: only the direction', () => {
    expect(level('Kenya raises terror alert level to the second-highest step')).toEqual({ direction: 'raised' });
  });
});
