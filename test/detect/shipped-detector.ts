// The detector built from the shipped config/ (rules, places, actors), compiled once per test file.
import path from 'node:path';
import { loadDetectorConfig } from '../../src/config/detector-config';
import { compileDetectorConfig, createDetector } from '../../src/detect';
import type { Detector } from '../../src/detect';
import type { Detection, Kind } from '../../src/model/detection';

let detector: Detector | undefined;

export function shippedDetector(): Detector {
  detector ??= createDetector(compileDetectorConfig(loadDetectorConfig(path.resolve(__dirname, '../../config'))));
  return detector;
}

export function kindsOf(title: string, summary = ''): Kind[] {
  return shippedDetector().detect({ title, summary }).map((d) => d.kind).sort();
}

export function detectionOf(kind: Kind, title: string, summary = ''): Detection | undefined {
  return shippedDetector().detect({ title, summary }).find((d) => d.kind === kind);
}
