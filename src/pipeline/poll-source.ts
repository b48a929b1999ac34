import { createHash } from 'node:crypto';
import { freshSourceState, type SourceState } from '../model';
import type { SourceConfig } from '../config/sources-config';
import { decode } from '../sources/feed/decode';
import { readFeedEntries } from '../sources/feed';
import { getLevelAdapter, type LevelSourceConfig } from '../sources/levels';
import type { PipelineDeps } from './deps';
import { processEntries } from './process-items';
import { processReadings } from './process-levels';
import { afterFailure, afterSuccess, type HealthNotice, type PollHints } from './source-health';

export interface PollResult {
  sourceId: string;
  ok: boolean;
  error?: string;
  notModified?: boolean;
  /** Body identical to the last one processed. */
  unchanged?: boolean;
  items?: number;
  detections?: number;
  baseline?: boolean;
  levelChanges?: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Poll one source once: fetch, parse, process, and record its health. A failing source
 * is an outcome, never a throw — except when the store itself cannot be reached, which
 * must stop the cycle rather than be mistaken for "nothing new".
 */
export async function pollSource(source: SourceConfig, deps: PipelineDeps): Promise<PollResult> {
  const started = Date.now();
  const state: SourceState = (await deps.store.getSourceState(source.id)) ?? freshSourceState(source.id);
  let result: PollResult;
  let hints: PollHints = {};
  try {
    const fetched = await deps.fetch(source.url, { etag: state.etag, lastModified: state.lastModified, maxBytes: deps.fetchMaxBytes });
    hints = { cacheControl: fetched.headers.cacheControl, retryAfter: fetched.headers.retryAfter };
    state.etag = fetched.etag ?? state.etag;
    state.lastModified = fetched.lastModified ?? state.lastModified;
    if (fetched.notModified) {
      result = { sourceId: source.id, ok: true, notModified: true };
    } else {
      const bodyHash = createHash('sha256').update(fetched.bytes).digest('base64url');
      if (state.baselined && bodyHash === state.bodyHash) {
        result = { sourceId: source.id, ok: true, unchanged: true };
      } else if (source.type === 'feed') {
        // Items the store has seen are not even parsed again: most of a busy feed, most polls.
        const unseen = (ids: string[]) => deps.store.filterUnseen(source.id, ids);
        const feed = await readFeedEntries(fetched.bytes, { contentType: fetched.contentType, sourceId: source.id, languageHint: source.language, baseUrl: fetched.finalUrl, unseen });
        hints.ttlMinutes = feed.ttlMinutes;
        const out = await processEntries(source.id, feed.entries, state.baselined, deps);
        result = { sourceId: source.id, ok: true, items: out.fresh, detections: out.detections, baseline: out.baseline };
      } else {
        const adapter = getLevelAdapter(source.type);
        if (!adapter) throw new Error(`no adapter for type ${source.type}`);
        const body = decode(fetched.bytes, fetched.contentType);
        const readings = adapter.parse({ status: fetched.status, contentType: fetched.contentType, body, url: fetched.finalUrl }, source.options as LevelSourceConfig, deps.clock());
        // Each reading remembers its source, so `levels` and `/alerts status` can show that source's health.
        const out = await processReadings(readings.map((r) => ({ ...r, source: source.id })), deps);
        result = { sourceId: source.id, ok: true, levelChanges: out.changed, baseline: out.baseline > 0 };
      }
      state.bodyHash = bodyHash;
      state.baselined = true;
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'StoreUnavailableError') throw e;
    result = { sourceId: source.id, ok: false, error: deps.scrub(errorText(e)) };
  }
  const seconds = (Date.now() - started) / 1000;
  deps.metrics.poll(source.id, !result.ok ? 'error' : result.notModified ? 'not_modified' : result.unchanged ? 'unchanged' : 'ok', seconds);
  const next = result.ok
    ? afterSuccess(state, source.everyMs, hints, deps.clock(), deps.random)
    : afterFailure(state, source.everyMs, result.error ?? 'unknown error', deps.clock(), deps.random);
  await deps.store.putSourceState(next.state);
  if (!result.ok) deps.log.warn({ source: source.id, error: result.error, failures: next.state.consecutiveFailures }, 'source failed');
  if (next.notice) await deps.notifyOps(noticeText(source.id, next.notice, next.state));
  return result;
}

function noticeText(id: string, notice: HealthNotice, s: SourceState): string {
  switch (notice) {
    case 'started-failing':
      return `Source ${id} is failing (${s.consecutiveFailures} failures in a row): ${s.lastError}`;
    case 'will-be-disabled':
      return `Source ${id} has been failing since ${s.failingSince} and will be disabled if it still fails in a few hours: ${s.lastError}`;
    case 'disabled':
      return `Source ${id} is disabled after failing for a day (it will be retried every 6 hours): ${s.lastError}`;
    case 'recovered':
      return `Source ${id} is healthy again.`;
  }
}
