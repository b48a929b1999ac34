/**
 * Loads the detector's YAML (`rules/`, `places/`, `actors/`, `authorities.yaml` under the config dir) into
 * a DetectorConfig, validated with zod; adds country names from i18n-iso-countries.
 * Every problem is reported at once as a ConfigError naming file, path and problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import countries from 'i18n-iso-countries';
import { ConfigError, formatPath, type ConfigProblem } from './config-error';
import type { DetectorConfig, PlaceSpec, TermList } from '../detect/config-types';
import { authoritiesFile, loadAuthorities } from './authorities-config';
import { allNames, localName } from '../model/authority';

const kind = z.enum(['attack', 'alert_level']);
// A bare number in YAML (`[level, 4]`) is a term too.
const term = z.union([z.string().min(1), z.number().transform(String)]);
const termList = z.record(z.string().regex(/^[a-z]{2,3}$/, 'language keys are ISO 639 codes'), z.array(term));
const lexiconRef = z.union([z.string(), z.array(z.string())]);
const requires = z.strictObject({
  place: z.boolean().optional(),
  actor: z.boolean().optional(),
  claimed: z.boolean().optional(),
  casualties: z.strictObject({ min: z.number().int().min(0) }).optional(),
});
const groupShape = {
  terms: termList.optional(), lexicon: lexiconRef.optional(), within: z.number().int().min(0).optional(), requires: requires.optional(),
};
const group = z.strictObject(groupShape).refine((g) => g.terms || g.lexicon || g.requires, 'needs terms, lexicon or requires');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case [a-z0-9-]');

const rule = z.strictObject({
  id, kind,
  description: z.string().optional(),
  terms: termList.optional(),
  lexicon: lexiconRef.optional(),
  all: z.array(group).optional(),
  any: z.array(group).optional(),
  none: z.array(group).optional(),
  near: z.strictObject({ ...groupShape, within: z.number().int().min(0) }).optional(),
  requires: requires.optional(),
  exclude: z.array(z.string()).optional(),
  weight: z.number().optional(),
  boost: z.array(z.strictObject({ ...groupShape, weight: z.number() })).optional(),
  tags: z.array(z.enum(['terror', 'raised', 'lowered', 'maintained', 'highest'])).optional(),
}).refine((r) => r.terms || r.lexicon, 'a rule needs trigger terms or a lexicon');

const exclusion = z.strictObject({
  id,
  description: z.string().optional(),
  kinds: z.array(kind).optional(),
  rules: z.array(z.string()).optional(),
  terms: termList.optional(),
  lexicon: lexiconRef.optional(),
  within: z.number().int().min(0).optional(),
  unless: group.optional(),
  outweighed_by: group.optional(),
  stale_years: z.number().int().min(1).optional(),
}).refine((e) => e.kinds || e.rules, 'an exclusion needs kinds or rules');

const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as FR');
const kindSpec = z.strictObject({
  threshold: z.number().positive(),
  yields_to: z.strictObject({ kind, unless: requires.optional() }).optional(),
});

const rulesFile = z.strictObject({
  kinds: z.strictObject({ attack: kindSpec.optional(), alert_level: kindSpec.optional() }).optional(),
  policy: z.strictObject({ headline_focus: z.boolean().optional() }).optional(),
  lexicons: z.record(z.string(), termList).optional(),
  rules: z.array(rule).optional(),
  exclusions: z.array(exclusion).optional(),
});

const latLon = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);
const placeSpec = z.strictObject({
  name: z.string().min(1), country, aliases: z.array(z.string().min(1)).optional(), demonym: z.boolean().optional(),
  /** `[lat, lon]` for places the generated coordinates do not know (venues). */
  at: latLon.optional(),
  /** The name each language shows readers, `{fr: Moscou}` (read by config/place-names-config; not matched). */
  display: z.record(z.string().regex(/^[a-z]{2}$/), z.string().min(1)).optional(),
});
const placesFile = z.strictObject({
  /** Country names are taken from i18n-iso-countries in these languages. */
  country_name_languages: z.array(z.string().regex(/^[a-z]{2}$/)).optional(),
  /** Package names that are common words ("Man" for the Isle of Man): left out. */
  country_stopwords: z.array(z.string()).optional(),
  /** Extra country aliases: `GB: [Britain, UK]`. */
  country_aliases: z.record(country, z.array(z.string().min(1))).optional(),
  /** Demonyms and adjectives per country (weak evidence). */
  demonyms: z.record(country, z.array(z.string().min(1))).optional(),
  /** Generated city list: `FR: [Paris, Lyon]`. */
  cities: z.record(country, z.array(z.string().min(1))).optional(),
  places: z.array(placeSpec).optional(),
  /** Generated: `RU: {Moscow: [55.75, 37.62]}`. */
  coordinates: z.record(country, z.record(z.string(), latLon)).optional(),
});

