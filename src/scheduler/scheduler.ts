import cron, { type ScheduledTask } from 'node-cron';
import type { SourceConfig } from '../config/sources-config';
import type { Store } from '../store/port';
import type { Logger } from '../pipeline/deps';
import { ConcurrencyLimiter } from './limiter';
import { OutageLog } from '../observability/outage-log';

export interface SchedulerOptions {
  sources: SourceConfig[];
  store: Pick<Store, 'listSourceStates' | 'getSourceState' | 'putSourceState' | 'tryLock'>;
  poll: (source: SourceConfig) => Promise<unknown>;
  log: Logger;
  clock: () => Date;
  /** A unique name of this process among replicas. */
  owner: string;
  maxConcurrent?: number;
  maxPerHost?: number;
  /** node-cron expression of the tick; every second by default. */
  tick?: string;
  /** Called as a claimed poll starts, with how late it is against its due time (0 for a first or urgent poll). */
  onPollStart?: (sourceId: string, lagMs: number) => void;
  /** Run at start and every `everyMs` while running (retention); never overlapping itself. */
  housekeeping?: { run: () => Promise<void>; everyMs: number };
}

/** A due source waiting for room: `slot` names the polling slot a replica claims. */
interface Due {
  source: SourceConfig;
  host: string;
  slot: string;
  dueMs: number;
}

/**
 * node-cron ticks; each source's next due time lives in the store. A replica polls a
 * due source only after claiming it with a lock that expires (so a dead replica's
 * claim lapses): two replicas never poll one source in the same slot.
 *
 * A tick lists the states once and queues what is due, most overdue first; the queue is
 * drained whenever a poll ends, not only at the next tick, so a busy host keeps its
 * concurrency full. A source is claimed only when there is room to start it.
 */
export class Scheduler {
  private task?: ScheduledTask;
  private readonly limiter: ConcurrencyLimiter;
  private readonly hosts = new Map<string, string>();
  private readonly pollingNow = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly urgent = new Set<string>();
  private queue: Due[] = [];
  private ticking = false;
  private draining = false;
  private drainAgain = false;
  private stopped = false;
  private housekeepingTimer?: NodeJS.Timeout;
  /** A store outage is logged when it starts and ends, not at every tick of every replica. */
  private readonly storeOutage: OutageLog;
  private housekeepingRun?: Promise<void>;

  constructor(private opts: SchedulerOptions) {
    this.storeOutage = new OutageLog(opts.log, 'store (scheduler)', () => opts.clock().getTime());
    this.limiter = new ConcurrencyLimiter(opts.maxConcurrent ?? 32, opts.maxPerHost ?? 4, () => {
      if (this.queue.length && !this.stopped) void this.drain();
    });
    for (const s of opts.sources) this.hosts.set(s.id, new URL(s.url).host);
  }

  /** A reloaded configuration: the next tick polls these sources (polls in flight finish). */
  setSources(sources: SourceConfig[]): void {
    this.opts = { ...this.opts, sources };
    this.hosts.clear();
    for (const s of sources) this.hosts.set(s.id, new URL(s.url).host);
  }

  start(): void {
    this.stopped = false;
    this.task = cron.schedule(this.opts.tick ?? '* * * * * *', () => this.tick(), { noOverlap: true });
    if (this.opts.housekeeping) this.keepHouse(this.opts.housekeeping);
  }

  private keepHouse(h: { run: () => Promise<void>; everyMs: number }): void {
    if (this.stopped) return;
    this.housekeepingRun = h.run().finally(() => {
      this.housekeepingRun = undefined;
      if (this.stopped) return;
      this.housekeepingTimer = setTimeout(() => this.keepHouse(h), h.everyMs);
      this.housekeepingTimer.unref();
    });
  }

