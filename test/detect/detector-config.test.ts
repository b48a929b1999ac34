import path from 'node:path';
import { loadDetectorConfig } from '../../src/config/detector-config';
import { ConfigError } from '../../src/config/config-error';
import { compileDetectorConfig, createDetector } from '../../src/detect';

const FIXTURES = path.resolve(__dirname, '../fixtures/detect');

function problemsOf(dir: string): { file: string; path: string; message: string }[] {
  try {
    loadDetectorConfig(path.join(FIXTURES, dir));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadDetectorConfig', () => {
  test('invalid YAML names the file and the line', () => {
    const problems = problemsOf('bad-yaml');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.file).toMatch(/broken\.yaml$/);
    expect(problems[0]?.message).toMatch(/^invalid YAML: .*line 5, column 1$/);
  });

  test('schema problems list every file, path and problem at once', () => {
    const problems = problemsOf('bad-schema');
    const paths = problems.map((p) => `${path.basename(p.file)}:${p.path}`);
    expect(paths).toEqual(expect.arrayContaining([
      'wrong.yaml:rules[0].id', 'wrong.yaml:rules[0].kind', 'wrong.yaml:rules[0].weight', 'wrong.yaml:exclusions[0]', 'wrong.yaml:places[0].country',
    ]));
  });

  test('unknown lexicons, exclusions and rules are reported', () => {
    const messages = problemsOf('bad-ref').map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'rules.r1: unknown lexicon "nowhere"',
      'rules.r1.exclude: unknown exclusion "x-missing"',
      'exclusions.x-one.rules: unknown rule "r-missing"',
    ]));
  });

  test('a missing directory is a clear problem, not a crash', () => {
    expect(problemsOf('does-not-exist')[0]?.message).toMatch(/no rule files/);
  });

  test('a valid directory loads rules, country names, cities, demonyms, venues and actors', () => {
    const cfg = loadDetectorConfig(path.join(FIXTURES, 'good'));
    expect(cfg.rules.map((r) => r.id)).toEqual(['bombing', 'level-up']);
    const det = createDetector(compileDetectorConfig(cfg));
    const [d] = det.detect({ title: 'Bombing in Lyon: 3 killed', summary: 'Daesh claimed responsibility.' });
    expect(d).toMatchObject({ kind: 'attack', countries: ['FR'], actors: ['islamic-state'], claimed: true, casualties: { killed: 3 } });
    expect(det.detect({ title: 'Bombing near Красногорске, 2 killed', summary: '' })[0]?.countries).toEqual(['RU']);
    expect(det.detect({ title: 'Bombing in Deutschland, 4 killed', summary: '' })[0]?.countries).toEqual(['DE']);
    expect(det.detect({ title: 'Bomb attack in Blighty, 2 dead', summary: '' })[0]?.countries).toEqual(['GB']);
    expect(det.detect({ title: 'Bombing hoax: 2 killed?', summary: '' })).toEqual([]);
    const [level] = det.detect({ title: 'Agency X: threat level raised', summary: '' });
    expect(level).toMatchObject({ kind: 'alert_level', authority: 'xx-agency', severity: 'high', countries: ['FR'] });
  });
});
