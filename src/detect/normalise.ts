/**
 * Text normalisation shared by rule compilation and matching: NFKC, case folding,
 * accent folding on Latin letters only (folding every mark would break Cyrillic й/ё
 * and Arabic), Arabic spelling variants folded (outlets differ on hamza seats and ta
 * marbuta), and tokenisation into words. Matching runs over the tokens joined by
 * single spaces, so punctuation never splits or joins a term.
 */

export interface Token {
  /** Folded form used for matching. */
  norm: string;
  /** NFKC form as written (case kept), for case-sensitive terms and display. */
  orig: string;
  /** Clause punctuation (, ; : . ! ? – —) stands between this token and the previous one. */
  brk?: true;
}

export interface NormalisedText {
  tokens: Token[];
  /** ` tok1 tok2 … ` — every token padded by one space on each side. */
  text: string;
  /** Character offset in `text` → index of the token that starts there (or -1). */
  tokenStartAt: Int32Array;
}

// A number with thousands separators is one token ("5,000"); otherwise words of letters,
// marks and digits ("650th", "Terroranschlag", "москве").
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}{3})*(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+/gu;
const ASCII_WORD = /^[a-z0-9]+$/;
// Latin and Greek letters lose their accents (Greek headlines drop the tonos in capitals).
const FOLDED_BASE = /^[a-z\u0391-\u03c9]/;
const MARKS = /\p{M}+/gu;
const CLAUSE_BREAK = /[,;:.!?\u2013\u2014()[\]"“”«»]/;

// Latin letters that do not decompose under NFD.
const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd', ħ: 'h', ς: 'σ',
};

function foldChar(c: string): string {
  const special = SPECIAL[c];
  if (special !== undefined) return special;
  const d = c.normalize('NFD');
  return d.length > 1 && FOLDED_BASE.test(d) ? d.replace(MARKS, '') : c;
}

// Arabic outlets spell one name several ways ("أنقرة", "انقره"): hamza seats and madda become a
// bare alef, ta marbuta a ha, alef maqsura a ya; tatweel and vowel marks (harakat) go.
const ARABIC = /[\u0600-\u06ff]/;
const MARK_OR_TATWEEL = /[\p{M}\u0640]/gu;
function arabicMarkOrTatweel(c: string): boolean {
  const x = c.codePointAt(0) ?? 0;
  return x === 0x640 || (x >= 0x64b && x <= 0x65f) || x === 0x670;
}
const ARABIC_VARIANT = /[\u0622\u0623\u0625\u0671\u0629\u0649]/g;
const ARABIC_BASE: Record<string, string> = {
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627', '\u0629': '\u0647', '\u0649': '\u064a',
};

/** Arabic spelling folded as described above; text without Arabic letters is returned as is. */
export function foldArabic(s: string): string {
  if (!ARABIC.test(s)) return s;
  return s.replace(MARK_OR_TATWEEL, (c) => (arabicMarkOrTatweel(c) ? '' : c)).replace(ARABIC_VARIANT, (c) => ARABIC_BASE[c] ?? c);
}

/** Folds one lower-cased word: Latin and Greek accents removed, Arabic spelling folded, other scripts left intact. */
export function foldWord(lower: string): string {
  if (ASCII_WORD.test(lower)) return lower;
  let out = '';
  for (const c of lower) out += foldChar(c);
  return foldArabic(out);
}

export function tokenise(raw: string): Token[] {
  const text = raw.normalize('NFKC');
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const orig = m[0];
    const token: Token = { orig, norm: foldWord(orig.toLowerCase()) };
    if (tokens.length > 0 && CLAUSE_BREAK.test(text.slice(last, m.index))) token.brk = true;
    tokens.push(token);
    last = m.index + orig.length;
  }
  return tokens;
}

export function normaliseText(raw: string): NormalisedText {
  const tokens = tokenise(raw);
  let text = ' ';
  const starts: number[] = [];
  for (const t of tokens) {
    starts.push(text.length);
    text += t.norm + ' ';
  }
  const tokenStartAt = new Int32Array(text.length).fill(-1);
  starts.forEach((s, i) => { tokenStartAt[s] = i; });
  return { tokens, text, tokenStartAt };
}

/** Whether a token is written with a leading capital (or in a script without case). */
export function looksProper(orig: string): boolean {
  const first = orig[0] ?? '';
  return first.toLowerCase() !== first || first.toUpperCase() === first;
}