  /** No new polls; waits up to `graceMs` for the polls in flight to end. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    this.queue = [];
    clearTimeout(this.housekeepingTimer);
    await this.task?.stop();
    this.task = undefined;
    await this.housekeepingRun;
    await this.idle(graceMs);
  }

  /** Resolves when no poll is in flight (or after `timeoutMs`). */
  async idle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const wait = new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))));
      await Promise.race([Promise.allSettled([...this.inFlight]), wait]);
      clearTimeout(timer);
    }
  }

  /** Polls in flight in this process. */
  get active(): number {
    return this.inFlight.size;
  }

  /** Poll these sources at the next tick, whatever their due time (news of a level change). */
  pollSoon(sourceIds: string[]): void {
    for (const id of sourceIds) this.urgent.add(id);
  }

  /** One pass: list the due sources, then claim and start every one there is room for. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      const now = this.opts.clock().getTime();
      const states = new Map((await this.opts.store.listSourceStates()).map((s) => [s.id, s]));
      const due: Due[] = [];
      for (const source of this.opts.sources) {
        if (this.pollingNow.has(source.id)) continue;
        const next = states.get(source.id)?.nextDue;
        const urgent = this.urgent.has(source.id);
        const dueMs = next ? Date.parse(next) : Number.NEGATIVE_INFINITY;
        if (!urgent && dueMs > now) continue;
        // The slot is the due time itself: whoever claims it polls; the others skip it.
        const slot = urgent ? `urgent-${Math.floor(now / 1000)}` : (next ?? 'first');
        due.push({ source, host: this.hosts.get(source.id) ?? '', slot, dueMs: urgent ? Number.NEGATIVE_INFINITY : dueMs });
      }
      this.storeOutage.succeeded();
      this.queue = due.sort((a, b) => a.dueMs - b.dueMs);
      await this.drain();
    } catch (e) {
      this.storeOutage.failed(e);
    } finally {
      this.ticking = false;
    }
  }

  /** Start queued sources while there is room; one drain at a time, repeated if asked meanwhile. */
  private async drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = true;
    try {
      do {
        this.drainAgain = false;
        await this.startWhatFits();
      } while (this.drainAgain && !this.stopped);
    } catch (e) {
      this.storeOutage.failed(e);
    } finally {
      this.draining = false;
    }
  }

  private async startWhatFits(): Promise<void> {
    const queue = this.queue;
    const kept: Due[] = [];
    const fullHosts = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      const entry = queue[i] as Due;
      if (this.stopped) return;
      if (this.limiter.full) {
        kept.push(...queue.slice(i));
        break;
      }
      if (this.pollingNow.has(entry.source.id)) continue;
      if (fullHosts.has(entry.host) || !this.limiter.hasRoom(entry.host)) {
        fullHosts.add(entry.host);
        kept.push(entry);
        continue;
      }
      const { source } = entry;
      const claimed = await this.opts.store.tryLock(`poll-${source.id}-${entry.slot}`, this.opts.owner, Math.max(source.everyMs, 60_000));
      // Not claimed: another replica has this slot (or this one already polled it).
      if (!claimed || this.pollingNow.has(source.id)) continue;
      if (!this.launch(entry)) kept.push(entry);
    }
    // A tick may have queued a fresher list meanwhile: keep that one.
    if (this.queue === queue) this.queue = kept;
  }

  private launch(entry: Due): boolean {
    const { source } = entry;
    this.pollingNow.add(source.id);
    const started = this.limiter.tryRun(entry.host, () => {
      const polling = (async () => {
        try {
          await this.opts.poll(source);
        } catch (e) {
          this.opts.log.error({ source: source.id, err: e instanceof Error ? e.message : String(e) }, 'poll aborted');
        } finally {
          this.pollingNow.delete(source.id);
        }
      })();
      this.inFlight.add(polling);
      return polling.finally(() => this.inFlight.delete(polling));
    });
    if (!started) {
      this.pollingNow.delete(source.id);
      return false;
    }
    this.urgent.delete(source.id);
    const lag = Number.isFinite(entry.dueMs) ? Math.max(0, this.opts.clock().getTime() - entry.dueMs) : 0;
    this.opts.onPollStart?.(source.id, lag);
    return true;
  }
}
