/**
 * Detector throughput: items/second on one core with the shipped rules, over a
 * synthetic multilingual corpus (our own sentences), against a baseline that tests
 * each rule's terms as its own case-insensitive RegExp, one rule after another.
 *
 *   node bin/run-ts.js bench/detect-throughput.ts
 */
import path from 'node:path';
import { loadDetectorConfig } from '../src/config/detector-config';
import type { DetectorConfig, TermGroupSpec, TermList } from '../src/detect/config-types';
import { compileDetectorConfig } from '../src/detect/compile';
import { createDetector } from '../src/detect/detector';
import type { BenchResult } from './types';

const PLACES = ['Paris', 'Lyon', 'Berlin', 'Hamburg', 'Madrid', 'Sevilla', 'Roma', 'Milano', 'Amsterdam', 'Stockholm', 'Oslo', 'Copenhagen', 'London', 'Leeds', 'Vienna', 'Brussels'];
const TEMPLATES: [string, string][] = [
  ['Gunman opens fire at {P} market, {N} killed', 'Police said a gunman opened fire on shoppers in central {P} on Tuesday, killing {N} people and wounding {M} others before fleeing.'],
  ['Explosion at {P} station leaves {N} dead', 'An explosion tore through a busy station in {P}; at least {N} people died and {M} were injured, officials said. Investigators have not ruled out terrorism.'],
  ['Attentat à {P} : {N} morts', "Un homme a foncé dans la foule à {P} samedi soir, faisant {N} morts et {M} blessés. Le parquet antiterroriste s'est saisi de l'enquête."],
  ['Messerangriff in {P}: {N} Verletzte', 'Ein Mann hat in {P} mehrere Menschen mit einem Messer angegriffen. {N} Menschen wurden verletzt, der Täter wurde festgenommen.'],
  ['Tiroteo en {P} deja {N} muertos', 'Un tirador abrió fuego en un centro comercial de {P} y mató a {N} personas, según la policía.'],
  ['Sparatoria a {P}, {N} morti', 'Un uomo armato ha aperto il fuoco in una piazza di {P}: almeno {N} morti e {M} feriti.'],
  ['Dreigingsniveau verhoogd na aanslag', 'De NCTV heeft het dreigingsniveau verhoogd naar niveau 4 na de aanslag in {P}.'],
  ['Terrorhotnivån höjs till fyra', 'Säkerhetspolisen höjer terrorhotnivån till fyra på en femgradig skala efter händelserna i {P}.'],
  ['UK terror threat level raised to severe', 'The UK threat level has been raised from substantial to severe following the attack in {P}.'],
  ['Vigipirate relevé au niveau urgence attentat', "Le gouvernement a décidé de rehausser le plan Vigipirate au niveau urgence attentat après l'attaque de {P}."],
  ['{P} beat rivals 3-1 in league clash', 'A late counter-attack sealed the win for {P}, whose striker scored twice in the second half.'],
  ['Central bank raises interest rates', 'The central bank in {P} raised its key rate by {N} basis points to fight inflation, economists said.'],
  ['Storm warning for {P}', 'Forecasters raised the weather alert level for {P} as heavy rain and strong winds are expected on Sunday.'],
  ['Ransomware attack hits {P} hospital', 'A cyberattack has disrupted computers at a hospital in {P}; no patient data was stolen, the operator said.'],
  ['Gas explosion destroys building in {P}', 'A gas leak caused an explosion that destroyed a building in {P}, injuring {N} residents, firefighters said.'],
  ['WWII bomb defused in {P}', 'Thousands were evacuated in {P} while experts defused an unexploded Second World War bomb.'],
  ['Streik legt Bahnverkehr in {P} lahm', 'Die Gewerkschaft hat zu einem Streik aufgerufen; in {P} fallen heute zahlreiche Züge aus.'],
  ['Elections in {P}: turnout rises', 'Voters in {P} went to the polls on Sunday; the opposition leader attacked the government plan on pensions.'],
  ['Shark attack off {P} beach', 'A swimmer was bitten by a shark near {P} and taken to hospital with leg injuries.'],
  ['Rättegången om dådet i {P} inleds', 'Den åtalade mannen nekar till brott när rättegången inleds i {P}, tio år efter attacken.'],
];

