import path from 'node:path';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { DeliveryJob, JobHandler, JobOutcome, Outbox, OutboxOptions } from '../../src/delivery/outbox-port';
import { openOutbox } from '../../src/delivery/outbox';
import type { OpenOutboxConfig } from '../../src/delivery/outbox';

/** Where a backend keeps its jobs: JSON, so a child process can open the same one. */
export type BackendConfig = Pick<OpenOutboxConfig, 'redisUrl' | 'queueName'> & { sqlite?: string };

export const OPTIONS: OutboxOptions = { maxAttempts: 3, baseBackoffMs: 10, maxBackoffMs: 40, concurrency: 2 };
/** Short leases, so that a job of a dead worker comes back within a couple of seconds. */
export const LEASE_MS = 1000;

const OUTBOX_MODULE = path.resolve(__dirname, '../../src/delivery/outbox');

let seq = 0;
export function job(name: string, extra: Partial<DeliveryJob> = {}): DeliveryJob {
  return { id: `inc-${name}-v1-discord-c${seq++}`, incidentId: `inc-${name}`, version: 1, channel: 'discord:c1', enqueuedAt: new Date().toISOString(), ...extra };
}

/** Bounded poll: resolves once `cond` holds, fails the test after `timeoutMs`. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A handler that records every call and answers from a script (last answer repeats). */
export function recorder(answers: Record<string, JobOutcome[]> = {}) {
  const calls: { id: string; attempt: number; at: number }[] = [];
  const handler: JobHandler = async (j, attempt) => {
    calls.push({ id: j.id, attempt, at: Date.now() });
    const script = answers[j.id] ?? [{ status: 'done' }];
    const n = calls.filter((c) => c.id === j.id).length;
    return script[Math.min(n, script.length) - 1] ?? { status: 'done' };
  };
  const of = (id: string) => calls.filter((c) => c.id === id);
  return { calls, handler, of };
}

const transient: JobOutcome = { status: 'failed', failure: 'transient', reason: 'HTTP 503 from platform' };
const forever = () => new Promise<JobOutcome>(() => undefined);

/**
 * The behaviour every Outbox promises. `fresh` gives an empty backend per test; the suite
 * opens (and reopens) outboxes on it with `openOutbox`, and kills a child process on it.
 */
