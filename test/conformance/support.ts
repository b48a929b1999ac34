import { existsSync } from 'node:fs';
import path from 'node:path';
import { canonicalUrl, FeedError, parseDateMs, plainText, readFeed } from '../../src/sources/feed';
import type { FeedReading } from '../../src/sources/feed';

/** The shared real-world fixtures, read in place and never copied into the repository. */
export const FEEDS = path.resolve(__dirname, '../../../shared/fixtures/feeds');

/** describe() when the suite's folder exists, else a skipped describe that says why. */
export function describeSuite(name: string, folder: string, body: (dir: string) => void): void {
  const dir = path.join(FEEDS, folder);
  if (existsSync(dir)) describe(name, () => body(dir));
  else describe.skip(`${name} — skipped: ${dir} is absent (shared fixtures not checked out)`, () => body(dir));
}

export type Outcome = { ok: true; reading: FeedReading } | { ok: false; error: string; crashed: boolean };

/** Runs readFeed the way the pipeline does and classifies the result: a FeedError is fine, anything else a crash. */
export async function read(bytes: Buffer, contentType?: string): Promise<Outcome> {
  try {
    return { ok: true, reading: await readFeed(bytes, { sourceId: 'conformance', ...(contentType ? { contentType } : {}) }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), crashed: !(err instanceof FeedError) };
  }
}

/** Counts agreement on the fields Tocsin uses and keeps a few disagreements to show. */
export class Tally {
  compared = 0;
  agreed = 0;
  readonly misses: string[] = [];
  readonly byField = new Map<string, { compared: number; agreed: number }>();

  constructor(readonly suite: string) {}

  check(field: string, ok: boolean, detail: () => string): void {
    this.compared++;
    const f = this.byField.get(field) ?? { compared: 0, agreed: 0 };
    f.compared++;
    if (ok) {
      this.agreed++;
      f.agreed++;
    } else if (this.misses.length < 15) this.misses.push(`${field}: ${detail()}`);
    this.byField.set(field, f);
  }

  absorb(other: Tally): void {
    this.compared += other.compared;
    this.agreed += other.agreed;
    for (const [k, v] of other.byField) {
      const f = this.byField.get(k) ?? { compared: 0, agreed: 0 };
      this.byField.set(k, { compared: f.compared + v.compared, agreed: f.agreed + v.agreed });
    }
  }

  rate(): number {
    return this.compared === 0 ? 1 : this.agreed / this.compared;
  }

  summary(): string {
    const fields = [...this.byField].map(([k, v]) => `${k} ${v.agreed}/${v.compared}`).join(', ');
    const lines = [`${this.suite}: ${this.agreed}/${this.compared} fields agree (${(this.rate() * 100).toFixed(1)}%) — ${fields}`];
    if (this.misses.length) lines.push(...this.misses.map((m) => `  miss ${m}`));
    return lines.join('\n');
  }
}

/** Expected text as Tocsin would show it: markup stripped, entities decoded, whitespace collapsed. */
export function expectText(value: unknown): string {
  return typeof value === 'string' ? plainText(value, 500) : '';
}

/**
 * Text agreement; where the other parser's golden output holds U+FFFD (it decoded a
 * Latin-1 feed as UTF-8 and lost the byte), any one character of ours stands for it.
 */
export function sameText(expected: unknown, actual: string | undefined): boolean {
  const want = expectText(expected);
  const got = actual ?? '';
  if (!want.includes('\uFFFD')) return want === got;
  const pattern = want.split('\uFFFD').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]');
  return new RegExp(`^${pattern}$`).test(got);
}

/** A relative expected link (left unresolved by the other parser) agrees when ours resolves to it. */
export function sameUrl(expected: string, actual: string | undefined, base?: string): boolean {
  const want = canonicalUrl(expected, base);
  if (want) return want === actual;
  return actual !== undefined && canonicalUrl(expected, actual) === actual;
}

/** Same instant to the second (feeds and parsers disagree on fractions). */
export function sameInstant(expected: string, actual: string | undefined): boolean {
  const a = parseDateMs(expected);
  const b = actual ? Date.parse(actual) : NaN;
  return a !== undefined && Math.floor(a / 1000) === Math.floor(b / 1000);
}

export function shortJson(v: unknown): string {
  const s = JSON.stringify(v);
  return s && s.length > 160 ? `${s.slice(0, 160)}…` : String(s);
}
