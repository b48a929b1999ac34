import fs from 'node:fs';
import { loadConfig, startRuntime } from '../app';
import type { Item } from '../model';
import { readFeed } from '../sources/feed';
import { itemId } from '../sources/feed/item-id';
import { processItems } from '../pipeline/process-items';
import { CliError, print } from './errors';

interface JsonlItem {
  title?: string | null;
  summary?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
  lang?: string | null;
  id?: string | null;
}

function fromJsonl(file: string, text: string): Item[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, n) => {
      let row: JsonlItem;
      try {
        row = JSON.parse(line) as JsonlItem;
      } catch {
        throw new CliError(`${file}:${n + 1}: not a JSON object`);
      }
      const title = row.title ?? '';
      const summary = row.summary ?? '';
      const sourceId = row.source || 'replay';
      const item: Item = { id: itemId(row.id ?? undefined, row.url ?? undefined, title, summary), sourceId, title, summary };
      if (row.url) item.url = row.url;
      if (row.published && !Number.isNaN(Date.parse(row.published))) item.published = new Date(row.published).toISOString();
      if (row.lang) item.language = row.lang;
      return item;
    });
}

/** `tocsin replay <file…>` — push feeds or JSONL items through detect → incidents → route → deliver. */
export async function replay(files: string[]): Promise<number> {
  const config = loadConfig(process.env);
  const runtime = await startRuntime(config);
  try {
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      const items = /\.jsonl?$/i.test(file) ? fromJsonl(file, bytes.toString('utf8')) : (await readFeed(bytes, { sourceId: 'replay' })).items;
      const bySource = new Map<string, Item[]>();
      for (const i of items) bySource.set(i.sourceId, [...(bySource.get(i.sourceId) ?? []), i]);
      for (const [sourceId, list] of bySource) {
        const out = await processItems(sourceId, list, true, runtime.deps);
        print(`${file}: ${sourceId}: ${out.fresh} new items, ${out.detections} detections`);
      }
    }
    const left = await runtime.outbox.drain(120_000);
    return left.pending === 0 ? 0 : 1;
  } finally {
    await runtime.close(5_000);
  }
}
