import net from 'node:net';
import { BullmqOutbox } from '../../src/delivery/outbox';
import { describeRedis, freshRedisUrl } from '../support/redis';
import { LEASE_MS, OPTIONS, job, recorder, runOutboxContract, waitUntil } from './outbox-contract';

describeRedis('BullmqOutbox (real Redis)', () => {
  let redisUrl: string | undefined;
  let n = 0;
  runOutboxContract('BullMQ', async () => {
    redisUrl ??= await freshRedisUrl();
    return { redisUrl, queueName: `outbox-test-${process.pid}-${n++}` };
  });
});

describeRedis('BullmqOutbox when Redis goes away', () => {
  let proxy: RedisProxy;
  afterEach(() => proxy?.stop());

  it('keeps running, keeps what was queued, and resumes when Redis returns', async () => {
    const direct = new URL(await freshRedisUrl());
    proxy = await RedisProxy.start(Number(direct.port || 6379));
    const viaProxy = new URL(direct.toString());
    viaProxy.port = String(proxy.port);
    const queueName = `outbox-outage-${process.pid}`;
    const errors: Error[] = [];
    const worker = new BullmqOutbox({ redisUrl: viaProxy.toString(), queueName, options: OPTIONS, leaseMs: LEASE_MS, onError: (e) => errors.push(e) });
    const other = new BullmqOutbox({ redisUrl: direct.toString(), queueName, options: OPTIONS });
    try {
      const r = recorder();
      worker.start(r.handler);
      const before = job('before');
      const held = job('held', { notBefore: new Date(Date.now() + 1500).toISOString() });
      await worker.enqueue([before, held]);
      await waitUntil(() => r.of(before.id).length === 1, 'the first job ran');

      proxy.cut();
      await expect(worker.enqueue([job('refused')])).rejects.toThrow();
      const during = job('during');
      await other.enqueue([during]);
      await waitUntil(() => errors.length > 0, 'the outage was reported');
      await new Promise((res) => setTimeout(res, 2000));
      expect(r.of(held.id)).toHaveLength(0);

      await proxy.restore();
      await waitUntil(() => r.of(held.id).length === 1 && r.of(during.id).length === 1, 'queued jobs ran after Redis returned', 30_000);
      expect((await worker.drain(20_000)).pending).toBe(0);
      expect(r.calls.map((c) => c.id).sort()).toEqual([before.id, during.id, held.id].sort());
    } finally {
      await Promise.all([worker.close(500), other.close(500)]);
    }
  });
});

/** A TCP relay to Redis that can be cut (every connection dropped, port closed) and restored. */
class RedisProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  private constructor(readonly port: number, private readonly target: number) {}

  static async start(target: number): Promise<RedisProxy> {
    const probe = new RedisProxy(0, target);
    const port = await probe.listen(0);
    const p = new RedisProxy(port, target);
    probe.stop();
    await p.listen(port);
    return p;
  }

  private listen(port: number): Promise<number> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve((this.server!.address() as net.AddressInfo).port)));
  }

  cut(): void {
    this.stop();
  }

  async restore(): Promise<void> {
    await this.listen(this.port);
  }

  stop(): void {
    this.server?.close();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
}
