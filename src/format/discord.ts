import type { Severity } from '../model';
import type { AlertMessage } from './message';
import { escapeDiscord, plainDiscord as plain } from './escape';
import { fitEscaped, safeUrl } from './text';

export interface DiscordEmbed {
  title: string;
  description?: string;
  url?: string;
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
}

/** A Discord message body that can never ping anyone. */
export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
}

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000, content: 2000,
} as const;

const COLOURS: Record<Severity, number> = { low: 0x95a5a6, medium: 0xf1c40f, high: 0xe67e22, critical: 0xe74c3c };

function embedSize(e: DiscordEmbed): number {
  const fields = e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  return e.title.length + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields;
}

function validTimestamp(ts: string | undefined): string | undefined {
  if (!ts) return undefined;
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function toDiscordEmbed(msg: AlertMessage): DiscordEmbed {
  const L = DISCORD_LIMITS;
  const embed: DiscordEmbed = {
    title: fitEscaped(msg.title, L.title, escapeDiscord) || '\u200b',
    color: COLOURS[msg.severity],
    fields: msg.fields.slice(0, L.fields).map((f) => ({
      name: fitEscaped(f.name, L.fieldName, escapeDiscord) || '\u200b',
      value: fitEscaped(f.value, L.fieldValue, escapeDiscord) || '\u200b',
      inline: true,
    })),
  };
  const description = fitEscaped(msg.body, L.description, escapeDiscord);
  if (description) embed.description = description;
  const url = safeUrl(msg.url);
  if (url) embed.url = url;
  const footer = fitEscaped(msg.footer, L.footer, plain);
  if (footer) embed.footer = { text: footer };
  const timestamp = validTimestamp(msg.timestamp);
  if (timestamp) embed.timestamp = timestamp;
  // The 6000 total: shorten the description first, then drop trailing fields.
  const excess = embedSize(embed) - L.total;
  if (excess > 0 && embed.description) {
    const keep = Math.max(0, embed.description.length - excess);
    embed.description = fitEscaped(msg.body, keep, escapeDiscord) || undefined;
  }
  while (embedSize(embed) > L.total && embed.fields.length) embed.fields.pop();
  return embed;
}

export function toDiscordMessage(msg: AlertMessage): DiscordMessage {
  return { embeds: [toDiscordEmbed(msg)], allowed_mentions: { parse: [] } };
}

/** A plain-text reply (thread note). */
export function toDiscordReply(text: string): { content: string; allowed_mentions: { parse: [] } } {
  return { content: fitEscaped(text, DISCORD_LIMITS.content, escapeDiscord) || '\u200b', allowed_mentions: { parse: [] } };
}
