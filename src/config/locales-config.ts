/**
 * Loads the message catalogues of `config/locales/<lang>.yaml` (one flat map of message key →
 * ICU MessageFormat text per language; English is built in, src/format/locale/en.ts) and says
 * what a translator left out or broke. Problems never stop the bot (a missing message falls
 * back to English); `tocsin check-config` reports them.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { IntlMessageFormat } from 'intl-messageformat';
import { EN, MESSAGE_KEYS, type Catalogue, type Catalogues, type MessageKey } from '../format';
import { isLocale, LOCALES } from '../model/locale';
import type { ConfigProblem } from './config-error';

export interface LoadedCatalogues {
  catalogues: Catalogues;
  problems: ConfigProblem[];
}

export function localesDir(configDir: string): string {
  return path.join(configDir, 'locales');
}

/** Reads every catalogue of the folder; a folder that does not exist means English only. */
export function loadCatalogues(configDir: string): LoadedCatalogues {
  const dir = localesDir(configDir);
  const out: LoadedCatalogues = { catalogues: {}, problems: [] };
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = path.join(dir, name);
    const lang = name.replace(/\.ya?ml$/, '');
    if (!isLocale(lang) || lang === 'en') {
      out.problems.push({ file, path: '', message: `"${lang}" is not a catalogue Tocsin reads`, fix: `name it after one of ${LOCALES.filter((l) => l !== 'en').join(', ')} (English is built in)` });
      continue;
    }
    const parsed = parseCatalogue(fs.readFileSync(file, 'utf8'), file, lang);
    out.problems.push(...parsed.problems);
    if (parsed.catalogue) out.catalogues[lang] = parsed.catalogue;
  }
  return out;
}

/** One catalogue's text → its messages and every problem: bad YAML, unknown or missing keys, messages that do not parse. */
export function parseCatalogue(text: string, file: string, lang: string): { catalogue?: Catalogue; problems: ConfigProblem[] } {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    return { problems: doc.errors.map((e) => ({ file, path: '', message: `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}` })) };
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file, path: '', message: 'a catalogue is a map of message key → text', fix: 'see config/locales/fr.yaml' }] };
  }
  const problems: ConfigProblem[] = [];
  const catalogue: Catalogue = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(key in EN)) {
      problems.push({ file, path: key, message: 'unknown message key', fix: 'use the keys of src/format/locale/en.ts' });
      continue;
    }
    if (typeof value !== 'string' || !value.trim()) {
      problems.push({ file, path: key, message: 'the message is not a text' });
      continue;
    }
    try {
      new IntlMessageFormat(value, lang === 'no' ? 'nb' : lang);
      catalogue[key as MessageKey] = value;
    } catch (e) {
      problems.push({ file, path: key, message: `the message does not parse as ICU MessageFormat (${e instanceof Error ? e.message : String(e)})`, fix: 'English is used meanwhile' });
    }
  }
  for (const key of MESSAGE_KEYS) {
    if (!(key in data)) problems.push({ file, path: key, message: 'missing: English has this message', fix: `translate "${EN[key]}" (English is used meanwhile)` });
  }
  return { catalogue, problems };
}
