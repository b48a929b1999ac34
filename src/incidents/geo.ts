import countries from 'i18n-iso-countries';
import type { Place } from '../model';

/** Country names (English, as the gazetteer reports them): a country is not a place for grouping. */
const COUNTRY_NAMES = new Set(
  Object.values(countries.getNames('en', { select: 'all' }))
    .flat()
    .map((n) => n.toLowerCase()),
);

/** Places finer than a country: cities, suburbs, venues. */
export function localPlaces(places: readonly Place[]): Place[] {
  return places.filter((p) => !COUNTRY_NAMES.has(p.name.toLowerCase()));
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A suburb and its city are one place for grouping; two cities are not. */
export const SAME_AREA_KM = 60;

export type PlaceVerdict = 'same' | 'different' | 'unknown';

export function comparePlaces(all: readonly Place[], other: readonly Place[]): PlaceVerdict {
  const a = localPlaces(all);
  const b = localPlaces(other);
  if (!a.length || !b.length) return 'unknown';
  for (const p of a) {
    for (const q of b) {
      if (p.name.toLowerCase() === q.name.toLowerCase() && p.country === q.country) return 'same';
      if (p.lat !== undefined && p.lon !== undefined && q.lat !== undefined && q.lon !== undefined) {
        if (distanceKm({ lat: p.lat, lon: p.lon }, { lat: q.lat, lon: q.lon }) <= SAME_AREA_KM) return 'same';
      }
    }
  }
  return 'different';
}
