import type { CommandReply } from '../../commands';

/** Slack's limits: a section's text, blocks per message. */
const MAX_SECTION_TEXT = 3000;
const MAX_BLOCKS = 50;
const MAX_FIELDS = 10;
const MAX_FIELD_TEXT = 2000;

/** Slack's three control characters; escaped, a feed's `<!channel>` is inert text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Block = Record<string, unknown>;

export interface SlackReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: Block[];
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Lines packed into as few sections as fit. */
function lineSections(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines.map((l) => cut(escapeSlack(l), MAX_SECTION_TEXT))) {
    if (current && current.length + 1 + line.length > MAX_SECTION_TEXT) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

/** A command reply as a slash-command response in Block Kit; ephemeral when the reply says so. */
export function toSlackReply(reply: CommandReply): SlackReply {
  const title = escapeSlack(reply.title);
  const blocks: Block[] = [section(`*${cut(title, MAX_SECTION_TEXT - 2)}*`), ...lineSections(reply.lines)];
  if (reply.fields?.length) {
    blocks.push({
      type: 'section',
      fields: reply.fields.slice(0, MAX_FIELDS).map((f) => ({ type: 'mrkdwn', text: cut(`*${escapeSlack(f.name)}*\n${escapeSlack(f.value)}`, MAX_FIELD_TEXT) })),
    });
  }
  if (blocks.length > MAX_BLOCKS) blocks.splice(MAX_BLOCKS - 1, blocks.length, section('…'));
  return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', text: title, blocks };
}
