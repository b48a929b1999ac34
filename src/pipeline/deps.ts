import type { Detection, DetectInput, Subscription } from '../model';
import type { Store } from '../store/port';
import type { Outbox } from '../delivery/outbox-port';
import type { FetchOptions, FetchResult } from '../sources/http';
import type { MessageOptions } from '../format/incident-message';

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the pipeline counts; the app backs it with prom-client, tests with nothing. */
export interface PipelineMetrics {
  poll(sourceId: string, outcome: 'ok' | 'not_modified' | 'unchanged' | 'error', seconds: number): void;
  items(sourceId: string, n: number): void;
  detection(kind: string): void;
  incident(outcome: 'opened' | 'updated' | 'unchanged' | 'duplicate'): void;
}

export const NO_METRICS: PipelineMetrics = {
  poll: () => undefined,
  items: () => undefined,
  detection: () => undefined,
  incident: () => undefined,
};

export interface PipelineDeps {
  store: Store;
  outbox: Outbox;
  detect: (input: DetectInput) => Detection[];
  fetch: (url: string, opts: FetchOptions) => Promise<FetchResult>;
  fetchMaxBytes: number;
  log: Logger;
  metrics: PipelineMetrics;
  clock: () => Date;
  random: () => number;
  /** Used when the store has no subscription at all (nothing configured: the console gets everything). */
  fallbackSubscriptions: Subscription[];
  /** A news item reported a level change of this authority: poll its official source soon. */
  requestLevelPoll: (authority: string) => void;
  /** Display names for actors, authorities and sources in messages. */
  messageOptions: MessageOptions;
  /** Removes secret values from error texts before they are stored or shown. */
  scrub: (text: string) => string;
  /** Tell operators (TOCSIN_OPS_CHANNEL or the log). */
  notifyOps: (text: string) => Promise<void>;
}
