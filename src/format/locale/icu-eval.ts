import type { IntlMessageFormat } from 'intl-messageformat';
import type { MessageValues } from './localiser';

/**
 * A fast path for the ICU messages the catalogues use: text, `{arg}`, `{n, number}`,
 * `{x, select, …}`, `{n, plural, …}` with `#`. intl-messageformat parses the message (and
 * formats anything else); walking its syntax tree here with shared Intl objects is several
 * times quicker than its general `format`, which keeps a localised message within the render
 * budget (bench/localised-render.ts). Same rules: exact `=n` first, then the plural category.
 */

/** The syntax tree node kinds of @formatjs/icu-messageformat-parser that we evaluate. */
const LITERAL = 0;
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;

interface Node {
  type: number;
  value?: string;
  style?: unknown;
  offset?: number;
  pluralType?: 'cardinal' | 'ordinal';
  options?: Record<string, { value: Node[] }>;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Bounded memo: figures and categories repeat (the same toll in every channel), Intl calls cost. */
const memo = new Map<string, string>();
function remember(key: string, make: () => string): string {
  let v = memo.get(key);
  if (v === undefined) {
    if (memo.size > 5000) memo.clear();
    memo.set(key, (v = make()));
  }
  return v;
}

function category(locale: string, type: 'cardinal' | 'ordinal', n: number): string {
  return remember(`p|${locale}|${type}|${n}`, () => {
    let r = pluralRules.get(`${locale}|${type}`);
    if (!r) pluralRules.set(`${locale}|${type}`, (r = new Intl.PluralRules(locale, { type })));
    return r.select(n);
  });
}

function number(locale: string, n: number): string {
  return remember(`n|${locale}|${n}`, () => {
    let f = numberFormats.get(locale);
    if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
    return f.format(n);
  });
}

/** True when every node is one we evaluate ourselves. */
function supported(nodes: Node[]): boolean {
  return nodes.every((n) => {
    if (n.type === LITERAL || n.type === ARGUMENT || n.type === POUND) return true;
    if (n.type === NUMBER) return n.style === null || n.style === undefined;
    if (n.type === SELECT || (n.type === PLURAL && !n.offset)) return Object.values(n.options ?? {}).every((o) => supported(o.value));
    return false;
  });
}

/** Undefined when a value is missing or of the wrong kind (the caller falls back to English). */
function run(nodes: Node[], values: MessageValues, locale: string, pound: number | undefined): string | undefined {
  let out = '';
  for (const n of nodes) {
    if (n.type === LITERAL) out += n.value ?? '';
    else if (n.type === POUND) {
      if (pound === undefined) return undefined;
      out += number(locale, pound);
    } else {
      const v = values[n.value ?? ''];
      if (v === undefined) return undefined;
      if (n.type === ARGUMENT) out += String(v);
      else if (n.type === NUMBER) {
        if (typeof v !== 'number') return undefined;
        out += number(locale, v);
      } else if (n.type === SELECT) {
        const branch = n.options?.[String(v)] ?? n.options?.other;
        const text = branch && run(branch.value, values, locale, pound);
        if (text === undefined) return undefined;
        out += text;
      } else {
        if (typeof v !== 'number') return undefined;
        const branch = n.options?.[`=${v}`] ?? n.options?.[category(locale, n.pluralType ?? 'cardinal', v)] ?? n.options?.other;
        const text = branch && run(branch.value, values, locale, v);
        if (text === undefined) return undefined;
        out += text;
      }
    }
  }
  return out;
}

/** A formatter for a parsed message: our walk when it covers the message, the library's otherwise. */
export function fastFormat(fmt: IntlMessageFormat, locale: string): (values: MessageValues | undefined) => string | undefined {
  const ast = fmt.getAst() as unknown as Node[];
  if (!supported(ast)) {
    return (values) => {
      try {
        const out = fmt.format(values);
        return typeof out === 'string' ? out : Array.isArray(out) ? out.join('') : String(out);
      } catch {
        return undefined;
      }
    };
  }
  return (values) => run(ast, values ?? {}, locale, undefined);
}
