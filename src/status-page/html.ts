/** Escape text for HTML element content and quoted attribute values. */
export function esc(s: string | number | undefined): string {
  if (s === undefined) return '';
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A `<time>` element: machine-readable instant, human text. */
export function timeTag(iso: string | undefined, text: (iso: string) => string): string {
  if (!iso) return '—';
  return `<time datetime="${esc(iso)}">${esc(text(iso))}</time>`;
}
