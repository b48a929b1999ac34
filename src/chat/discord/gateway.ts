import type { ChatInputCommandInteraction } from 'discord.js';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { CommandDeps } from '../../commands';
import { raceDeadline } from '../reply-deadline';
import { ALERTS_COMMAND, runInvocation } from './interactions-endpoint';
import type { AlertsInvocation } from './map-interaction';
import { toDiscordReply } from './render-reply';

export interface DiscordGatewayOptions {
  token: string;
  deps: CommandDeps;
  apiUrl?: string;
  clock?: () => Date;
  onError?: (err: unknown) => void;
}

/**
 * Slash commands over the gateway, for bots without a public HTTPS endpoint. Kept thin:
 * it only turns a discord.js interaction into the same invocation the HTTP path builds.
 * discord.js heartbeats, resumes after a dropped connection and answers through REST.
 */
export function createDiscordGateway(opts: DiscordGatewayOptions): { client: Client; start(): Promise<void>; stop(): Promise<void> } {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(opts.apiUrl ? { rest: { api: opts.apiUrl } } : {}) });
  const clock = opts.clock ?? (() => new Date());
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand() || interaction.commandName !== ALERTS_COMMAND) return;
    answer(interaction, opts.deps, clock()).catch((err: unknown) => opts.onError?.(err));
  });
  return {
    client,
    async start() {
      await client.login(opts.token);
    },
    async stop() {
      await client.destroy();
    },
  };
}

function fromGatewayInteraction(i: ChatInputCommandInteraction): AlertsInvocation {
  const sub = i.options.data[0];
  return {
    subcommand: i.options.getSubcommand(false) ?? 'help',
    options: (sub?.options ?? []).map((o) => ({ name: o.name, value: o.value })),
    channelId: i.channelId,
    userId: i.user.id,
    ...(i.guildId ? { guildId: i.guildId } : {}),
    permissions: i.memberPermissions?.bitfield ?? null,
    locale: i.locale,
    ...(i.guildLocale ? { guildLocale: i.guildLocale } : {}),
  };
}

async function answer(i: ChatInputCommandInteraction, deps: CommandDeps, now: Date): Promise<void> {
  const raced = await raceDeadline(runInvocation(fromGatewayInteraction(i), deps, now));
  if (raced.done) {
    const data = toDiscordReply(raced.value);
    await i.reply({ embeds: data.embeds, allowedMentions: { parse: [] }, ...(data.flags ? { flags: MessageFlags.Ephemeral } : {}) });
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const data = toDiscordReply(await raced.later);
  await i.editReply({ embeds: data.embeds, allowedMentions: { parse: [] } });
}
