/**
 * The gazetteer's display names per language: `display: {fr: Moscou, de: Moskau}` on a place of
 * `config/places/*.yaml`. Detection matches every alias; messages show the reader's display name,
 * else the English one. The detector's loader validates these files; this only picks the names.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { PlaceNames } from '../format';
import { isLocale } from '../model/locale';

interface PlaceEntry {
  name?: unknown;
  country?: unknown;
  display?: unknown;
}

export function loadPlaceNames(configDir: string): PlaceNames {
  const dir = path.join(configDir, 'places');
  const out: PlaceNames = {};
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    // Every CLI command loads the config: the big generated lists (no display names) are not parsed again.
    if (!/\bdisplay:/.test(text)) continue;
    let doc: { places?: PlaceEntry[] } | undefined;
    try {
      doc = YAML.parse(text) as typeof doc;
    } catch {
      continue; // the detector's loader reports a broken file
    }
    for (const p of doc?.places ?? []) {
      if (typeof p.name !== 'string' || typeof p.country !== 'string' || !p.display || typeof p.display !== 'object') continue;
      const names: PlaceNames[string] = {};
      for (const [lang, shown] of Object.entries(p.display as Record<string, unknown>)) {
        if (isLocale(lang) && typeof shown === 'string') names[lang] = shown;
      }
      out[`${p.country}|${p.name}`] = { ...out[`${p.country}|${p.name}`], ...names };
    }
  }
  return out;
}
