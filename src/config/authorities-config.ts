/**
 * Loads `config/authorities.yaml`, the registry of alert-level authorities, with zod, and
 * checks every authority id used elsewhere (sources) against it. Problems name file and path.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Authority } from '../model/authority';
import { ConfigError, formatPath, type ConfigProblem } from './config-error';

const lang = z.string().regex(/^[a-z]{2,3}$/, 'language keys are ISO 639 codes such as en or fr');
const words = z.array(z.union([z.string().min(1), z.number().transform(String)])).min(1);

const step = z.strictObject({
  rank: z.number().int().min(1),
  names: z.record(lang, words),
  phrases: z.record(lang, words).optional(),
  en: z.string().min(1),
  meaning: z.string().min(1),
  gloss: z.record(lang, z.string().min(1)).optional(),
});

const authority = z
  .strictObject({
    id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, 'an id such as fr-sgdsn: country code, dash, agency'),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as FR'),
    name: z.record(lang, z.string().min(1)).refine((n) => n.en !== undefined, 'give at least the English name (en)'),
    label: z.string().min(1),
    languages: z.array(lang).min(1),
    numbering: z.enum(['ascending', 'descending']).default('ascending'),
    urls: z.array(z.url({ protocol: /^https?$/ })).min(1),
    scale: z.array(step).min(2, 'a scale has at least two steps, lowest first'),
    terms: z.record(lang, words).default({}),
    tracked: z.boolean(),
    scopes: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1).default(['national']),
  })
  .superRefine((a, ctx) => {
    a.scale.forEach((s, i) => {
      if (s.rank !== i + 1) ctx.addIssue({ code: 'custom', path: ['scale', i, 'rank'], message: `expected rank ${i + 1}: list the steps lowest first` });
    });
  });

const fileSchema = z.strictObject({ authorities: z.array(authority).min(1, 'list at least one authority') });

export function authoritiesFile(configDir: string): string {
  return path.join(configDir, 'authorities.yaml');
}

/** Reads and checks authorities.yaml; throws ConfigError listing every problem. */
export function loadAuthorities(configDir: string): Authority[] {
  const file = authoritiesFile(configDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError([{ file, path: '', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, fix: 'copy config/authorities.yaml from the repository' }]);
  }
  return parseAuthorities(text, file);
}

export function parseAuthorities(text: string, file: string): Authority[] {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => ({ file, path: '', message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}` })));
  }
  const res = fileSchema.safeParse(doc.toJS() ?? {});
  if (!res.success) throw new ConfigError(res.error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message })));
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  res.data.authorities.forEach((a, i) => {
    const before = seen.get(a.id);
    if (before !== undefined) problems.push({ file, path: `authorities[${i}].id`, message: `duplicate id "${a.id}" (also authorities[${before}])` });
    seen.set(a.id, i);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return res.data.authorities;
}

/** A source that names an authority: where, for a problem report. */
export interface AuthorityUse {
  id: string;
  file: string;
  path: string;
}

/**
 * Every used id the registry lacks. (`tracked` is not checked here: a deployment may poll fewer
 * sources than it ships; the shipped pair is checked by the tests.)
 */
export function checkAuthorityUses(registry: readonly Authority[], uses: readonly AuthorityUse[], registryFile: string): ConfigProblem[] {
  const known = new Set(registry.map((a) => a.id));
  return uses
    .filter((u) => !known.has(u.id))
    .map((u) => ({ file: u.file, path: u.path, message: `unknown authority "${u.id}"`, fix: `add it to ${registryFile} or use one of its ids` }));
}
