import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processItems } from '../../src/pipeline/process-items';
import { NO_METRICS, type PipelineDeps } from '../../src/pipeline/deps';
import type { DeliveryJob, Outbox } from '../../src/delivery/outbox-port';
import type { Detection, DetectInput, Item } from '../../src/model';
import { SqliteStore } from '../../src/store';

/** An outbox of our own that only records what it is given (a port fake). */
class RecordingOutbox implements Outbox {
  jobs: DeliveryJob[] = [];
  async enqueue(jobs: DeliveryJob[]) {
    this.jobs.push(...jobs);
  }
  start() {}
  async drain() {
    return { pending: 0, dead: 0 };
  }
  async pendingCount() {
    return 0;
  }
  async deadLetters() {
    return [];
  }
  async close() {}
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const detection = (over: Partial<Detection>): Detection => ({
  kind: 'attack', severity: 'high', countries: ['FR'], places: [{ name: 'Lyon', country: 'FR' }], actors: [], claimed: false, casualties: { killed: 3 },
  language: 'en', score: 1, explanation: { rules: [], terms: [], exclusions: [], notes: [] }, ...over,
});
const item = (id: string, title: string): Item => ({ id, sourceId: 'wire', title, summary: '', published: '2026-11-03T20:00:00.000Z' });

describe('processing new items', () => {
  let store: SqliteStore;
  let outbox: RecordingOutbox;
  let polls: string[];
  let deps: PipelineDeps;

  beforeEach(async () => {
    store = new SqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-items-')));
    outbox = new RecordingOutbox();
    polls = [];
    await store.putSubscription({ channel: { platform: 'discord', id: '9' }, countries: [], kinds: [], minSeverity: 'low', languages: [], createdAt: '' });
    const detect = (i: DetectInput): Detection[] =>
      i.title.includes('raises') ? [detection({ kind: 'alert_level', authority: 'fr-sgdsn', places: [], casualties: {} })] : i.title.includes('attack') ? [detection({})] : [];
    deps = {
      store, outbox, detect, fetch: async () => { throw new Error('no fetching here'); }, fetchMaxBytes: 1e6, log: quiet, metrics: NO_METRICS,
      clock: () => new Date('2026-11-03T21:00:00Z'), random: () => 0.5, fallbackSubscriptions: [], requestLevelPoll: (a) => polls.push(a),
      notifyOps: async () => undefined, messageOptions: {}, scrub: (t) => t,
    };
  });
  afterEach(async () => store.close());

  it('records a baseline on the first poll: everything seen, nothing queued', async () => {
    const out = await processItems('wire', [item('1', 'attack in Lyon')], false, deps);
    expect(out.baseline).toBe(true);
    expect(outbox.jobs).toHaveLength(0);
    expect(await store.filterUnseen('wire', ['1'])).toEqual([]);
  });

  it('queues an attack for each subscribed channel and marks the item seen', async () => {
    await processItems('wire', [item('1', 'calm')], false, deps);
    await processItems('wire', [item('1', 'calm'), item('2', 'attack in Lyon')], true, deps);
    expect(outbox.jobs.map((j) => j.channel)).toEqual(['discord:9']);
    expect(await store.filterUnseen('wire', ['2'])).toEqual([]);
  });

  it('posts a level change the news reports as "reported", and asks for an early poll of the authority', async () => {
    await processItems('wire', [item('1', 'calm')], false, deps);
    await processItems('wire', [item('3', 'France raises Vigipirate to its top level')], true, deps);
    expect(polls).toEqual(['fr-sgdsn']);
    expect(outbox.jobs.map((j) => [j.channel, j.version])).toEqual([['discord:9', 1]]);
    expect((await store.getIncident(outbox.jobs[0]?.incidentId ?? ''))?.reported?.status).toBe('reported');
  });

  it('does not mark an item seen when the store fails before its deliveries are queued', async () => {
    await processItems('wire', [item('1', 'calm')], false, deps);
    const down = new (class extends RecordingOutbox {
      override async enqueue(): Promise<void> {
        throw new Error('queue down');
      }
    })();
    const broken = { ...deps, outbox: down };
    await expect(processItems('wire', [item('4', 'attack in Lyon')], true, broken)).rejects.toThrow('queue down');
    expect(await store.filterUnseen('wire', ['4'])).toEqual(['4']);
    await processItems('wire', [item('4', 'attack in Lyon')], true, deps);
    expect(outbox.jobs.map((j) => j.channel)).toEqual(['discord:9']);
  });
});
