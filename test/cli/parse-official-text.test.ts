/**
 * Issue 12, done when: every real excerpt of ../shared/fixtures/gov/official-text/ is read
 * right through `tocsin parse FILE --source ID`, as an operator would check a page, or answered
 * "no statement of the current level" where the page states none. One CLI run per source.
 */
import path from 'node:path';
import { OFFICIAL_TEXT } from '../levels/official-text-index';
import { describeShared, SHARED_GOV } from '../levels/helpers';
import { runCli } from '../support/cli';

interface ParsedLine {
  input: string;
  ok: boolean;
  reading?: { authority: string; rank: number; of: number; name: string };
  error?: string;
}

const bySource = new Map<string, [string, string][]>();
for (const [file, [source, expected]] of Object.entries(OFFICIAL_TEXT)) {
  bySource.set(source, [...(bySource.get(source) ?? []), [file, expected]]);
}

describeShared('tocsin parse --source on the authorities\' real wording', () => {
  it.each([...bySource.keys()])('%s', async (source) => {
    const files = bySource.get(source) ?? [];
    const inputs = files.map(([file]) => path.join(SHARED_GOV, 'official-text', file));
    const res = await runCli(['parse', ...inputs, '--source', source, '--json'], {});
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as ParsedLine);
    expect(lines).toHaveLength(files.length);
    files.forEach(([file, expected], i) => {
      const line = lines[i] as ParsedLine;
      expect(line.input.endsWith(file)).toBe(true);
      if (expected === 'none') {
        expect(line.ok).toBe(false);
        expect(line.error).toMatch(/no statement of the current level/);
      } else {
        expect(line.ok).toBe(true);
        const r = line.reading as NonNullable<ParsedLine['reading']>;
        expect(`${r.authority} ${r.rank}/${r.of} ${r.name}`.startsWith(expected)).toBe(true);
      }
    });
    // Exit 1 exactly when an input had no reading.
    expect(res.code).toBe(files.some(([, e]) => e === 'none') ? 1 : 0);
  });
});
