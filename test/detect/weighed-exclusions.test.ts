/** The rule language's evidence weighing: outweighed_by, stale_years, requires.claimed, Greek folding. */
import { compileDetectorConfig, createDetector } from '../../src/detect';
import type { DetectorConfig, ExclusionSpec, RuleSpec } from '../../src/detect';
import type { DetectInput } from '../../src/model/detection';

function config(rules: RuleSpec[], exclusions: ExclusionSpec[] = [], extra: Partial<DetectorConfig> = {}): DetectorConfig {
  return {
    kinds: { attack: { threshold: 1 }, alert_level: { threshold: 1 } },
    lexicons: { fresh: { en: ['today', 'still at large'] } },
    rules, exclusions, authorities: [], places: [], actors: [], claims: {},
    ...extra,
  };
}

const detector = (cfg: DetectorConfig) => createDetector(compileDetectorConfig(cfg));
const fires = (cfg: DetectorConfig, input: Partial<DetectInput>) => detector(cfg).detect({ title: '', summary: '', ...input }).length > 0;
const stab: RuleSpec = { id: 'stab', kind: 'attack', terms: { en: ['stabbing'] } };
const past: ExclusionSpec = { id: 'x-past', kinds: ['attack'], terms: { en: ['trial'] }, within: 10, stale_years: 2, outweighed_by: { lexicon: 'fresh' } };

describe('weighed exclusions', () => {
  test('a retrospective cue vetoes unless as many fresh cues outweigh it, and the note says so', () => {
    const cfg = config([stab], [past]);
    expect(fires(cfg, { title: 'Trial over the stabbing opens' })).toBe(false);
    expect(fires(cfg, { title: 'Stabbing today; the suspect, freed after a trial, is still at large' })).toBe(true);
    const notes = detector(cfg).analyse({ title: 'Stabbing today near the trial court', summary: '' }).verdicts[0]?.notes ?? [];
    expect(notes.join(' ')).toMatch(/x-past outweighed \(1 against 1\)/);
  });

  test('a year long before the item adds to a retrospective cue, not on its own', () => {
    const cfg = config([stab], [past]);
    const text = 'Stabbing suspect freed after a 2019 trial today';
    expect(fires(cfg, { title: text, published: '2026-03-01' })).toBe(false); // trial + 2019 (2) > today (1)
    expect(fires(cfg, { title: text, published: '2020-03-01' })).toBe(true); // 2019 is not stale: 1 against 1
    expect(fires(cfg, { title: text })).toBe(true); // no date: the year is not evidence
    expect(fires(cfg, { title: 'Worst stabbing since 2005', published: '2026-03-01' })).toBe(true);
  });

  test('requires.claimed holds only when a claim phrase is reported', () => {
    const cfg = config([{ id: 'claim', kind: 'attack', terms: { en: ['attack'] }, requires: { claimed: true } }], [], { claims: { en: ['claimed responsibility'] } });
    expect(fires(cfg, { title: 'The group claimed responsibility for the attack' })).toBe(true);
    expect(fires(cfg, { title: 'The attack on the plan was fierce' })).toBe(false);
  });

  test('Greek is matched without accents, as Latin script is', () => {
    const cfg = config([{ id: 'el', kind: 'attack', terms: { el: ['επίθεσ*'] } }]);
    expect(fires(cfg, { title: 'ΕΠΙΘΕΣΗ ΣΤΗΝ ΑΘΗΝΑ' })).toBe(true);
    expect(fires(cfg, { title: 'Επίθεση στην Αθήνα' })).toBe(true);
  });
});
