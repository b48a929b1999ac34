import fs from 'node:fs';
import path from 'node:path';
import { kindMetrics } from '../../src/detect';
import type { Kind } from '../../src/model/detection';
import { shippedDetector } from './shipped-detector';

// Both shared, labelled dev sets, read in place (never copied into the repository).
const DIR = path.resolve(__dirname, '../../../shared/fixtures/news');
const FILES = ['dev.jsonl', 'dev2.jsonl'].map((f) => path.join(DIR, f));
const present = FILES.every((f) => fs.existsSync(f));
const describeDev = present ? describe : describe.skip;
if (!present) console.warn(`dev sets not found in ${DIR}: skipping the alert-level floor on dev + dev2`);

interface Row { title: string | null; summary: string | null; label: string; lang?: string | null }

describeDev('alert-level detection on dev + dev2 (issue 11 target: P ≥ 0.95, R ≥ 0.90)', () => {
  test('precision and recall of level changes hold their floor', () => {
    const items = FILES.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row));
    const det = shippedDetector();
    const predicted: Kind[][] = items.map((it) => det.detect({ title: it.title ?? '', summary: it.summary ?? '', ...(it.lang ? { language: it.lang } : {}) }).map((d) => d.kind));
    const m = kindMetrics(items, predicted).alert_level;
    // Measured 0.991 / 0.967 when this floor was set; the floor leaves room for rule changes elsewhere.
    expect(m.precision).toBeGreaterThanOrEqual(0.97);
    expect(m.recall).toBeGreaterThanOrEqual(0.95);
  });
});
