import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDeliverHandler } from '../../src/delivery/deliver-job';
import { DeliveryError, type Sender } from '../../src/delivery/port';
import { SqliteStore } from '../../src/store';
import type { AlertMessage } from '../../src/format';
import type { DeliveryJob } from '../../src/delivery/outbox-port';
import { attack } from '../format/incident-fixtures';

/** A sender of our own that records calls and can be told to fail: a port fake, not a mock. */
class RecordingSender implements Sender {
  readonly platform = 'discord' as const;
  calls: { op: string; channel: string; text: string }[] = [];
  failNext?: DeliveryError;
  private n = 0;
  private take() {
    const f = this.failNext;
    this.failNext = undefined;
    if (f) throw f;
  }
  async post(channel: string, msg: AlertMessage, opts: { idempotencyKey: string }) {
    this.take();
    this.calls.push({ op: 'post', channel, text: msg.body });
    const ref = `m${++this.n}`;
    this.posted.set(opts.idempotencyKey, ref);
    if (this.loseAnswer) {
      this.loseAnswer = false;
      throw new DeliveryError('unknown', 'timed out after sending');
    }
    return { ref };
  }
  async edit(channel: string, _ref: string, msg: AlertMessage) {
    this.take();
    this.calls.push({ op: 'edit', channel, text: msg.body });
  }
  /** Messages that reached the platform, by idempotency key (even when the answer was lost). */
  posted = new Map<string, string>();
  loseAnswer = false;
  async findPosted(_channel: string, key: string) {
    const ref = this.posted.get(key);
    return ref ? { ref } : undefined;
  }
  async reply(channel: string, _ref: string, text: string) {
    this.calls.push({ op: 'reply', channel, text });
    return { ref: `r${++this.n}` };
  }
}

describe('delivering one job', () => {
  let store: SqliteStore;
  let now: Date;
  let sender: RecordingSender;
  const notices: string[] = [];
  const job = (version: number): DeliveryJob => ({ id: `inc-1.v${version}.discord-1`, incidentId: 'inc-1', version, channel: 'discord:1', enqueuedAt: now.toISOString() });
  let handle: ReturnType<typeof createDeliverHandler>;

  beforeEach(async () => {
    store = new SqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-deliver-')));
    now = new Date('2026-11-03T20:00:00Z');
    sender = new RecordingSender();
    notices.length = 0;
    await store.putSubscription({ channel: { platform: 'discord', id: '1' }, countries: [], kinds: [], minSeverity: 'low', languages: [], createdAt: now.toISOString() });
    handle = createDeliverHandler({ store, senders: { discord: sender }, fallbackSubscriptions: [], messageOptions: {}, clock: () => now, notifyOps: async (t) => void notices.push(t) });
  });
  afterEach(async () => store.close());

  it('posts once, then edits at most once a minute with a note of what changed', async () => {
    await store.putIncident(attack({ casualties: { killed: 40 } }));
    expect(await handle(job(1), 1)).toEqual({ status: 'done' });
    expect(await handle(job(1), 1)).toEqual({ status: 'done' });
    expect(sender.calls.map((c) => c.op)).toEqual(['post']);

    await store.putIncident(attack({ version: 2, casualties: { killed: 137 }, changes: [{ version: 2, note: 'Death toll now 137 — wire-two' }] }));
    now = new Date(now.getTime() + 20_000);
    const early = await handle(job(2), 1);
    expect(early).toEqual({ status: 'wait', ms: 40_000 });
    now = new Date(now.getTime() + 40_000);
    expect(await handle(job(2), 1)).toEqual({ status: 'done' });
    expect(sender.calls.map((c) => c.op)).toEqual(['post', 'edit', 'reply']);
    expect(sender.calls[1]?.text).toContain('137');
    expect(sender.calls[2]?.text).toBe('Death toll now 137 — wire-two');
    expect((await store.getDelivery('inc-1', { platform: 'discord', id: '1' }))?.version).toBe(2);
  });

  it('waits out a rate limit without failing', async () => {
    await store.putIncident(attack());
    sender.failNext = new DeliveryError('rate_limited', 'slow down', 2500, 429);
    expect(await handle(job(1), 1)).toEqual({ status: 'wait', ms: 2500 });
    expect(await handle(job(1), 1)).toEqual({ status: 'done' });
  });

  it('marks the subscription broken and tells operators when the channel is gone', async () => {
    await store.putIncident(attack());
    sender.failNext = new DeliveryError('permanent', 'Unknown Channel', undefined, 404);
    const out = await handle(job(1), 1);
    expect(out).toMatchObject({ status: 'failed', failure: 'permanent' });
    expect((await store.getSubscription({ platform: 'discord', id: '1' }))?.broken?.reason).toMatch(/Unknown Channel/);
    expect(notices[0]).toMatch(/discord:1/);
    expect(await handle(job(1), 1)).toEqual({ status: 'done' }); // a broken channel is skipped
    expect(sender.calls).toHaveLength(0);
  });

  it('after an unknown outcome, finds the message it already posted instead of posting again', async () => {
    await store.putIncident(attack());
    sender.loseAnswer = true;
    expect(await handle(job(1), 1)).toMatchObject({ status: 'failed', failure: 'unknown' });
    expect(await handle(job(1), 2)).toEqual({ status: 'done' });
    expect(sender.calls.filter((c) => c.op === 'post')).toHaveLength(1);
    expect((await store.getDelivery('inc-1', { platform: 'discord', id: '1' }))?.messageRef).toBe('m1');
  });

  it('does not break a channel over a message the platform refused (400)', async () => {
    await store.putIncident(attack());
    sender.failNext = new DeliveryError('permanent', 'Invalid Form Body', undefined, 400);
    expect(await handle(job(1), 1)).toMatchObject({ status: 'failed', failure: 'permanent' });
    expect((await store.getSubscription({ platform: 'discord', id: '1' }))?.broken).toBeUndefined();
  });
});
