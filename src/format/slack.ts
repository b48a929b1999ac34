import type { Severity } from '../model';
import type { AlertMessage } from './message';
import { escapeSlack, escapeSlackPlain, slackLink } from './escape';
import { fitEscaped, safeUrl } from './text';

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: boolean } }
  | { type: 'section'; text?: { type: 'mrkdwn'; text: string }; fields?: { type: 'mrkdwn'; text: string }[] }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] };

export interface SlackMessage {
  /** Plain fallback for notifications and clients without blocks. */
  text: string;
  blocks: SlackBlock[];
}

/** Block Kit limits (https://api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = { header: 150, sectionText: 3000, fields: 10, fieldText: 2000, context: 3000, text: 3000 } as const;

const MARKERS: Record<Severity, string> = { low: '⚪', medium: '🟡', high: '🟠', critical: '🔴' };

export function toSlackMessage(msg: AlertMessage): SlackMessage {
  const L = SLACK_LIMITS;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: fitEscaped(`${MARKERS[msg.severity]} ${msg.title}`, L.header, escapeSlackPlain), emoji: true } },
  ];
  const url = safeUrl(msg.url);
  const link = url ? slackLink(url, 'Source') : '';
  const room = L.sectionText - (link ? link.length + 1 : 0);
  const body = [fitEscaped(msg.body, room, escapeSlack), link].filter(Boolean).join('\n');
  if (body) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: body } });
  const fields = msg.fields.slice(0, L.fields).map((f) => {
    const name = fitEscaped(f.name, 200, escapeSlack);
    return { type: 'mrkdwn' as const, text: `*${name}*\n${fitEscaped(f.value, L.fieldText - name.length - 3, escapeSlack)}` };
  });
  if (fields.length) blocks.push({ type: 'section', fields });
  const footer = fitEscaped(msg.footer, L.context, escapeSlack);
  if (footer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: footer }] });
  const text = fitEscaped([msg.title, msg.body].filter(Boolean).join('\n'), L.text, escapeSlack);
  return { text, blocks };
}

/** A plain-text thread reply. */
export function toSlackReply(text: string): { text: string } {
  return { text: fitEscaped(text, SLACK_LIMITS.text, escapeSlack) };
}
