import { loadDetector } from '../app';
import { readEnv } from '../config/env';
import { renderExplanation } from '../detect';
import { print } from './errors';

/** `tocsin explain "<text>"` — the detector's verdict on a text, with the rules and exclusions behind it. */
export async function explain(text: string): Promise<number> {
  const detector = loadDetector(readEnv(process.env));
  const input = { title: text, summary: '' };
  const analysis = detector.analyse(input);
  print(renderExplanation(analysis.detections, input, analysis.verdicts));
  return 0;
}
