import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createDiscordInteractionsHandler, registerCommands } from '../../src/chat/discord';
import type { CommandDeps } from '../../src/commands';
import type { RunningHttpServer } from '../../src/http';
import { startHttpServer } from '../../src/http';
import type { ChannelRef } from '../../src/model';
import { level } from '../commands/memory-store';
import { gate, startFakeApi, tempStore } from './support';
import { loadLanguages, languageOptions } from '../../src/app';
import { loadAuthorities } from '../../src/config/authorities-config';
import { messageOptionsFor } from '../../src/format/names';

const CHANNEL = '900000000000000001';

interface InteractionResponse {
  type: number;
  data: { flags?: number; allowed_mentions?: unknown; embeds: { title: string; description?: string }[] };
}
const reading = level({ url: 'https://example.test/threat_level' });

function rawPublicKeyHex(key: KeyObject): string {
  // SPKI DER for Ed25519 ends with the 32-byte raw key.
  return key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

function command(sub: string, options: { name: string; type: number; value: unknown }[], permissions: string, locales: { locale?: string; guild_locale?: string } = {}) {
  return {
    ...locales,
    id: '1',
    application_id: 'app',
    token: 'interaction-token',
    type: 2,
    channel_id: CHANNEL,
    member: { permissions, user: { id: '700', username: 'someone' } },
    data: { id: '2', name: 'alerts', type: 1, options: [{ type: 1, name: sub, options }] },
  };
}

describe('POST /discord/interactions', () => {
  const keys = generateKeyPairSync('ed25519');
  const stranger = generateKeyPairSync('ed25519');
  const { store, dispose } = tempStore();
  const samples: ChannelRef[] = [];
  const sampleGate = gate();
  let discordApi: Awaited<ReturnType<typeof startFakeApi>>;
  let server: RunningHttpServer;

  beforeAll(async () => {
    await store.putLevel(reading);
    discordApi = await startFakeApi(() => ({ json: { id: 'm1' } }));
    const deps: CommandDeps = {
      store,
      sources: [],
      postSample: async (c) => {
        await sampleGate.wait;
        samples.push(c);
      },
      // The shipped catalogues, as the running bot passes them.
      languages: messageOptionsFor([], loadAuthorities('config'), languageOptions(loadLanguages('config'))),
    };
    const handle = createDiscordInteractionsHandler({
      publicKey: rawPublicKeyHex(keys.publicKey),
      deps,
      followUp: { applicationId: 'app', apiUrl: `${discordApi.url}/api` },
      ackDeadlineMs: 200,
    });
    server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [{ method: 'POST', path: '/discord/interactions', handle }] });
  });
  afterAll(async () => {
    sampleGate.open();
    await server.close();
    await discordApi.close();
    await dispose();
  });

  async function post(body: unknown, signer: KeyObject = keys.privateKey, tamper?: (raw: string) => string) {
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + raw), signer).toString('hex');
    const res = await fetch(`${server.url}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body: tamper ? tamper(raw) : raw,
    });
    return { status: res.status, json: (await res.json()) as InteractionResponse };
  }

  it('answers a signed PING with PONG', async () => {
    expect(await post({ type: 1 })).toEqual({ status: 200, json: { type: 1 } });
  });

  it('refuses a wrong key, a tampered body and missing headers with 401', async () => {
    expect((await post({ type: 1 }, stranger.privateKey)).status).toBe(401);
    expect((await post({ type: 1 }, keys.privateKey, (raw) => raw.replace('1', '2'))).status).toBe(401);
    const bare = await fetch(`${server.url}/discord/interactions`, { method: 'POST', body: JSON.stringify({ type: 1 }) });
    expect(bare.status).toBe(401);
  });

  it('answers /alerts status with an embed of the current levels, mentions off', async () => {
    const { status, json } = await post(command('status', [{ name: 'country', type: 3, value: 'GB' }], '0'));
    expect(status).toBe(200);
    expect(json.type).toBe(4);
    expect(json.data.allowed_mentions).toEqual({ parse: [] });
    expect(json.data.flags).toBeUndefined();
    expect(json.data.embeds[0]!.title).toBe('Alert levels — United Kingdom');
    expect(json.data.embeds[0]!.description).toContain('SEVERE (4 of 5)');
    expect(json.data.embeds[0]!.description).toContain('https://example.test/threat_level');
  });

  const subscribeOptions = [
    { name: 'countries', type: 3, value: 'FR,GB' },
    { name: 'kinds', type: 3, value: 'attack' },
    { name: 'min-severity', type: 3, value: 'high' },
  ];

  it('refuses subscribe without Manage Server / Manage Channels, storing nothing', async () => {
    const { json } = await post(command('subscribe', subscribeOptions, '0'));
    expect(json.data.flags).toBe(64);
    expect(json.data.embeds[0]!.title).toBe('Admins only');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('stores subscribe from a member with Manage Server ("32")', async () => {
    const { json } = await post(command('subscribe', subscribeOptions, '32'));
    expect(json.data.flags).toBe(64);
    expect(json.data.embeds[0]!.title).toBe('Subscribed');
    expect(await store.getSubscription({ platform: 'discord', id: CHANNEL })).toMatchObject({
      countries: ['FR', 'GB'],
      kinds: ['attack'],
      minSeverity: 'high',
      languages: [],
    });
  });

  it('reads permissions beyond 2^53 exactly (Manage Channels among high bits)', async () => {
    const perms = ((1n << 50n) | (1n << 4n)).toString();
    const { json } = await post(command('unsubscribe', [], perms));
    expect(json.data.embeds[0]!.title).toBe('Unsubscribed');
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('defers a slow command and edits the reply through the webhook when done', async () => {
    const { json } = await post(command('test', [], '32'));
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    sampleGate.open();
    while (!discordApi.requests.some((r) => r.method === 'PATCH')) await new Promise((r) => setTimeout(r, 10));
    const patch = discordApi.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.url).toBe('/api/v10/webhooks/app/interaction-token/messages/@original');
    expect(patch.headers.authorization).toBeUndefined();
    expect(JSON.parse(patch.body).embeds[0].title).toBe('Sample alert posted');
    expect(samples).toEqual([{ platform: 'discord', id: CHANNEL }]);
  });

  it('answers /alerts status in the asker’s Discord locale (French), English when it has none', async () => {
    const fr = await post(command('status', [{ name: 'country', type: 3, value: 'GB' }], '0', { locale: 'fr', guild_locale: 'de' }));
    expect(fr.json.data.embeds[0]!.title).toBe('Niveaux d’alerte — Royaume-Uni');
    expect(fr.json.data.embeds[0]!.description).toContain('Royaume-Uni — uk-mi5: SEVERE (grave) (4 sur 5)');
    const en = await post(command('status', [{ name: 'country', type: 3, value: 'GB' }], '0', { locale: 'tlh' }));
    expect(en.json.data.embeds[0]!.title).toBe('Alert levels — United Kingdom');
  });

  it('subscribes in the guild’s language by default (pt-BR → pt), or in the locale asked for', async () => {
    await post(command('subscribe', [], '32', { locale: 'en-US', guild_locale: 'pt-BR' }));
    expect(await store.getSubscription({ platform: 'discord', id: CHANNEL })).toMatchObject({ locale: 'pt', timezone: 'UTC' });
    const { json } = await post(command('subscribe', [{ name: 'locale', type: 3, value: 'sv' }, { name: 'timezone', type: 3, value: 'Europe/Stockholm' }], '32', { guild_locale: 'pt-BR' }));
    expect(json.data.embeds[0]!.description).toContain('Locale: sv');
    expect(await store.getSubscription({ platform: 'discord', id: CHANNEL })).toMatchObject({ locale: 'sv', timezone: 'Europe/Stockholm' });
    await post(command('subscribe', [], '32', { guild_locale: 'ja' }));
    expect(await store.getSubscription({ platform: 'discord', id: CHANNEL })).toMatchObject({ locale: 'en' });
  });

  it('answers an unknown subcommand with an ephemeral usage reply', async () => {
    const { json } = await post(command('launch', [], '32'));
    expect(json.type).toBe(4);
    expect(json.data.flags).toBe(64);
    expect(json.data.embeds[0]!.description).toContain('try /alerts help');
  });
});

describe('registerCommands', () => {
  it('PUTs the /alerts definition globally or to one guild with the bot token', async () => {
    const api = await startFakeApi((r) => ({ json: JSON.parse(r.body) }));
    try {
      await registerCommands({ token: 'tok', applicationId: '42', apiUrl: `${api.url}/api` });
      await registerCommands({ token: 'tok', applicationId: '42', guildId: '7', apiUrl: `${api.url}/api` });
      expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'PUT /api/v10/applications/42/commands',
        'PUT /api/v10/applications/42/guilds/7/commands',
      ]);
      expect(api.requests[0]!.headers.authorization).toBe('Bot tok');
      const [def] = JSON.parse(api.requests[0]!.body) as { name: string; options: { name: string; options?: { name: string; choices?: { value: string }[] }[] }[] }[];
      expect(def!.name).toBe('alerts');
      expect(def!.options.map((o) => o.name)).toEqual(['status', 'recent', 'subscriptions', 'sources', 'subscribe', 'unsubscribe', 'test', 'help']);
      const sub = def!.options.find((o) => o.name === 'subscribe')!;
      expect(sub.options!.find((o) => o.name === 'min-severity')!.choices!.map((c) => c.value)).toEqual(['low', 'medium', 'high', 'critical']);
      expect(sub.options!.find((o) => o.name === 'locale')!.choices!.map((c) => c.value)).toEqual(['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'sv', 'no', 'da', 'pl']);
      expect(sub.options!.map((o) => o.name)).toContain('timezone');
    } finally {
      await api.close();
    }
  });
});
