import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** An acknowledgement the app sent back: `{ envelope_id, payload }`. */
export interface SocketAck {
  envelope_id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload?: any;
  connection: number;
}

export interface FakeSlackSocket {
  /** `ws://127.0.0.1:port/link`: what `apps.connections.open` answers. */
  url: string;
  /** Connections opened so far (each after an `apps.connections.open`). */
  connections(): number;
  acks: SocketAck[];
  waitForConnection(n: number, timeoutMs?: number): Promise<void>;
  /** Sends a `slash_commands` envelope on the live connection; resolves with its ack. */
  slashCommand(payload: Record<string, string>, timeoutMs?: number): Promise<SocketAck>;
  /** Sends `{"type":"disconnect"}` as Slack does when it recycles a connection. */
  disconnect(reason?: string): void;
  close(): Promise<void>;
}

/**
 * A local WebSocket server speaking Slack's Socket Mode: `hello` on connect, envelopes with
 * an `envelope_id` the app must acknowledge, a `disconnect` message asking it to reconnect.
 */
export async function startFakeSlackSocket(): Promise<FakeSlackSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  const acks: SocketAck[] = [];
  let count = 0;
  let live: WebSocket | undefined;
  let connWaiters: { n: number; resolve: () => void }[] = [];
  let ackWaiters: { id: string; resolve: (a: SocketAck) => void }[] = [];

  server.on('connection', (ws) => {
    live = ws;
    const connection = ++count;
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'AFAKE' } }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { envelope_id?: string; payload?: unknown };
      if (!msg.envelope_id) return;
      const ack: SocketAck = { envelope_id: msg.envelope_id, payload: msg.payload, connection };
      acks.push(ack);
      ackWaiters = ackWaiters.filter((w) => (w.id === ack.envelope_id ? (w.resolve(ack), false) : true));
    });
    connWaiters = connWaiters.filter((w) => (w.n <= count ? (w.resolve(), false) : true));
  });
  // Slack pings its clients; the client treats a long silence as a dead connection.
  const pinger = setInterval(() => live?.ping(), 2000);

  return {
    url,
    connections: () => count,
    acks,
    waitForConnection(n, timeoutMs = 120_000) {
      if (count >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`socket mode: no connection #${n} within ${timeoutMs} ms`)), timeoutMs);
        connWaiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    slashCommand(payload, timeoutMs = 60_000) {
      if (!live) throw new Error('socket mode: no live connection');
      const id = randomUUID();
      const done = new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`socket mode: envelope ${id} not acknowledged within ${timeoutMs} ms`)), timeoutMs);
        ackWaiters.push({ id, resolve: (a) => (clearTimeout(timer), resolve(a)) });
      });
      live.send(JSON.stringify({ envelope_id: id, type: 'slash_commands', accepts_response_payload: true, payload }));
      return done;
    },
    disconnect(reason = 'refresh_requested') {
      live?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(pinger);
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}
