import type { Place } from '../model';

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A suburb and its city are one place for grouping; two cities are not. */
const SAME_AREA_KM = 60;

export type PlaceVerdict = 'same' | 'different' | 'unknown';

export function comparePlaces(a: readonly Place[], b: readonly Place[]): PlaceVerdict {
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
