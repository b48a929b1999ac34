import { compileDetectorConfig, createDetector, DetectorConfigError } from '../../src/detect';
import type { DetectorConfig, RuleSpec, ExclusionSpec } from '../../src/detect';

function config(rules: RuleSpec[], exclusions: ExclusionSpec[] = [], extra: Partial<DetectorConfig> = {}): DetectorConfig {
  return {
    kinds: { attack: { threshold: 1 }, alert_level: { threshold: 1 } },
    lexicons: { harm: { en: ['killed', 'injured'] } },
    rules, exclusions, authorities: [], places: [], actors: [], claims: {},
    ...extra,
  };
}

function fires(cfg: DetectorConfig, title: string): boolean {
  return createDetector(compileDetectorConfig(cfg)).detect({ title, summary: '' }).length > 0;
}

const attack = (over: Partial<RuleSpec>): RuleSpec => ({ id: 'r', kind: 'attack', ...over });

describe('the rule language', () => {
  test('trailing * matches word endings, leading * matches compound heads, plain terms whole words only', () => {
    const cfg = config([attack({ terms: { en: ['stab*'], de: ['*anschlag'] } })]);
    expect(fires(cfg, 'Stabbings reported')).toBe(true);
    expect(fires(cfg, 'Terroranschlag gemeldet')).toBe(true);
    expect(fires(cfg, 'Anschlag gemeldet')).toBe(true);
    expect(fires(cfg, 'Anschlagtafel')).toBe(false);
    expect(fires(config([attack({ terms: { en: ['stab'] } })]), 'Stabilised')).toBe(false);
  });

  test('a * inside a phrase matches inflected words in the middle', () => {
    const cfg = config([attack({ terms: { ru: ['захват* заложник*'], cs: ['teroristick* útok*'] } })]);
    expect(fires(cfg, 'Захват заложников в школе')).toBe(true);
    expect(fires(cfg, 'Teroristický útok v Praze')).toBe(true);
    expect(fires(cfg, 'Teroristický čin')).toBe(false);
  });

  test('accents and case are folded on both sides', () => {
    const cfg = config([attack({ terms: { fr: ['Rehaussé'] } })]);
    expect(fires(cfg, 'PLAN REHAUSSE')).toBe(true);
    expect(fires(cfg, 'plan réhaussé')).toBe(true);
  });

  test('= makes a term case-sensitive', () => {
    const cfg = config([attack({ terms: { en: ['=IS'] } })]);
    expect(fires(cfg, 'IS fighters')).toBe(true);
    expect(fires(cfg, 'it is over')).toBe(false);
  });

  test('near/within counts words between the trigger and the term', () => {
    const cfg = config([attack({ terms: { en: ['blast'] }, near: { lexicon: 'harm', within: 3 } })]);
    expect(fires(cfg, 'blast: three killed')).toBe(true);
    expect(fires(cfg, 'blast heard across the whole city, nobody killed')).toBe(false);
  });

  test('all, any and none groups', () => {
    const cfg = config([attack({
      terms: { en: ['attack'] },
      all: [{ terms: { en: ['city'] } }],
      any: [{ terms: { en: ['gun'] } }, { terms: { en: ['knife'] } }],
      none: [{ terms: { en: ['drill'] } }],
    })]);
    expect(fires(cfg, 'knife attack in the city')).toBe(true);
    expect(fires(cfg, 'attack in the city')).toBe(false);
    expect(fires(cfg, 'gun attack')).toBe(false);
    expect(fires(cfg, 'gun attack drill in the city')).toBe(false);
  });

  test('weights add up to the kind threshold; boosts add when they apply', () => {
    const weak = (id: string, term: string): RuleSpec => attack({ id, terms: { en: [term] }, weight: 0.5 });
    expect(fires(config([weak('a', 'gunfire')]), 'gunfire')).toBe(false);
    expect(fires(config([weak('a', 'gunfire'), weak('b', 'panic')]), 'gunfire and panic')).toBe(true);
    expect(fires(config([attack({ terms: { en: ['gunfire'] }, weight: 0.5, boost: [{ lexicon: 'harm', weight: 0.5 }] })]), 'gunfire, 2 killed')).toBe(true);
  });

  test('an exclusion with within vetoes only nearby triggers; without, the whole rule', () => {
    const rule = attack({ terms: { en: ['attack'] } });
    const near: ExclusionSpec = { id: 'x-shark', kinds: ['attack'], terms: { en: ['shark'] }, within: 2 };
    expect(fires(config([rule], [near]), 'shark attack')).toBe(false);
    expect(fires(config([rule], [near]), 'shark seen days before a separate attack downtown')).toBe(true);
    const global: ExclusionSpec = { id: 'x-trial', kinds: ['attack'], terms: { en: ['trial'] } };
    expect(fires(config([rule], [global]), 'attack trial opens')).toBe(false);
    const unless: ExclusionSpec = { ...global, unless: { terms: { en: ['new'] } } };
    expect(fires(config([rule], [unless]), 'new attack during trial')).toBe(true);
  });

  test('requires: place, actor, casualties', () => {
    const places = [{ name: 'Lyon', country: 'FR' }];
    const actors = [{ id: 'is', name: 'Daesh', aliases: [] }];
    expect(fires(config([attack({ terms: { en: ['attack'] }, requires: { place: true } })], [], { places }), 'attack in Lyon')).toBe(true);
    expect(fires(config([attack({ terms: { en: ['attack'] }, requires: { place: true } })], [], { places }), 'attack')).toBe(false);
    expect(fires(config([attack({ terms: { en: ['attack'] }, requires: { actor: true } })], [], { actors }), 'Daesh attack')).toBe(true);
    const cas = config([attack({ terms: { en: ['attack'] }, requires: { casualties: { min: 3 } } })]);
    expect(fires(cas, 'attack: 2 killed, 1 injured')).toBe(true);
    expect(fires(cas, 'attack: 2 killed')).toBe(false);
  });

  test('compilation reports every bad reference at once', () => {
    const cfg = config([attack({ lexicon: 'nope', exclude: ['x-nope'] })]);
    expect(() => compileDetectorConfig(cfg)).toThrow(DetectorConfigError);
    try {
      compileDetectorConfig(cfg);
    } catch (e) {
      expect((e as DetectorConfigError).problems).toEqual(expect.arrayContaining([
        'rule r.terms: unknown lexicon "nope"', 'rule r: unknown exclusion "x-nope"',
      ]));
    }
  });

  test('bad input gives no detection, not a crash', () => {
    const det = createDetector(compileDetectorConfig(config([attack({ terms: { en: ['attack'] } })])));
    expect(det.detect({ title: '', summary: '' })).toEqual([]);
    expect(det.detect({ title: null as unknown as string, summary: 42 as unknown as string })).toEqual([]);
  });
});
