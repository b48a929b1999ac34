import cron, { type ScheduledTask } from 'node-cron';
import type { SourceConfig } from '../config/sources-config';
import type { Store } from '../store/port';
import type { Logger } from '../pipeline/deps';
import { ConcurrencyLimiter } from './limiter';

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
}

/**
 * node-cron ticks; each source's next due time lives in the store. A replica polls a
 * due source only after claiming it with a lock that expires (so a dead replica's
 * claim lapses): two replicas never poll one source in the same slot.
 */
export class Scheduler {
  private task?: ScheduledTask;
  private readonly limiter: ConcurrencyLimiter;
  private readonly pollingNow = new Set<string>();
  private readonly urgent = new Set<string>();
  private ticking = false;

  constructor(private readonly opts: SchedulerOptions) {
    this.limiter = new ConcurrencyLimiter(opts.maxConcurrent ?? 32, opts.maxPerHost ?? 4);
  }

  start(): void {
    this.task = cron.schedule(this.opts.tick ?? '* * * * * *', () => this.tick(), { noOverlap: true });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = undefined;
  }

  /** Poll these sources at the next tick, whatever their due time (news of a level change). */
  pollSoon(sourceIds: string[]): void {
    for (const id of sourceIds) this.urgent.add(id);
  }

  /** One pass: claim and start every due source there is room for. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.opts.clock().getTime();
      const states = new Map((await this.opts.store.listSourceStates()).map((s) => [s.id, s]));
      for (const source of this.opts.sources) {
        if (this.pollingNow.has(source.id)) continue;
        const due = states.get(source.id)?.nextDue;
        const isDue = this.urgent.has(source.id) || !due || Date.parse(due) <= now;
        if (!isDue) continue;
        const host = new URL(source.url).host;
        if (!this.limiter.hasRoom(host)) continue;
        // The slot is the due time itself: whoever claims it polls; the others skip it.
        const slot = this.urgent.has(source.id) ? `urgent-${Math.floor(now / 1000)}` : (due ?? 'first');
        const claimed = await this.opts.store.tryLock(`poll-${source.id}-${slot}`, this.opts.owner, Math.max(source.everyMs, 60_000));
        if (!claimed) continue;
        this.pollingNow.add(source.id);
        const started = this.limiter.tryRun(host, async () => {
          try {
            await this.opts.poll(source);
          } catch (e) {
            this.opts.log.error({ source: source.id, err: e instanceof Error ? e.message : String(e) }, 'poll aborted');
          } finally {
            this.pollingNow.delete(source.id);
          }
        });
        if (started) this.urgent.delete(source.id);
      }
    } catch (e) {
      this.opts.log.error({ err: e instanceof Error ? e.message : String(e) }, 'scheduler tick failed (store unreachable?)');
    } finally {
      this.ticking = false;
    }
  }
}
