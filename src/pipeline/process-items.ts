import type { Item } from '../model';
import type { FeedEntry } from '../sources/feed';
import { distinctiveTerms } from '../incidents';
import type { PipelineDeps } from './deps';
import { recordReport } from './record-incident';
import { recordLevelReport } from './record-level';

export interface ItemsOutcome {
  fresh: number;
  detections: number;
  baseline: boolean;
}

/**
 * New items of a feed → detections → incidents → outbox. An item is marked seen only
 * after its deliveries sit durably in the outbox; the first poll of a source only
 * records a baseline, so subscribing to a feed does not replay its backlog.
 */
export async function processItems(sourceId: string, items: Item[], baselined: boolean, deps: PipelineDeps): Promise<ItemsOutcome> {
  return processEntries(sourceId, items.map((i) => ({ id: i.id, item: () => i })), baselined, deps);
}

/** As `processItems`, for entries whose items are normalised only once the store says they are new. */
export async function processEntries(sourceId: string, entries: FeedEntry[], baselined: boolean, deps: PipelineDeps): Promise<ItemsOutcome> {
  const unseenIds = new Set(await deps.store.filterUnseen(sourceId, entries.map((e) => e.id)));
  const fresh = entries.filter((e) => unseenIds.has(e.id)).map((e) => e.item());
  deps.metrics.items(sourceId, fresh.length);
  if (!baselined) {
    await deps.store.markSeen(sourceId, fresh.map((i) => i.id));
    return { fresh: fresh.length, detections: 0, baseline: true };
  }
  let detections = 0;
  // Items that detect nothing have nothing to deliver: marked seen together, in one write.
  const quiet: string[] = [];
  // Oldest first, so an incident grows in the order the world saw it.
  const ordered = [...fresh].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  for (const item of ordered) {
    const found = deps.detect({ title: item.title, summary: item.summary, language: item.language, published: item.published });
    if (!found.length) {
      quiet.push(item.id);
      continue;
    }
    for (const detection of found) {
      detections++;
      deps.metrics.detection(detection.kind);
      const at = item.published ?? deps.clock().toISOString();
      const input = {
        detection,
        report: { itemId: `${sourceId}/${item.id}`, sourceId, url: item.url, title: item.title, language: detection.language, at },
        title: item.title,
        summary: item.summary,
        terms: distinctiveTerms(`${item.title} ${item.summary}`),
      };
      if (detection.kind === 'alert_level') {
        // Reported now as "reported by <outlet>"; the official page, polled early, confirms it in the same message.
        await recordLevelReport(input, deps);
        if (detection.authority) deps.requestLevelPoll(detection.authority);
        deps.log.info({ source: sourceId, item: item.id, authority: detection.authority }, 'news reports an alert-level change');
        continue;
      }
      await recordReport(input, deps);
    }
    await deps.store.markSeen(sourceId, [item.id]);
  }
  await deps.store.markSeen(sourceId, quiet);
  return { fresh: fresh.length, detections, baseline: false };
}
