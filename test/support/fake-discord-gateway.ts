import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the fake gateway saw, in order: identify, resume, heartbeat, and connections. */
export interface GatewayEvent {
  kind: 'connect' | 'identify' | 'resume' | 'heartbeat' | 'close';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  d?: any;
  at: number;
}

export interface FakeDiscordGateway {
  /** `ws://127.0.0.1:port`: what GET /gateway/bot answers as `url`. */
  url: string;
  events: GatewayEvent[];
  /** Resolves with the `n`th event (1-based, past or future) of this kind. */
  waitFor(kind: GatewayEvent['kind'], n?: number, timeoutMs?: number): Promise<GatewayEvent>;
  /** Sends an INTERACTION_CREATE dispatch to the live session. */
  dispatch(t: string, d: unknown): void;
  /** Closes the live connection with a resumable code (4000: unknown error), as Discord does. */
  drop(code?: number): void;
  close(): Promise<void>;
}

export const GATEWAY_SESSION = 'fake-session-0001';
export const GATEWAY_APP_ID = '100000000000000002';

/**
 * A local WebSocket server speaking the Discord gateway (v10, JSON, no compression):
 * HELLO on connect, READY for IDENTIFY, RESUMED for a RESUME of its session (dispatches
 * numbered by `s`), heartbeat ACKs. Enough for discord.js's real Client to log in.
 */
export async function startFakeDiscordGateway(opts: { botUserId: string; token: string; heartbeatMs?: number }): Promise<FakeDiscordGateway> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const events: GatewayEvent[] = [];
  let waiters: { kind: GatewayEvent['kind']; n: number; resolve: (e: GatewayEvent) => void }[] = [];
  let seq = 0;
  let live: WebSocket | undefined;

  const record = (kind: GatewayEvent['kind'], d?: unknown) => {
    const e: GatewayEvent = { kind, d, at: Date.now() };
    events.push(e);
    const count = events.filter((x) => x.kind === kind).length;
    waiters = waiters.filter((w) => (w.kind === kind && w.n <= count ? (w.resolve(events.filter((x) => x.kind === kind)[w.n - 1] as GatewayEvent), false) : true));
  };
  const send = (ws: WebSocket, payload: unknown) => ws.send(JSON.stringify(payload));
  const dispatchOn = (ws: WebSocket, t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d });

  server.on('connection', (ws) => {
    live = ws;
    record('connect');
    send(ws, { op: 10, d: { heartbeat_interval: opts.heartbeatMs ?? 1000 }, s: null, t: null });
    ws.on('close', (code) => record('close', { code }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (msg.op === 1) {
        record('heartbeat', msg.d);
        send(ws, { op: 11 });
      } else if (msg.op === 2) {
        record('identify', msg.d);
        if (msg.d.token !== opts.token && msg.d.token !== `Bot ${opts.token}`) return ws.close(4004, 'Authentication failed');
        dispatchOn(ws, 'READY', {
          v: 10,
          user: { id: opts.botUserId, username: 'tocsin', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: [],
          session_id: GATEWAY_SESSION,
          resume_gateway_url: url,
          shard: [0, 1],
          application: { id: GATEWAY_APP_ID, flags: 0 },
        });
      } else if (msg.op === 6) {
        record('resume', msg.d);
        if (msg.d.session_id !== GATEWAY_SESSION) return send(ws, { op: 9, d: false });
        dispatchOn(ws, 'RESUMED', {});
      }
      return undefined;
    });
  });

  return {
    url,
    events,
    waitFor(kind, n = 1, timeoutMs = 120_000) {
      const seen = events.filter((e) => e.kind === kind);
      if (seen.length >= n) return Promise.resolve(seen[n - 1] as GatewayEvent);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`gateway: no ${kind} #${n} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ kind, n, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    dispatch(t, d) {
      if (!live) throw new Error('gateway: no live connection');
      dispatchOn(live, t, d);
    },
    drop(code = 4000) {
      live?.close(code, 'dropped by the test');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}

let nextInteraction = 1_300_000_000_000_000_000n;

/** An INTERACTION_CREATE payload for `/alerts <subcommand>` in a guild channel. */
export function alertsInteraction(opts: { subcommand: string; options?: { name: string; type: number; value: string | number }[]; channelId: string; guildId: string; userId: string; permissions: string }): Record<string, unknown> {
  const id = String(nextInteraction++);
  return {
    id,
    application_id: GATEWAY_APP_ID,
    type: 2,
    token: `interaction-token-${id}`,
    version: 1,
    data: { id: '100000000000000003', name: 'alerts', type: 1, options: [{ type: 1, name: opts.subcommand, options: opts.options ?? [] }] },
    guild_id: opts.guildId,
    channel_id: opts.channelId,
    channel: { id: opts.channelId, type: 0, guild_id: opts.guildId, name: 'alerts' },
    member: {
      user: { id: opts.userId, username: `user${opts.userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null },
      roles: [],
      permissions: opts.permissions,
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  };
}
