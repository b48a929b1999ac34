import fs from 'node:fs';
import path from 'node:path';
import { kindMetrics } from '../../src/detect';
import type { Kind } from '../../src/model/detection';
import { shippedDetector } from './shipped-detector';

// Both labelled development sets, read in place (never copied into the repository).
const DIR = path.resolve(__dirname, '../../../shared/fixtures/news');
const FILES = ['dev.jsonl', 'dev2.jsonl'].map((f) => path.join(DIR, f));
const present = FILES.every((f) => fs.existsSync(f));
const describeDev = present ? describe : describe.skip;
if (!present) console.warn(`dev sets not found under ${DIR}: skipping the attack precision/recall floor`);

interface Row { title: string | null; summary: string | null; label: string; lang?: string | null; date?: string | null }

describeDev('attack detection on dev.jsonl + dev2.jsonl', () => {
  test('attack precision ≥ 0.95 and recall ≥ 0.93, the item date passed as `published`', () => {
    const rows = FILES.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row));
    const det = shippedDetector();
    const predicted: Kind[][] = rows.map((r) => det.detect({
      title: r.title ?? '', summary: r.summary ?? '',
      ...(r.lang ? { language: r.lang } : {}), ...(r.date ? { published: r.date } : {}),
    }).map((d) => d.kind));
    const m = kindMetrics(rows, predicted);
    expect(m.attack.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.attack.recall).toBeGreaterThanOrEqual(0.93);
  });
});
