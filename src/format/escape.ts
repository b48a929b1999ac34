import { stripControl } from './text';

/**
 * The one escaping rule per platform, for every text that may come from outside (feed text,
 * names, command input): alerts (format/discord, format/slack) and command replies
 * (chat/*\/render-reply) all escape through here.
 */

/** Bare http(s) links: escaping inside one would break the link. */
const URL_PATTERN = /(https?:\/\/[^\s<>]+)/;

function outsideUrls(s: string, escape: (part: string) => string): string {
  return s
    .split(URL_PATTERN)
    .map((part, i) => (i % 2 === 1 ? part : escape(part)))
    .join('');
}

/**
 * Break `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&role>`, `<#channel>` and `</cmd:id>` with a
 * zero-width space. allowed_mentions already stops pings; this keeps them from even rendering.
 */
export function neutraliseMentions(s: string): string {
  return s.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(?=[@#/])/g, '<\u200b');
}

/** Discord markdown: a backslash before each marker; quotes, headings and lists only at a line start. */
function escapeDiscordMarkdown(s: string): string {
  return s.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/^(\s*)([>#-])/gm, '$1\\$2');
}

/** Text for Discord markdown (embed title, description, fields, message content). */
export function escapeDiscord(s: string): string {
  return neutraliseMentions(outsideUrls(stripControl(s), escapeDiscordMarkdown));
}

/** Text Discord shows without markdown (embed footers): only defused, not escaped. */
export function plainDiscord(s: string): string {
  return neutraliseMentions(stripControl(s));
}

/**
 * Slack mrkdwn has no escape character for its markers, and a zero-width space next to one
 * *enables* formatting rather than stopping it. So each marker becomes a look-alike that
 * Slack never formats: ∗ (U+2217), ˍ (U+02CD), ∼ (U+223C), ˋ (U+02CB).
 */
const SLACK_LOOKALIKES: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c', '`': '\u02cb' };

/** Slack's three control characters; with them escaped `<!channel>` or `<@U…>` is just text. */
function slackEntities(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a `plain_text` object (headers): no formatting applies, only the entities. */
export function escapeSlackPlain(s: string): string {
  return slackEntities(stripControl(s));
}

/**
 * Text for a `mrkdwn` object or message `text`: entities, look-alikes for the markers (outside
 * links, which Slack does not format), and a soft hyphen before a line-initial `>` so it quotes nothing.
 */
export function escapeSlack(s: string): string {
  const markers = outsideUrls(stripControl(s), (part) => part.replace(/[*_~`]/g, (c) => SLACK_LOOKALIKES[c] ?? c));
  return slackEntities(markers).replace(/^(\s*)&gt;/gm, '$1\u00ad&gt;');
}

/** `<url|label>`: a URL cannot carry `|` or `>` inside Slack's link syntax. */
export function slackLink(url: string, label: string): string {
  const u = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${u}|${label}>`;
}
