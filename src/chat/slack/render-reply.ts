import type { CommandReply } from '../../commands';
import { escapeSlack, fitEscaped } from '../../format';

/** Slack's limits: a section's text, blocks per message. */
const MAX_SECTION_TEXT = 3000;
const MAX_BLOCKS = 50;
const MAX_FIELDS = 10;
const MAX_FIELD_TEXT = 2000;

type Block = Record<string, unknown>;

export interface SlackReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: Block[];
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Lines packed into as few sections as fit. */
function lineSections(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines.map((l) => fitEscaped(l, MAX_SECTION_TEXT, escapeSlack))) {
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
  const title = fitEscaped(reply.title, MAX_SECTION_TEXT - 2, escapeSlack);
  const blocks: Block[] = [section(`*${title}*`), ...lineSections(reply.lines)];
  if (reply.fields?.length) {
    blocks.push({
      type: 'section',
      fields: reply.fields.slice(0, MAX_FIELDS).map((f) => {
        const name = fitEscaped(f.name, 200, escapeSlack);
        return { type: 'mrkdwn', text: `*${name}*\n${fitEscaped(f.value, MAX_FIELD_TEXT - name.length - 3, escapeSlack)}` };
      }),
    });
  }
  if (blocks.length > MAX_BLOCKS) blocks.splice(MAX_BLOCKS - 1, blocks.length, section('…'));
  return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', text: title, blocks };
}