/** A deterministic corpus: templates × places × numbers. */
export function syntheticCorpus(size: number): { title: string; summary: string }[] {
  const out: { title: string; summary: string }[] = [];
  let seed = 42;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < size; i++) {
    const [t, s] = TEMPLATES[rnd(TEMPLATES.length)] as [string, string];
    const fill = (x: string): string => x
      .replace(/\{P\}/g, PLACES[rnd(PLACES.length)] as string)
      .replace(/\{N\}/g, String(1 + rnd(40)))
      .replace(/\{M\}/g, String(1 + rnd(120)));
    out.push({ title: fill(t), summary: fill(s) });
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termsOf(cfg: DetectorConfig, spec: { terms?: TermList; lexicon?: string | string[] }): string[] {
  const lex = spec.lexicon === undefined ? [] : Array.isArray(spec.lexicon) ? spec.lexicon : [spec.lexicon];
  const lists = [spec.terms ?? {}, ...lex.map((l) => cfg.lexicons[l] ?? {})];
  return lists.flatMap((l) => Object.values(l).flat());
}

/**
 * The naive approach: rule by rule, each of the rule's terms (triggers, condition
 * groups, exclusions) as its own case-insensitive RegExp, tested one after another.
 */
export function baselineMatchers(cfg: DetectorConfig): RegExp[][] {
  return cfg.rules.map((r) => {
    const exclusions = cfg.exclusions.filter((x) => (r.exclude ?? []).includes(x.id)
      || (x.rules ? x.rules.includes(r.id) : (x.kinds ?? []).includes(r.kind)));
    const groups: TermGroupSpec[] = [r, ...(r.all ?? []), ...(r.any ?? []), ...(r.none ?? []), ...(r.near ? [r.near] : []), ...exclusions];
    return groups.flatMap((g) => termsOf(cfg, g)).map((t) => {
      const core = escape(t.replace(/^[=*]+|\*$/g, ''));
      const body = t.endsWith('*') ? `${core}\\p{L}*` : core;
      return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
    });
  });
}

function itemsPerSecond(corpus: { title: string; summary: string }[], fn: (x: { title: string; summary: string }) => unknown): number {
  for (const x of corpus.slice(0, 200)) fn(x); // warm-up
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1.5e9) {
    for (const x of corpus) fn(x);
    done += corpus.length;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return done / (elapsed / 1e9);
}

export async function run(): Promise<BenchResult[]> {
  const raw = loadDetectorConfig(path.resolve(__dirname, '../config'));
  const detector = createDetector(compileDetectorConfig(raw));
  const corpus = syntheticCorpus(4000);
  const ours = itemsPerSecond(corpus, (x) => detector.detect(x));
  const matchers = baselineMatchers(raw);
  const base = itemsPerSecond(corpus, (x) => {
    const text = `${x.title}. ${x.summary}`;
    let hits = 0;
    for (const rule of matchers) for (const re of rule) if (re.test(text)) hits++;
    return hits;
  });
  return [{
    name: 'detect-throughput',
    value: Math.round(ours),
    unit: 'items/s',
    baseline: `each rule's terms as their own case-insensitive RegExp, rule by rule (${Math.round(base)} items/s)`,
    ratio: Math.round((ours / base) * 100) / 100,
  }];
}

// Run alone (`node bin/run-ts.js bench/detect-throughput.ts`): run-ts puts this file in argv[1].
if (require.main === module || process.argv[1] === __filename) {
  run().then((results) => {
    for (const r of results) console.log(JSON.stringify(r));
  }).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
