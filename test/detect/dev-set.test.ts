import fs from 'node:fs';
import path from 'node:path';
import { kindMetrics } from '../../src/detect';
import type { Kind } from '../../src/model/detection';
import { shippedDetector } from './shipped-detector';

// The shared, labelled dev set is read in place (never copied into the repository).
const DEV = path.resolve(__dirname, '../../../shared/fixtures/news/dev.jsonl');
const present = fs.existsSync(DEV);
const describeDev = present ? describe : describe.skip;
if (!present) console.warn(`dev set not found at ${DEV}: skipping the dev-set targets`);

describeDev('dev set targets', () => {
  test('attack and alert_level precision ≥ 0.95, recall ≥ 0.90', () => {
    const items = fs.readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { title: string | null; summary: string; label: string; lang?: string | null });
    const det = shippedDetector();
    const predicted: Kind[][] = items.map((it) => det.detect({ title: it.title ?? '', summary: it.summary ?? '', ...(it.lang ? { language: it.lang } : {}) }).map((d) => d.kind));
    const m = kindMetrics(items, predicted);
    expect(m.attack.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.attack.recall).toBeGreaterThanOrEqual(0.9);
    expect(m.alert_level.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.alert_level.recall).toBeGreaterThanOrEqual(0.9);
  });
});
