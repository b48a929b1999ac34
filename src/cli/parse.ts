import { readInput } from '../sources/http';
import { readFeed } from '../sources/feed';
import { decode } from '../sources/feed/decode';
import { getLevelAdapter, levelAdapters } from '../sources/levels';
import type { Item, LevelReading } from '../model';
import type { LevelSourceConfig } from '../sources/levels';
import { loadConfig } from '../app';
import { loadAuthorities } from '../config/authorities-config';
import { CliError, print } from './errors';

type Parsed = { items: Item[] } | { readings: LevelReading[] };

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}

/** The options of a configured source (`--source`), with its registry authority attached. */
function configuredSource(id: string): LevelSourceConfig | { type: 'feed' } {
  const { sources } = loadConfig(process.env);
  const found = sources.find((s) => s.id === id);
  if (!found) throw new CliError(`unknown --source "${id}": use one of ${sources.map((s) => s.id).join(', ')}`, 2);
  return found.type === 'feed' ? { type: 'feed' } : (found.options as LevelSourceConfig);
}

async function parseOne(input: string, type: string, allowPrivate: boolean, configured?: LevelSourceConfig): Promise<Parsed> {
  const got = await readInput(input, { allowPrivate });
  if (type === 'feed') {
    const feed = await readFeed(got.bytes, { contentType: got.contentType, sourceId: 'parse', baseUrl: /^https?:/.test(got.location) ? got.location : undefined });
    return { items: feed.items };
  }
  const adapter = getLevelAdapter(type);
  if (!adapter) throw new Error(`unknown type ${type}`);
  const url = /^https?:/.test(got.location) ? got.location : `file://${got.location}`;
  // Read with the source's own options; a bare --type reads with the registry entry of the type's authority.
  const options = configured ?? withRegistry({ id: 'parse', type, url, every: '10m' });
  return { readings: adapter.parse({ status: 200, contentType: got.contentType, body: decode(got.bytes, got.contentType), url }, options, new Date()) };
}

function withRegistry(entry: LevelSourceConfig): LevelSourceConfig {
  const id = getLevelAdapter(entry.type)?.authority;
  const authorityEntry = id ? loadAuthorities(process.env.TOCSIN_CONFIG_DIR ?? './config').find((a) => a.id === id) : undefined;
  return authorityEntry ? { ...entry, authorityEntry } : entry;
}

function itemView(i: Item) {
  return { id: i.id, title: i.title, url: i.url ?? null, published: i.published ?? null, summary: i.summary, language: i.language ?? null };
}

/** `tocsin parse <file|url>… [--type T] [--json]` — what Tocsin sees in feeds or pages. */
export async function parse(inputs: string[], opts: { type?: string; source?: string; json?: boolean; allowPrivate?: boolean }): Promise<number> {
  const configured = opts.source ? configuredSource(opts.source) : undefined;
  const type = configured?.type ?? opts.type ?? 'feed';
  if (opts.source && opts.type && opts.type !== type) throw new CliError(`--type ${opts.type} disagrees with source ${opts.source} (type ${type})`, 2);
  const levelOptions = configured && configured.type !== 'feed' ? (configured as LevelSourceConfig) : undefined;
  if (type !== 'feed' && !getLevelAdapter(type)) {
    throw new CliError(`unknown --type "${type}": use feed or one of ${Object.keys(levelAdapters).join(', ')}`, 2);
  }
  let failures = 0;
  for (const input of inputs) {
    let result: Parsed | { error: string };
    try {
      result = await parseOne(input, type, opts.allowPrivate === true, levelOptions);
    } catch (e) {
      result = { error: oneLine(e) };
      failures++;
    }
    if (opts.json) {
      if ('error' in result) print(JSON.stringify({ input, ok: false, error: result.error }));
      else if ('items' in result) print(JSON.stringify({ input, ok: true, items: result.items.map(itemView) }));
      else print(JSON.stringify({ input, ok: true, reading: result.readings[0] ?? null, readings: result.readings }));
      continue;
    }
    if ('error' in result) {
      print(`${input}: error: ${result.error}`);
    } else if ('items' in result) {
      print(`${input}: ${result.items.length} items`);
      for (const i of result.items) {
        print(`  - ${i.title || '(no title)'}`);
        print(`    id ${i.id}${i.published ? ` · ${i.published}` : ''}${i.language ? ` · ${i.language}` : ''}`);
        if (i.url) print(`    ${i.url}`);
      }
    } else {
      for (const r of result.readings) {
        print(`${input}: ${r.authority} ${r.scope}: ${r.name}${r.name !== r.name_en ? ` (${r.name_en})` : ''} — ${r.rank} of ${r.of}${r.since ? ` since ${r.since}` : ''}`);
      }
    }
  }
  return failures ? 1 : 0;
}
