/**
 * What a command answers: platform-neutral plain text. Adapters escape it for their
 * own markup, so nothing here may assume a markup language.
 */
export interface CommandReply {
  ok: boolean;
  /** Shown only to the person who asked (errors, admin confirmations). */
  ephemeral: boolean;
  title: string;
  lines: string[];
  fields?: { name: string; value: string }[];
}

export function answer(title: string, lines: string[], fields?: CommandReply['fields']): CommandReply {
  return fields ? { ok: true, ephemeral: false, title, lines, fields } : { ok: true, ephemeral: false, title, lines };
}

/** A success only the asker sees (admin confirmations). */
export function confirm(title: string, lines: string[]): CommandReply {
  return { ok: true, ephemeral: true, title, lines };
}

/** A refusal or a mistake in the request: only the asker sees it. */
export function refuse(title: string, lines: string[]): CommandReply {
  return { ok: false, ephemeral: true, title, lines };
}

/** Compact UTC time, e.g. `2024-03-22 19:20 UTC`. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