const actorsFile = z.strictObject({
  actors: z.array(z.strictObject({ id, name: z.string().min(1), aliases: z.array(z.string().min(1)) })).optional(),
  claims: termList.optional(),
});

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

function readYaml(file: string, problems: ConfigProblem[]): unknown {
  try {
    const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file, path: '', message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}` });
      return undefined;
    }
    return doc.toJS() ?? {};
  } catch (e) {
    problems.push({ file, path: '', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    return undefined;
  }
}

function parseFile<T>(file: string, schema: z.ZodType<T>, problems: ConfigProblem[]): T | undefined {
  const data = readYaml(file, problems);
  if (data === undefined) return undefined;
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  for (const issue of res.error.issues) problems.push({ file, path: formatPath(issue.path), message: issue.message });
  return undefined;
}

function countryPlaces(languages: string[], aliases: Record<string, string[]>, stop: string[]): PlaceSpec[] {
  const byCode = new Map<string, Set<string>>();
  for (const lang of languages) {
    const names = countries.getNames(lang, { select: 'all' });
    for (const [code, list] of Object.entries(names)) {
      const set = byCode.get(code) ?? new Set<string>();
      for (const n of list) if (!stop.includes(n)) set.add(n);
      byCode.set(code, set);
    }
  }
  for (const [code, list] of Object.entries(aliases)) {
    const set = byCode.get(code) ?? new Set<string>();
    for (const n of list) set.add(n);
    byCode.set(code, set);
  }
  return [...byCode].map(([code, set]) => {
    const names = [...set];
    return { name: countries.getName(code, 'en') ?? names[0] ?? code, country: code, aliases: names };
  });
}

/** Reads the detector configuration under `configDir`; throws ConfigError listing every problem. */
export function loadDetectorConfig(configDir: string): DetectorConfig {
  const problems: ConfigProblem[] = [];
  const cfg: DetectorConfig = {
    kinds: { attack: { threshold: 1 }, alert_level: { threshold: 1 } },
    lexicons: {}, rules: [], exclusions: [], authorities: [], places: [], actors: [], claims: {},
  };
  const ruleFiles = yamlFiles(path.join(configDir, 'rules'));
  if (ruleFiles.length === 0) problems.push({ file: path.join(configDir, 'rules'), path: '', message: 'no rule files (*.yaml)' });
  for (const file of ruleFiles) {
    const f = parseFile(file, rulesFile, problems);
    if (!f) continue;
    Object.assign(cfg.kinds, f.kinds ?? {});
    if (f.policy) cfg.policy = { ...cfg.policy, ...f.policy };
    for (const [name, terms] of Object.entries(f.lexicons ?? {})) {
      if (cfg.lexicons[name]) problems.push({ file, path: `lexicons.${name}`, message: 'lexicon defined twice' });
      cfg.lexicons[name] = terms;
    }
    cfg.rules.push(...f.rules ?? []);
    cfg.exclusions.push(...f.exclusions ?? []);
  }
  // Authorities and their news terms live in the registry (authorities.yaml), not in rule files.
  if (fs.existsSync(authoritiesFile(configDir))) {
    try {
      // The scale lets a news item's "raised to severe" or "von 3 auf 4" name the step.
      cfg.authorities.push(...loadAuthorities(configDir).map((a) => ({
        id: a.id, country: a.country, terms: a.terms,
        scale: {
          of: a.scale.length, numbering: a.numbering,
          steps: a.scale.map((s) => ({ rank: s.rank, name: localName(a, s), name_en: s.en, names: allNames(s) })),
        },
      })));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
    }
  }
  const coordinates = new Map<string, [number, number]>();
  for (const file of yamlFiles(path.join(configDir, 'places'))) {
    const f = parseFile(file, placesFile, problems);
    if (!f) continue;
    cfg.places.push(...countryPlaces(f.country_name_languages ?? [], f.country_aliases ?? {}, f.country_stopwords ?? []));
    for (const [code, names] of Object.entries(f.demonyms ?? {})) {
      cfg.places.push({ name: names[0] ?? code, country: code, aliases: names, demonym: true });
    }
    for (const [code, names] of Object.entries(f.cities ?? {})) {
      for (const name of names) cfg.places.push({ name, country: code });
    }
    for (const { at, display: _display, ...spec } of f.places ?? []) cfg.places.push(at ? { ...spec, lat: at[0], lon: at[1] } : spec);
    for (const [code, byName] of Object.entries(f.coordinates ?? {})) {
      for (const [name, at] of Object.entries(byName)) coordinates.set(`${code}|${name}`, at);
    }
  }
  for (const p of cfg.places) {
    const at = coordinates.get(`${p.country}|${p.name}`);
    if (at && p.lat === undefined && !p.demonym) Object.assign(p, { lat: at[0], lon: at[1] });
  }
  for (const file of yamlFiles(path.join(configDir, 'actors'))) {
    const f = parseFile(file, actorsFile, problems);
    if (!f) continue;
    cfg.actors.push(...f.actors ?? []);
    mergeTerms(cfg.claims, f.claims ?? {});
  }
  // Cross-references are only meaningful once every file parsed.
  if (problems.length === 0) checkReferences(cfg, configDir, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return cfg;
}

function mergeTerms(into: TermList, from: TermList): void {
  for (const [lang, terms] of Object.entries(from)) into[lang] = [...(into[lang] ?? []), ...terms];
}

/** Cross-file references: lexicons, exclusions, rules and ids must resolve and be unique. */
function checkReferences(cfg: DetectorConfig, configDir: string, problems: ConfigProblem[]): void {
  const file = path.join(configDir, 'rules');
  const lexRefs = (x: string | string[] | undefined): string[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
  const ruleIds = new Set<string>();
  const exIds = new Set(cfg.exclusions.map((e) => e.id));
  cfg.rules.forEach((r) => {
    if (ruleIds.has(r.id)) problems.push({ file, path: `rules.${r.id}`, message: 'duplicate rule id' });
    ruleIds.add(r.id);
    const groups = [r, ...(r.all ?? []), ...(r.any ?? []), ...(r.none ?? []), ...(r.boost ?? []), ...(r.near ? [r.near] : [])];
    for (const name of groups.flatMap((g) => lexRefs(g.lexicon))) {
      if (!cfg.lexicons[name]) problems.push({ file, path: `rules.${r.id}`, message: `unknown lexicon "${name}"`, fix: 'define it under lexicons:' });
    }
    for (const ex of r.exclude ?? []) {
      if (!exIds.has(ex)) problems.push({ file, path: `rules.${r.id}.exclude`, message: `unknown exclusion "${ex}"` });
    }
  });
  for (const ex of cfg.exclusions) {
    for (const name of [...lexRefs(ex.lexicon), ...lexRefs(ex.unless?.lexicon)]) {
      if (!cfg.lexicons[name]) problems.push({ file, path: `exclusions.${ex.id}`, message: `unknown lexicon "${name}"` });
    }
    for (const r of ex.rules ?? []) {
      if (!ruleIds.has(r)) problems.push({ file, path: `exclusions.${ex.id}.rules`, message: `unknown rule "${r}"` });
    }
  }
}
