import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PipelineMetrics } from '../pipeline/deps';

/** Prometheus metrics of one process, on a registry of its own (no globals). */
export class Metrics implements PipelineMetrics {
  readonly registry = new Registry();
  private readonly polls = new Counter({ name: 'tocsin_polls_total', help: 'Source polls by outcome', labelNames: ['source', 'outcome'], registers: [this.registry] });
  private readonly fetchSeconds = new Histogram({ name: 'tocsin_poll_duration_seconds', help: 'Time to fetch and process one source', labelNames: ['outcome'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [this.registry] });
  private readonly notModified = new Counter({ name: 'tocsin_fetch_not_modified_total', help: 'Fetches answered 304 Not Modified', registers: [this.registry] });
  private readonly itemsCounter = new Counter({ name: 'tocsin_items_total', help: 'New items read from feeds', labelNames: ['source'], registers: [this.registry] });
  private readonly detections = new Counter({ name: 'tocsin_detections_total', help: 'Detections by kind', labelNames: ['kind'], registers: [this.registry] });
  private readonly incidents = new Counter({ name: 'tocsin_incident_reports_total', help: 'Reports by grouping outcome (duplicate = suppressed)', labelNames: ['outcome'], registers: [this.registry] });
  readonly deliveries = new Counter({ name: 'tocsin_deliveries_total', help: 'Messages posted or edited', labelNames: ['platform', 'action'], registers: [this.registry] });
  readonly deliveryFailures = new Counter({ name: 'tocsin_delivery_failures_total', help: 'Delivery attempts that failed', labelNames: ['failure'], registers: [this.registry] });
  readonly timeToAlert = new Histogram({ name: 'tocsin_time_to_alert_seconds', help: 'From the report being published to its message being posted', buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600], registers: [this.registry] });

  constructor(opts: { defaults?: boolean } = {}) {
    if (opts.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: 'tocsin_' });
  }

  poll(sourceId: string, outcome: 'ok' | 'not_modified' | 'unchanged' | 'error', seconds: number): void {
    this.polls.inc({ source: sourceId, outcome });
    this.fetchSeconds.observe({ outcome }, seconds);
    if (outcome === 'not_modified') this.notModified.inc();
  }

  items(sourceId: string, n: number): void {
    if (n) this.itemsCounter.inc({ source: sourceId }, n);
  }

  detection(kind: string): void {
    this.detections.inc({ kind });
  }

  incident(outcome: 'opened' | 'updated' | 'unchanged' | 'duplicate'): void {
    this.incidents.inc({ outcome });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
