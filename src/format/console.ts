import type { AlertMessage } from './message';
import { stripControl } from './text';

/** A readable block for a terminal; control characters from feeds are dropped. */
export function toConsoleText(msg: AlertMessage): string {
  const lines = [`[${msg.severity.toUpperCase()}] ${msg.title}`];
  if (msg.body) lines.push(...msg.body.split('\n').map((l) => `  ${l}`));
  for (const f of msg.fields) lines.push(`  ${f.name}: ${f.value}`);
  if (msg.url) lines.push(`  ${msg.url}`);
  if (msg.footer) lines.push(`  ${msg.footer}`);
  return stripControl(lines.join('\n'));
}
