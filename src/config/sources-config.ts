import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { ConfigError, formatPath, type ConfigProblem } from './config-error';
import { parseDuration } from './duration';

/** One entry of sources.yaml, checked. Type-specific options stay in `options`. */
export interface SourceConfig {
  id: string;
  type: string;
  url: string;
  every: string;
  everyMs: number;
  language?: string;
  /** `enabled: false` in YAML: kept for `tocsin parse --source`, never polled. */
  enabled?: boolean;
  /** The entry as written, for adapters with options of their own. */
  options: Record<string, unknown>;
}

const MIN_INTERVAL_MS = 30_000;

const baseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 characters of a-z, 0-9 and -'),
    type: z.string().min(1),
    url: z
      .string()
      .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL'),
    every: z
      .string()
      .refine((s) => parseDuration(s) !== undefined, 'must be a duration like 30s, 5m or 1h')
      .refine((s) => (parseDuration(s) ?? 0) >= MIN_INTERVAL_MS, 'must be at least 30s (be kind to publishers)'),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as en or fr')
      .optional(),
    enabled: z.boolean().optional(),
  })
  .passthrough();

const fileSchema = z.object({ sources: z.array(z.unknown()).min(1, 'must list at least one source') });

/** Schemas of the options each non-feed type takes, by type. */
export type TypeSchemas = Record<string, z.ZodType>;

export function sourcesFile(configDir: string): string {
  return path.join(configDir, 'sources.yaml');
}

/** Reads and checks sources.yaml; throws ConfigError with every problem found. */
export function loadSourcesConfig(configDir: string, typeSchemas: TypeSchemas): SourceConfig[] {
  const file = sourcesFile(configDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError([
      {
        file,
        path: '',
        message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
        fix: 'create it (see config/sources.yaml in the repository) or set TOCSIN_CONFIG_DIR',
      },
    ]);
  }
  return parseSourcesConfig(text, file, typeSchemas);
}

export function parseSourcesConfig(text: string, file: string, typeSchemas: TypeSchemas): SourceConfig[] {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new ConfigError(
      doc.errors.map((e) => ({ file, path: '', message: `invalid YAML: ${e.message.split('\n')[0]}`, fix: 'fix the YAML syntax' })),
    );
  }
  const top = fileSchema.safeParse(doc.toJS());
  if (!top.success) {
    throw new ConfigError(
      top.error.issues.map((i) => ({ file, path: formatPath(i.path) || 'sources', message: i.message, fix: 'write `sources:` followed by a list of sources' })),
    );
  }
  const problems: ConfigProblem[] = [];
  const out: SourceConfig[] = [];
  const seen = new Map<string, number>();
  const knownTypes = ['feed', ...Object.keys(typeSchemas)].sort();
  top.data.sources.forEach((raw, index) => {
    const at = (p: readonly PropertyKey[]) => formatPath(['sources', index, ...p]);
    const base = baseSchema.safeParse(raw);
    if (!base.success) {
      for (const i of base.error.issues) problems.push({ file, path: at(i.path), message: i.message });
      return;
    }
    const entry = base.data;
    if (entry.type !== 'feed') {
      const typed = typeSchemas[entry.type];
      if (!typed) {
        problems.push({ file, path: at(['type']), message: `unknown type "${entry.type}"`, fix: `use one of ${knownTypes.join(', ')}` });
        return;
      }
      const check = typed.safeParse(raw);
      if (!check.success) {
        for (const i of check.error.issues) problems.push({ file, path: at(i.path), message: i.message });
        return;
      }
    }
    const previous = seen.get(entry.id);
    if (previous !== undefined) {
      problems.push({ file, path: at(['id']), message: `duplicate id "${entry.id}" (also sources[${previous}])`, fix: 'give each source its own id' });
      return;
    }
    seen.set(entry.id, index);
    out.push({
      id: entry.id,
      type: entry.type,
      url: entry.url,
      every: entry.every,
      everyMs: parseDuration(entry.every) ?? MIN_INTERVAL_MS,
      language: entry.language,
      enabled: entry.enabled ?? true,
      options: raw as Record<string, unknown>,
    });
  });
  if (problems.length) throw new ConfigError(problems);
  return out;
}
