/**
 * Every real excerpt of ../shared/fixtures/gov/official-text/ read with the shipped source's own
 * type and options (config/sources.yaml + the registry), as `tocsin parse --source` reads it:
 * the level INDEX.md says the page states, or "no statement of the current level".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeShared, readAs, SHARED_GOV } from './helpers';
import { OFFICIAL_TEXT } from './official-text-index';

describeShared('official-text: real wording of the authorities, read with the shipped sources', () => {
  it('INDEX.md lists exactly the files checked here', () => {
    const index = readFileSync(path.join(SHARED_GOV, 'official-text/INDEX.md'), 'utf8');
    const listed = [...index.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.keys(OFFICIAL_TEXT).sort());
  });

  it.each(Object.entries(OFFICIAL_TEXT))('%s', (file, [sourceId, expected]) => {
    const got = readAs(sourceId, readFileSync(path.join(SHARED_GOV, 'official-text', file), 'utf8'));
    if (expected === 'none') expect(got).toMatch(/^error: .*no statement of the current level/);
    else expect(got.startsWith(expected)).toBe(true);
    if (expected !== 'none') expect(got).toContain(expected);
  });
});
