import { renderExplanation } from '../../src/detect';
import { shippedDetector } from './shipped-detector';

describe('renderExplanation', () => {
  test('lists kind, severity, places, countries, actors, casualties and rules', () => {
    const input = { title: 'Gunmen kill 12 at Paris concert hall; Islamic State claimed responsibility', summary: '' };
    const a = shippedDetector().analyse(input);
    const text = renderExplanation(a.detections, input, a.verdicts);
    expect(text).toContain('ATTACK — severity critical');
    expect(text).toMatch(/places: +Paris \(FR\)/);
    expect(text).toMatch(/actors: +islamic-state — responsibility claimed/);
    expect(text).toMatch(/casualties: +12 killed/);
    expect(text).toMatch(/rules: +.*attack-gunfire/);
  });

  test('says "no detection" and which exclusions fired', () => {
    const input = { title: 'Shark attack kills swimmer, 2 injured', summary: '' };
    const a = shippedDetector().analyse(input);
    const text = renderExplanation(a.detections, input, a.verdicts);
    expect(a.detections).toEqual([]);
    expect(text).toContain('No detection.');
    expect(text).toContain('x-animal');
  });

  test('an alert-level detection names its authority', () => {
    const input = { title: 'UK terror threat level raised to severe', summary: '' };
    const a = shippedDetector().analyse(input);
    expect(renderExplanation(a.detections, input, a.verdicts)).toMatch(/ALERT LEVEL — severity high[\s\S]*authority: +uk-mi5/);
  });
});
