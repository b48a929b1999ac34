/**
 * Which of a feed's items were seen before, without parsing them. A busy feed polled every
 * few minutes repeats most of its items; parsing them again is most of a poll's cost. The
 * items are cut out of the (repaired) XML as text, each one's id is read from its lone
 * <guid> (RSS) or <id> (Atom) when that is plain text, and items whose id the caller has
 * seen are dropped from the document before it is parsed. Anything unusual (nesting,
 * markup or entities in the id, an unclosed item) keeps the item, or the whole document.
 */

/** Answers which of these ids are new (the store's `filterUnseen` for one source). */
export type UnseenFilter = (ids: string[]) => Promise<string[]>;

export interface Trimmed {
  /** The document with the seen items removed, everything else as it was. */
  xml: string;
  /** How many items it still holds: the parser must find exactly these. */
  kept: number;
  dropped: number;
}

const MAX_ID = 2048;
const MAX_ITEMS = 500;

interface Chunk {
  start: number;
  end: number;
  id?: string;
}

/** Top-level <item>/<entry> elements, outside CDATA and comments; undefined when the layout is not the plain one. */
export function itemChunks(xml: string): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let open: { at: number; name: 'item' | 'entry' } | undefined;
  const MARKERS = /<!\[CDATA\[|<!--|<\/?(item|entry)(?=[\s>/])/g;
  for (let m = MARKERS.exec(xml); m; m = MARKERS.exec(xml)) {
    const token = m[0];
    if (token === '<![CDATA[' || token === '<!--') {
      const end = xml.indexOf(token === '<!--' ? '-->' : ']]>', m.index);
      if (end < 0) return undefined;
      MARKERS.lastIndex = end + 3;
    } else if (token[1] !== '/') {
      if (open) return undefined; // nested items: leave it to the parser
      const close = xml.indexOf('>', m.index);
      if (close < 0 || xml[close - 1] === '/') return undefined;
      open = { at: m.index, name: m[1] as 'item' | 'entry' };
    } else {
      const close = xml.indexOf('>', m.index);
      if (!open || open.name !== m[1] || close < 0 || xml.slice(m.index + token.length, close).trim() !== '') return undefined;
      chunks.push({ start: open.at, end: close + 1, id: idOf(xml.slice(open.at, close + 1), open.name) });
      open = undefined;
      MARKERS.lastIndex = close + 1;
    }
  }
  return open || chunks.length > MAX_ITEMS ? undefined : chunks;
}

const ID_PATTERNS = {
  // The other id element could take precedence in the parser's mapping: no guessing then.
  item: { rival: /<id[\s>/]/, tags: /<guid[\s>/]/g, text: /<guid(?:\s[^>]*)?>([^<&\r]*)<\/guid\s*>/ },
  entry: { rival: /<guid[\s>/]/, tags: /<id[\s>/]/g, text: /<id(?:\s[^>]*)?>([^<&\r]*)<\/id\s*>/ },
} as const;

/** The id the parser would give the item, when one element holds it as plain text; else undefined. */
function idOf(chunk: string, name: 'item' | 'entry'): string | undefined {
  const p = ID_PATTERNS[name];
  if (p.rival.test(chunk) || chunk.match(p.tags)?.length !== 1) return undefined;
  const id = p.text.exec(chunk)?.[1]?.trim();
  return id && id.length <= MAX_ID ? id : undefined;
}

/** The document without the items `unseen` does not name; undefined when nothing could be dropped. */
export async function dropSeenItems(xml: string, unseen: UnseenFilter): Promise<Trimmed | undefined> {
  const chunks = itemChunks(xml);
  const known = chunks?.filter((c) => c.id !== undefined) ?? [];
  if (!chunks || known.length === 0) return undefined;
  const fresh = new Set(await unseen(known.map((c) => c.id as string)));
  const parts: string[] = [];
  let from = 0;
  let dropped = 0;
  for (const c of chunks) {
    if (c.id === undefined || fresh.has(c.id)) continue;
    parts.push(xml.slice(from, c.start));
    from = c.end;
    dropped++;
  }
  if (dropped === 0) return undefined;
  parts.push(xml.slice(from));
  return { xml: parts.join(''), kept: chunks.length - dropped, dropped };
}
