/** Issue 13 §7: a signed Discord interaction captured and replayed later is refused. */
import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createDiscordInteractionsHandler } from '../../src/chat/discord';
import type { RunningHttpServer } from '../../src/http';
import { startHttpServer } from '../../src/http';
import { tempStore } from './support';

function rawPublicKeyHex(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

describe('POST /discord/interactions and the signature timestamp', () => {
  const keys = generateKeyPairSync('ed25519');
  const { store, dispose } = tempStore();
  const now = new Date('2026-12-03T12:00:00Z');
  let server: RunningHttpServer;

  beforeAll(async () => {
    const handle = createDiscordInteractionsHandler({ publicKey: rawPublicKeyHex(keys.publicKey), deps: { store, sources: [], postSample: async () => undefined }, clock: () => now });
    server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [{ method: 'POST', path: '/discord/interactions', handle }] });
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  /** A correctly signed PING stamped `ageSeconds` before the server's clock. */
  async function pingAged(ageSeconds: number): Promise<number> {
    const raw = JSON.stringify({ type: 1 });
    const timestamp = String(Math.floor(now.getTime() / 1000) - ageSeconds);
    const signature = sign(null, Buffer.from(timestamp + raw), keys.privateKey).toString('hex');
    const res = await fetch(`${server.url}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body: raw,
    });
    await res.arrayBuffer();
    return res.status;
  }

  it('answers a request signed just now or 4 minutes ago', async () => {
    expect(await pingAged(0)).toBe(200);
    expect(await pingAged(4 * 60)).toBe(200);
  });

  it('refuses a correctly signed request older than 5 minutes, or stamped far ahead', async () => {
    expect(await pingAged(5 * 60 + 1)).toBe(401);
    expect(await pingAged(24 * 3600)).toBe(401);
    expect(await pingAged(-10 * 60)).toBe(401);
  });
});
