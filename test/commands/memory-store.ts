import type { CommandStore } from '../../src/commands';
import type { Incident, LevelReading, SourceState, Subscription } from '../../src/model';
import { channelKey, levelKey } from '../../src/model';
import { attack, reading } from '../format/incident-fixtures';

/** A port fake: just the store methods the commands use, over plain maps. */
export class MemoryCommandStore implements CommandStore {
  levels = new Map<string, LevelReading>();
  incidents = new Map<string, Incident>();
  subs = new Map<string, Subscription>();
  states = new Map<string, SourceState>();
  /** Set to make every call reject, as an unreachable store does. */
  failWith?: Error;

  private async ok(): Promise<void> {
    if (this.failWith) throw this.failWith;
  }
  async listLevels() {
    await this.ok();
    return [...this.levels.values()];
  }
  async listIncidents(opts: { since: string; limit?: number }) {
    await this.ok();
    return [...this.incidents.values()]
      .filter((i) => i.lastSeen >= opts.since)
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
      .slice(0, opts.limit ?? Infinity);
  }
  async listSubscriptions() {
    await this.ok();
    return [...this.subs.values()];
  }
  async getSubscription(c: Subscription['channel']) {
    await this.ok();
    return this.subs.get(channelKey(c));
  }
  async putSubscription(s: Subscription) {
    await this.ok();
    this.subs.set(channelKey(s.channel), structuredClone(s));
  }
  async deleteSubscription(c: Subscription['channel']) {
    await this.ok();
    return this.subs.delete(channelKey(c));
  }
  async listSourceStates() {
    await this.ok();
    return [...this.states.values()];
  }

  addLevel(l: LevelReading): this {
    this.levels.set(levelKey(l), l);
    return this;
  }
}

/** Shared made-up fixtures (test/format), with the values these tests assert on. */
export function level(over: Partial<LevelReading> = {}): LevelReading {
  return reading({ since: '2024-02-08T00:00:00.000Z', url: 'https://example.test/uk-threat-level', ...over });
}

export function incident(over: Partial<Incident> = {}): Incident {
  return attack({
    eventTime: '2024-03-22T19:20:00.000Z',
    title: 'Gunmen attack concert hall',
    casualties: { killed: 137, injured: 182 },
    ...over,
  });
}
