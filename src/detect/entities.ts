/**
 * Places, countries, actors and authorities from one scan's hits. Place names must be
 * written with a capital (so "nice weather" is not Nice); a place inside a longer one
 * ("Orleans" in "New Orleans") is dropped; demonyms count only when no place is named.
 */
import type { Place } from '../model/detection';
import type { CompiledDetectorConfig } from './compiled-types';
import type { Token } from './normalise';
import { looksProper } from './normalise';
import type { OwnedHit } from './term-index';

export interface Entities {
  places: Place[];
  countries: string[];
  actors: string[];
  authorities: string[];
}

interface Span {
  start: number;
  end: number;
}

function inside(a: Span, b: Span): boolean {
  return b.start <= a.start && a.end <= b.end && (b.end - b.start) > (a.end - a.start);
}

/** Countries ordered by how often they are named, then by first mention. */
function rankCountries(mentions: string[]): string[] {
  const counts = new Map<string, number>();
  for (const c of mentions) counts.set(c, (counts.get(c) ?? 0) + 1);
  const order = [...counts.keys()];
  return order.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b));
}

export function extractEntities(cfg: CompiledDetectorConfig, tokens: Token[], hits: OwnedHit[]): Entities {
  const placeHits: (Span & { p: number })[] = [];
  const demonymHits: number[] = [];
  const actorHits: (Span & { id: string })[] = [];
  const authorities: string[] = [];
  for (const h of hits) {
    const o = h.owner;
    if (o.t === 'place') {
      const place = cfg.places[o.p];
      if (!place) continue;
      if (place.demonym) demonymHits.push(o.p);
      else if (looksProper(tokens[h.start]?.orig ?? '')) placeHits.push({ start: h.start, end: h.end, p: o.p });
    } else if (o.t === 'actor') {
      const id = cfg.actors[o.a]?.id;
      if (id !== undefined) actorHits.push({ start: h.start, end: h.end, id });
    } else if (o.t === 'authority') {
      const id = cfg.authorities[o.a]?.id;
      if (id !== undefined && !authorities.includes(id)) authorities.push(id);
    }
  }
  // "IS-K" also contains "IS": the longer name wins.
  const actors = [...new Set(actorHits.filter((h) => !actorHits.some((o) => inside(h, o))).map((h) => h.id))];
  const kept = placeHits
    .filter((h) => !placeHits.some((o) => inside(h, o)))
    .sort((a, b) => a.start - b.start);
  const places: Place[] = [];
  const mentions: string[] = [];
  for (const h of kept) {
    const p = cfg.places[h.p];
    if (!p) continue;
    mentions.push(p.country);
    if (!places.some((x) => x.name === p.name && x.country === p.country)) {
      places.push(p.lat !== undefined && p.lon !== undefined ? { name: p.name, country: p.country, lat: p.lat, lon: p.lon } : { name: p.name, country: p.country });
    }
  }
  if (mentions.length === 0) {
    for (const i of demonymHits) {
      const p = cfg.places[i];
      if (p) mentions.push(p.country);
    }
  }
  return { places, countries: rankCountries(mentions), actors, authorities };
}
