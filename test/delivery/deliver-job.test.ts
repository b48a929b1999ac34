import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDeliverHandler } from '../../src/delivery/deliver-job';
import { DeliveryError, type ReplyOptions, type Sender } from '../../src/delivery/port';
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
  failFind?: DeliveryError;
  failReply?: DeliveryError;
  async findPosted(_channel: string, key: string) {
    const f = this.failFind;
    this.failFind = undefined;
    if (f) throw f;
    const ref = this.posted.get(key);
    return ref ? { ref } : undefined;
  }
  threadRefs: (string | undefined)[] = [];
  async reply(channel: string, _ref: string, text: string, opts: ReplyOptions) {
    const f = this.failReply;
    this.failReply = undefined;
    if (f) throw f;
    this.calls.push({ op: 'reply', channel, text });
    this.threadRefs.push(opts.threadRef);
    return { ref: `r${++this.n}`, threadRef: opts.threadRef ?? 'thread-1' };
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

  const CH = { platform: 'discord' as const, id: '1' };
  const v2 = () => attack({ version: 2, casualties: { killed: 137 }, changes: [{ version: 2, note: 'Death toll now 137' }] });
  const v3 = () => attack({ version: 3, casualties: { killed: 140 }, changes: [{ version: 2, note: 'Death toll now 137' }, { version: 3, note: 'Death toll now 140' }] });
  async function postedThenUpdated(): Promise<void> {
    await store.putIncident(attack({ casualties: { killed: 40 } }));
    expect(await handle(job(1), 1)).toEqual({ status: 'done' });
    await store.putIncident(v2());
    now = new Date(now.getTime() + 60_000);
  }

  it('sends later notes to the thread the first note started', async () => {
    await postedThenUpdated();
    expect(await handle(job(2), 1)).toEqual({ status: 'done' });
    await store.putIncident(v3());
    now = new Date(now.getTime() + 60_000);
    expect(await handle(job(3), 1)).toEqual({ status: 'done' });
    expect(sender.threadRefs).toEqual([undefined, 'thread-1']);
    expect(sender.calls.filter((c) => c.op === 'reply').map((c) => c.text)).toEqual(['Death toll now 137', 'Death toll now 140']);
    expect((await store.getDelivery('inc-1', CH))?.threadRef).toBe('thread-1');
  });

  it('retries a note that failed for a passing reason without editing again', async () => {
    await postedThenUpdated();
    sender.failReply = new DeliveryError('transient', 'Discord 502');
    expect(await handle(job(2), 1)).toMatchObject({ status: 'failed', failure: 'transient' });
    expect(await handle(job(2), 2)).toEqual({ status: 'done' });
    expect(await handle(job(2), 3)).toEqual({ status: 'done' });
    expect(sender.calls.map((c) => c.op)).toEqual(['post', 'edit', 'reply']);
  });

  it('keeps the edit and the channel when the platform refuses to start a thread', async () => {
    await postedThenUpdated();
    sender.failReply = new DeliveryError('permanent', 'Discord refused (403, code 50013): Missing Permissions', undefined, 403);
    expect(await handle(job(2), 1)).toEqual({ status: 'done' });
    expect(sender.calls.map((c) => c.op)).toEqual(['post', 'edit']);
    expect(await store.getDelivery('inc-1', CH)).toMatchObject({ version: 2, notedVersion: 2 });
    expect((await store.getSubscription(CH))?.broken).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it('posts the update as a fresh message when the first was deleted; the channel stays healthy, no notice', async () => {
    await postedThenUpdated();
    sender.failNext = new DeliveryError('permanent', 'Discord: the message no longer exists (404, code 10008)', undefined, 404, true);
    expect(await handle(job(2), 1)).toEqual({ status: 'done' });
    expect(sender.calls.map((c) => c.op)).toEqual(['post', 'post']);
    expect(sender.calls[1]?.text).toContain('137');
    expect(await store.getDelivery('inc-1', CH)).toMatchObject({ messageRef: 'm2', version: 2 });
    expect((await store.getSubscription(CH))?.broken).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it('posts again, without a broken mark, when the lookup after an unknown outcome is refused (not_in_channel)', async () => {
    await store.putIncident(attack());
    sender.failNext = new DeliveryError('unknown', 'timed out');
    expect(await handle(job(1), 1)).toMatchObject({ status: 'failed', failure: 'unknown' });
    sender.failFind = new DeliveryError('permanent', 'Slack refused: not_in_channel');
    expect(await handle(job(1), 2)).toEqual({ status: 'done' });
    expect(sender.calls.map((c) => c.op)).toEqual(['post']);
    expect((await store.getSubscription(CH))?.broken).toBeUndefined();
    expect(notices).toEqual([]);
  });
});
