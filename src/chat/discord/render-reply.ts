import { escapeDiscord, fitEscaped } from '../../format';
import type { CommandReply } from '../../commands';

/** Discord's embed limits. */
const MAX_TITLE = 256;
const MAX_DESCRIPTION = 4096;
const MAX_FIELDS = 25;
const MAX_FIELD_NAME = 256;
const MAX_FIELD_VALUE = 1024;
const EPHEMERAL = 64;
const COLOR_OK = 0x2e7d32;
const COLOR_ERROR = 0xc62828;

export interface DiscordReplyData {
  embeds: {
    title: string;
    description?: string;
    color: number;
    fields?: { name: string; value: string }[];
  }[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whole lines up to the limit, so a URL is never cut in half. */
function joinLines(lines: string[], max: number): string {
  let out = '';
  for (const line of lines.map(escapeDiscord)) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max - 2) return out ? `${out}\n…` : cut(line, max);
    out = next;
  }
  return out;
}

/** A command reply as interaction message data: one embed, mentions off, ephemeral when asked. */
export function toDiscordReply(reply: CommandReply): DiscordReplyData {
  const embed: DiscordReplyData['embeds'][number] = {
    title: fitEscaped(reply.title, MAX_TITLE, escapeDiscord) || '\u200b',
    color: reply.ok ? COLOR_OK : COLOR_ERROR,
  };
  const description = joinLines(reply.lines, MAX_DESCRIPTION);
  if (description) embed.description = description;
  if (reply.fields?.length) {
    embed.fields = reply.fields.slice(0, MAX_FIELDS).map((f) => ({
      name: fitEscaped(f.name, MAX_FIELD_NAME, escapeDiscord) || '\u200b',
      value: fitEscaped(f.value, MAX_FIELD_VALUE, escapeDiscord) || '\u200b',
    }));
  }
  const data: DiscordReplyData = { embeds: [embed], allowed_mentions: { parse: [] } };
  if (reply.ephemeral) data.flags = EPHEMERAL;
  return data;
}
