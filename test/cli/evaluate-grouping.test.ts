import fs from 'node:fs';
import path from 'node:path';
import { evaluateRows, readLabelled } from '../../src/cli/evaluate';
import { shippedDetector } from '../detect/shipped-detector';

// The shared development sets are read in place (never copied into the repository).
const NEWS = path.resolve(__dirname, '../../../shared/fixtures/news');
const SETS = ['dev.jsonl', 'dev2.jsonl'].map((f) => path.join(NEWS, f));
const present = SETS.every((f) => fs.existsSync(f));
const describeSets = present ? describe : describe.skip;
if (!present) console.warn(`development sets not found in ${NEWS}: skipping the grouping figures`);

/**
 * Pairwise grouping F1 through the runtime path (`groupReport` for attacks, `groupLevelReport`
 * for level news, over an in-memory store), as `tocsin evaluate` reports it. The target
 * is 0.90 on both sets together; these are floors just under the figures reached so far (0.926,
 * 0.732, 0.759). Still split or merged in dev2: undated reports of one city's attacks of
 * different years with the same means, places outside the gazetteer, one event named by places
 * far apart (Kashmir, Srinagar), very short titles.
 */
describeSets('incident grouping on the development sets, through the runtime path', () => {
  const detector = shippedDetector();
  const f1 = async (rows: ReturnType<typeof readLabelled>) => (await evaluateRows(rows, detector)).result.incidents?.f1 ?? 0;

  test('dev.jsonl', async () => {
    expect(await f1(readLabelled(SETS[0] as string))).toBeGreaterThanOrEqual(FLOOR.dev);
  });

  test('dev2.jsonl', async () => {
    expect(await f1(readLabelled(SETS[1] as string))).toBeGreaterThanOrEqual(FLOOR.dev2);
  });

  test('both sets together, grouped in one run', async () => {
    expect(await f1(SETS.flatMap((f) => readLabelled(f)))).toBeGreaterThanOrEqual(FLOOR.both);
  });
});

const FLOOR = { dev: 0.92, dev2: 0.72, both: 0.75 };
