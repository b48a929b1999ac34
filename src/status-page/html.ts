const SPECIAL = /[&<>"']/;

/** Escape text for HTML element content and quoted attribute values. */
export function esc(s: string | number | undefined): string {
  if (s === undefined) return '';
  const text = String(s);
  // Most text has nothing to escape: skip the replace (the page escapes thousands of cells).
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A `<time>` element: machine-readable instant, human text. */
export function timeTag(iso: string | undefined, text: (iso: string) => string): string {
  if (!iso) return '—';
  return `<time datetime="${esc(iso)}">${esc(text(iso))}</time>`;
}
