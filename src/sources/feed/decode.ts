import { TextDecoder } from 'node:util';

/**
 * Bytes → text for feeds and pages. The encoding is taken from, in order: a byte-order
 * mark, the Content-Type charset, the XML prolog (or an HTML meta charset), else UTF-8.
 * Never throws: unknown labels are skipped and invalid bytes become U+FFFD.
 */
export function decode(bytes: Uint8Array, contentType?: string): string {
  return decodeWithInfo(bytes, contentType).text;
}

export interface Decoded {
  text: string;
  /** The WHATWG encoding name used, e.g. "utf-8", "windows-1251". */
  encoding: string;
  /** Where the choice came from. */
  from: 'bom' | 'content-type' | 'prolog' | 'meta' | 'sniff' | 'default';
}

export function decodeWithInfo(bytes: Uint8Array, contentType?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: run(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, from: 'bom' };

  const declared = declaredEncoding(bytes);
  const header = decoderFor(charsetOf(contentType));
  if (header) {
    // Servers often label everything utf-8; when the bytes disagree and the document names
    // another encoding, believe the document.
    if (header.encoding === 'utf-8' && declared && declared.encoding !== 'utf-8' && !isValidUtf8(bytes)) {
      return { text: run(declared.encoding, bytes), encoding: declared.encoding, from: 'prolog' };
    }
    return { text: run(header.encoding, bytes), encoding: header.encoding, from: 'content-type' };
  }
  if (declared) {
    // A prolog that claims a single-byte charset over valid multi-byte UTF-8 is a lie we can see.
    if (declared.encoding !== 'utf-8' && hasMultiByteUtf8(bytes) && isValidUtf8(bytes)) {
      return { text: run('utf-8', bytes), encoding: 'utf-8', from: 'sniff' };
    }
    if (declared.encoding === 'utf-8') return utf8OrLatin(bytes, 'prolog');
    return { text: run(declared.encoding, bytes), encoding: declared.encoding, from: metaOrProlog(bytes) };
  }
  const sniffed = utf16WithoutBom(bytes);
  if (sniffed) return { text: run(sniffed, bytes), encoding: sniffed, from: 'sniff' };
  return utf8OrLatin(bytes, 'default');
}

/**
 * UTF-8 with invalid bytes replaced — unless invalid sequences outnumber valid ones, the
 * mark of a Latin-1/Windows-1252 document labelled (or defaulted) as UTF-8.
 */
function utf8OrLatin(bytes: Uint8Array, from: 'prolog' | 'default'): Decoded {
  const text = run('utf-8', bytes);
  const bad = countMatches(text, /\uFFFD/g);
  if (bad > 0 && bad >= countMatches(text, /[\u0080-\uFFFC\uFFFE-\uFFFF]/g)) {
    return { text: run('windows-1252', bytes), encoding: 'windows-1252', from: 'sniff' };
  }
  return { text, encoding: 'utf-8', from };
}

function run(encoding: string, bytes: Uint8Array): string {
  return fixC1(encoding, new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes));
}

// Node 20's TextDecoder decodes windows-1252 (and so "iso-8859-1", its WHATWG alias) as
// plain Latin-1, leaving bytes 0x80–0x9F as C1 controls: map them as the standard says.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function fixC1(encoding: string, text: string): string {
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase(), { fatal: false, ignoreBOM: true });
  } catch {
    return undefined; // unknown label: fall through to the next clue
  }
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function utf16WithoutBom(b: Uint8Array): string | undefined {
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c && b[3] === 0x3f) return 'utf-16be';
  return undefined;
}

export function charsetOf(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return m?.[1];
}

const PROLOG = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const META = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i;

function head(bytes: Uint8Array): string {
  // Latin-1 maps bytes 1:1 so ASCII declarations read the same in any ASCII-compatible charset.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
}

function declaredEncoding(bytes: Uint8Array): TextDecoder | undefined {
  const start = head(bytes);
  const label = PROLOG.exec(start)?.[1] ?? META.exec(start)?.[1];
  const decoder = decoderFor(label);
  // A UTF-16 label read through ASCII bytes cannot be true (no BOM, prolog was readable).
  if (decoder && decoder.encoding.startsWith('utf-16')) return undefined;
  return decoder;
}

function metaOrProlog(bytes: Uint8Array): 'prolog' | 'meta' {
  return PROLOG.test(head(bytes)) ? 'prolog' : 'meta';
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}