export function runOutboxContract(name: string, fresh: () => Promise<BackendConfig>): void {
  describe(`Outbox contract: ${name}`, () => {
    let backend: BackendConfig;
    const opened: Outbox[] = [];
    const children: ChildProcess[] = [];
    const open = (options: Partial<OutboxOptions> = {}): Outbox => {
      const o = openOutbox({ ...backend, options: { ...OPTIONS, ...options }, leaseMs: LEASE_MS });
      opened.push(o);
      return o;
    };

    beforeEach(async () => {
      backend = await fresh();
    });
    afterEach(async () => {
      for (const c of children.splice(0)) c.kill('SIGKILL');
      await Promise.all(opened.splice(0).map((o) => o.close(200)));
    });

    it('runs a job enqueued twice (in one call and again later) once', async () => {
      const o = open();
      const j = job('dup');
      await o.enqueue([j, j]);
      await o.enqueue([{ ...j, enqueuedAt: new Date().toISOString() }]);
      expect(await o.pendingCount()).toBe(1);
      const r = recorder();
      o.start(r.handler);
      expect(await o.drain(20_000)).toEqual({ pending: 0, dead: 0 });
      expect(r.of(j.id)).toHaveLength(1);
    });

    it('ignores a done job enqueued again', async () => {
      const o = open();
      const r = recorder();
      o.start(r.handler);
      const j = job('done');
      await o.enqueue([j]);
      await waitUntil(async () => r.of(j.id).length === 1 && (await o.pendingCount()) === 0, 'the job is done');
      await o.enqueue([j]);
      expect(await o.pendingCount()).toBe(0);
      const sentinel = job('sentinel');
      await o.enqueue([sentinel]);
      await waitUntil(() => r.of(sentinel.id).length === 1, 'the sentinel ran');
      expect((await o.drain(20_000)).pending).toBe(0);
      expect(r.of(j.id)).toHaveLength(1);
    });

    it('waits without spending attempts, then completes', async () => {
      const o = open({ maxAttempts: 2 });
      const j = job('wait');
      const wait: JobOutcome = { status: 'wait', ms: 30 };
      const r = recorder({ [j.id]: [wait, wait, wait, { status: 'done' }] });
      o.start(r.handler);
      await o.enqueue([j]);
      expect(await o.drain(20_000)).toEqual({ pending: 0, dead: 0 });
      // Four runs with maxAttempts 2: only possible if waits do not count.
      expect(r.of(j.id).map((c) => c.attempt)).toEqual([1, 1, 1, 1]);
    });

    it('retries transient failures with growing attempt numbers until success', async () => {
      const o = open();
      const j = job('flaky');
      const r = recorder({ [j.id]: [transient, { status: 'failed', failure: 'unknown', reason: 'timeout' }, { status: 'done' }] });
      o.start(r.handler);
      await o.enqueue([j]);
      expect(await o.drain(20_000)).toEqual({ pending: 0, dead: 0 });
      expect(r.of(j.id).map((c) => c.attempt)).toEqual([1, 2, 3]);
      expect(await o.deadLetters()).toEqual([]);
    });

    it('retries a handler that throws, as an unknown failure', async () => {
      const o = open();
      const j = job('throws');
      let n = 0;
      o.start(async (_j, attempt) => {
        n++;
        if (attempt === 1) throw new Error('bug in handler');
        return { status: 'done' };
      });
      await o.enqueue([j]);
      expect(await o.drain(20_000)).toEqual({ pending: 0, dead: 0 });
      expect(n).toBe(2);
    });

    it('dead-letters a job that always fails transiently, after maxAttempts', async () => {
      const o = open();
      const j = job('down');
      const r = recorder({ [j.id]: [transient] });
      o.start(r.handler);
      await o.enqueue([j]);
      expect(await o.drain(20_000)).toEqual({ pending: 0, dead: 1 });
      expect(r.of(j.id).map((c) => c.attempt)).toEqual([1, 2, 3]);
      const [dead, ...rest] = await o.deadLetters();
      expect(rest).toEqual([]);
      expect(dead).toMatchObject({ job: j, failure: 'transient', reason: 'HTTP 503 from platform', attempts: 3 });
      expect(Number.isNaN(Date.parse(dead?.at ?? ''))).toBe(false);
      // Waits between attempts: each retry comes after the previous run (backoff ≥ base/2).
      const at = r.of(j.id).map((c) => c.at);
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(OPTIONS.baseBackoffMs / 2 - 1);
      await o.enqueue([j]);
      expect(await o.pendingCount()).toBe(0);
    });

    it('dead-letters a permanent failure at once', async () => {
      const o = open();
      const j = job('gone');
      const other = job('fine');
      const r = recorder({ [j.id]: [{ status: 'failed', failure: 'permanent', reason: 'HTTP 404 unknown channel' }] });
      o.start(r.handler);
      await o.enqueue([j, other]);
      expect(await o.drain(20_000)).toEqual({ pending: 0, dead: 1 });
      expect(r.of(j.id)).toHaveLength(1);
      expect(r.of(other.id)).toHaveLength(1);
      expect(await o.deadLetters()).toEqual([
        expect.objectContaining({ job: j, failure: 'permanent', reason: 'HTTP 404 unknown channel', attempts: 1 }),
      ]);
    });

    it('drains many jobs to pending 0, each run once', async () => {
      const o = open();
      const r = recorder();
      const jobs = Array.from({ length: 20 }, (_, i) => job(`many${i}`));
      await o.enqueue(jobs);
      expect(await o.pendingCount()).toBe(20);
      o.start(r.handler);
      expect(await o.drain(30_000)).toEqual({ pending: 0, dead: 0 });
      expect(r.calls.map((c) => c.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    });

    it('does not run a job before its notBefore', async () => {
      const o = open();
      const r = recorder();
      o.start(r.handler);
      const soon = Date.now() + 800;
      const later = job('later', { notBefore: new Date(soon).toISOString() });
      const far = job('far', { notBefore: new Date(Date.now() + 3600_000).toISOString() });
      const now = job('now');
      await o.enqueue([later, far, now]);
      await waitUntil(() => r.of(later.id).length === 1 && r.of(now.id).length === 1, 'both due jobs ran');
      expect(r.of(later.id)[0]!.at).toBeGreaterThanOrEqual(soon);
      expect(r.of(far.id)).toHaveLength(0);
      expect(await o.pendingCount()).toBe(1);
    });

    it('rejects job ids BullMQ cannot take, naming the job', async () => {
      const o = open();
      await expect(o.enqueue([job('x', { id: 'inc:1:discord' })])).rejects.toThrow(/inc:1:discord/);
      await expect(o.enqueue([job('x', { notBefore: 'soonish' })])).rejects.toThrow(/notBefore/);
    });

    it('keeps a job enqueued before close for the next outbox on the same backend', async () => {
      const first = open();
      const j = job('durable');
      await first.enqueue([j]);
      await first.close(1000);
      const second = open();
      const r = recorder();
      second.start(r.handler);
      expect(await second.drain(20_000)).toEqual({ pending: 0, dead: 0 });
      expect(r.of(j.id)).toHaveLength(1);
    });

    it('hands back a job still running at close; the next outbox runs it', async () => {
      const first = open();
      const j = job('inflight');
      let started = 0;
      first.start(() => {
        started++;
        return forever();
      });
      await first.enqueue([j]);
      await waitUntil(() => started === 1, 'the first worker took the job');
      await first.close(100);
      const second = open();
      const r = recorder();
      second.start(r.handler);
      await waitUntil(() => r.of(j.id).length === 1, 'the job ran again');
      expect(r.of(j.id)[0]!.attempt).toBe(1);
      expect((await second.drain(20_000)).pending).toBe(0);
    });

    it('runs again a job whose process was killed (SIGKILL) while running it', async () => {
      const j = job('killed');
      const child = spawnWorker(backend, j);
      children.push(child);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      await waitUntil(() => out.includes(`running ${j.id}`), 'the child process took the job', 30_000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const next = open();
      const r = recorder();
      next.start(r.handler);
      await waitUntil(() => r.of(j.id).length === 1, 'the job ran after the crash', 30_000);
      expect((await next.drain(20_000)).pending).toBe(0);
    });

    it('two outboxes on one backend (two replicas) run each job exactly once', async () => {
      const a = open({ concurrency: 3 });
      const b = open({ concurrency: 3 });
      const ran: string[] = [];
      const handler: JobHandler = async (j) => {
        ran.push(j.id);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return { status: 'done' };
      };
      a.start(handler);
      b.start(handler);
      const jobs = Array.from({ length: 50 }, (_, i) => job(`replica${i}`));
      await Promise.all([a.enqueue(jobs.slice(0, 30)), b.enqueue(jobs.slice(20))]);
      expect(await a.drain(30_000)).toEqual({ pending: 0, dead: 0 });
      expect(ran.slice().sort()).toEqual(jobs.map((j) => j.id).sort());
    });
  });
}

/** A separate process that opens the outbox, enqueues `j`, says so when it runs it, and never finishes. */
function spawnWorker(backend: BackendConfig, j: DeliveryJob): ChildProcess {
  const src = `
    const { openOutbox } = require(process.env.OUTBOX_MODULE);
    const o = openOutbox({ ...JSON.parse(process.env.OUTBOX_BACKEND), options: JSON.parse(process.env.OUTBOX_OPTIONS), leaseMs: ${LEASE_MS} });
    o.start((job) => { process.stdout.write('running ' + job.id + '\\n'); return new Promise(() => {}); });
    o.enqueue([JSON.parse(process.env.OUTBOX_JOB)]).catch((e) => { console.error(e); process.exit(2); });
    setInterval(() => {}, 1000);`;
  return spawn(process.execPath, ['-r', 'tsx/cjs', '-e', src], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      ...process.env,
      OUTBOX_MODULE,
      OUTBOX_BACKEND: JSON.stringify(backend),
      OUTBOX_OPTIONS: JSON.stringify(OPTIONS),
      OUTBOX_JOB: JSON.stringify(j),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
