import type { Positional } from './command-spec';

export type ParsedText = { subcommand: string; args: Record<string, string> } | { subcommand: string; error: string };

/** Spellings people type for a key, mapped to the one the commands read. */
const KEY_ALIASES: Record<string, string> = {
  min_severity: 'min-severity',
  minseverity: 'min-severity',
  severity: 'min-severity',
  kind: 'kinds',
  language: 'languages',
  lang: 'languages',
  tz: 'timezone',
  time_zone: 'timezone',
};

/**
 * Slack's slash-command text → subcommand and named arguments:
 * `status FR`, `recent FR 48`, `subscribe countries=FR,GB kinds=attack min-severity=high`.
 * `key:value` works like `key=value`; spaces after commas are forgiven. Bare words are
 * matched to the subcommand's positionals by pattern, in order.
 */
export function parseCommandText(text: string, positionals: (subcommand: string) => readonly Positional[] | undefined): ParsedText {
  const tokens = text.replace(/\s*,\s*/g, ',').trim().split(/\s+/).filter(Boolean);
  const subcommand = (tokens.shift() ?? 'help').toLowerCase();
  const args: Record<string, string> = {};
  const free = [...(positionals(subcommand) ?? [])];
  for (const token of tokens) {
    const kv = /^([A-Za-z][A-Za-z_-]*)[=:](.*)$/.exec(token);
    if (kv) {
      const raw = (kv[1] ?? '').toLowerCase();
      const key = KEY_ALIASES[raw] ?? raw.replace(/_/g, '-');
      const value = kv[2] ?? '';
      if (value === '') return { subcommand, error: `"${token}" has no value: write ${key}=…` };
      if (key in args) return { subcommand, error: `${key} is given twice` };
      args[key] = value;
      continue;
    }
    const i = free.findIndex((p) => p.pattern.test(token) && !(p.name in args));
    const slot = free[i];
    if (!slot) return { subcommand, error: `"${token}" is not understood here` };
    free.splice(i, 1);
    args[slot.name] = token;
  }
  return { subcommand, args };
}
