import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import path from 'node:path';
import type { LevelReading } from '../../src/model/level';
import { getLevelAdapter } from '../../src/sources/levels';
import type { FetchedDoc, LevelSourceConfig } from '../../src/sources/levels';
import { loadAuthorities } from '../../src/config/authorities-config';
import type { Authority } from '../../src/model/authority';

/** The shipped registry, config/authorities.yaml. */
export const REGISTRY: Authority[] = loadAuthorities(path.resolve(__dirname, '../../config'));

/** A source entry with its registry authority attached, as loadConfig attaches it. */
export function withAuthority(entry: LevelSourceConfig): LevelSourceConfig {
  const id = typeof entry.authority === 'string' ? entry.authority : getLevelAdapter(entry.type)?.authority;
  const authorityEntry = REGISTRY.find((a) => a.id === id);
  return authorityEntry ? { ...entry, authorityEntry } : entry;
}

export const NOW = new Date('2026-11-28T12:00:00Z');
export const SHARED_GOV = path.resolve(__dirname, '../../../shared/fixtures/gov');
const OWN = path.resolve(__dirname, '../fixtures/levels');

export const hasShared = existsSync(SHARED_GOV);
/** Real-material suites run only where ../shared/fixtures exists (not in a newcomer's clone). */
export const describeShared = hasShared ? describe : describe.skip;
if (!hasShared) console.warn(`levels: skipping real-sample suites, ${SHARED_GOV} is absent`);

export function shared(name: string): string {
  return readFileSync(path.join(SHARED_GOV, name), 'utf8');
}

export function own(name: string): string {
  return readFileSync(path.join(OWN, name), 'utf8');
}

export function doc(body: string, status = 200, url = 'https://example.gov/level'): FetchedDoc {
  return { status, body, url };
}

export function source(type: string, options: Record<string, unknown> = {}): LevelSourceConfig {
  return withAuthority({ id: `test-${type}`, type, url: 'https://example.gov/level', every: '15m', ...options });
}

export function parseWith(type: string, body: string, options: Record<string, unknown> = {}, status = 200): LevelReading[] {
  const adapter = getLevelAdapter(type);
  if (!adapter) throw new Error(`no adapter ${type}`);
  return adapter.parse(doc(body, status), source(type, options), NOW);
}

/** The LevelSourceError's message, failing the test when parse returns a reading instead. */
export function failureOf(type: string, body: string, options: Record<string, unknown> = {}, status = 200): string {
  try {
    const readings = parseWith(type, body, options, status);
    throw new Error(`expected a LevelSourceError, got ${JSON.stringify(readings)}`);
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'LevelSourceError') throw e;
    expect(e.message).not.toMatch(/\n/);
    return e.message;
  }
}

export function summary(r: LevelReading): string {
  return `${r.authority}/${r.scope} ${r.name} ${r.rank}/${r.of}`;
}

/** The single reading a one-level source gives. */
export function readOne(type: string, body: string, options: Record<string, unknown> = {}): LevelReading {
  const [r, ...rest] = parseWith(type, body, options);
  expect(rest).toHaveLength(0);
  if (!r) throw new Error('no reading');
  expect(r.observedAt).toBe(NOW.toISOString());
  return r;
}

const shipped: LevelSourceConfig[] = parseYaml(readFileSync(path.resolve(__dirname, '../../config/sources.yaml'), 'utf8')).sources;

/** A page read as the shipped source `sourceId` reads it: "authority rank/of name" or "error: …". */
export function readAs(sourceId: string, body: string): string {
  const entry = shipped.find((s) => s.id === sourceId);
  if (!entry) throw new Error(`config/sources.yaml has no ${sourceId}`);
  try {
    const [r] = getLevelAdapter(entry.type)!.parse(doc(body, 200, entry.url), withAuthority(entry), NOW);
    return `${r!.authority} ${r!.rank}/${r!.of} ${r!.name}`;
  } catch (e) {
    if (e instanceof Error && e.name === 'LevelSourceError') return `error: ${e.message}`;
    throw e;
  }
}
