/**
 * Index keys of incidents, so grouping asks the store for the few incidents a report could
 * join (same place, area, actor, authority, or country on a nearby day) instead of scoring
 * every open one. The store keeps the keys opaque; both sides are computed here.
 */
import type { Detection, Incident, Place } from '../model';
import { localPlaces, SAME_AREA_KM } from './geo';

const DAY_MS = 86_400_000;

function placeKey(p: Place): string {
  return `place:${p.name.toLowerCase()}|${p.country}`;
}

/** Cells of a quarter degree; a report asks for every cell within 60 km ("same area") of its places. */
const CELLS_PER_DEGREE = 4;
const CELL_KM = 111.32 / CELLS_PER_DEGREE;
function cell(lat: number, lon: number): string {
  return `cell:${Math.floor(lat * CELLS_PER_DEGREE)}:${Math.floor(lon * CELLS_PER_DEGREE)}`;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function reportDays(incident: Incident): string[] {
  const days = new Set<string>();
  for (const r of incident.reports) {
    const t = Date.parse(r.at);
    if (!Number.isNaN(t)) days.add(day(t));
  }
  return [...days];
}

/** What an incident is filed under. */
export function incidentIndexKeys(incident: Incident): string[] {
  const keys = new Set<string>();
  for (const p of localPlaces(incident.places)) {
    keys.add(placeKey(p));
    if (p.lat !== undefined && p.lon !== undefined) keys.add(cell(p.lat, p.lon));
  }
  for (const a of incident.actors) keys.add(`actor:${a}`);
  if (incident.key) keys.add(`authority:${incident.key}`);
  const days = reportDays(incident);
  // A report that names a place meets, by country alone, only incidents that name none
  // (otherwise the places decide): those are filed apart, so big countries stay cheap.
  const prefixes = localPlaces(incident.places).length ? ['country'] : ['country', 'country-unplaced'];
  for (const c of incident.countries) {
    for (const pre of prefixes) {
      keys.add(`${pre}:${c}`);
      for (const d of days) keys.add(`${pre}:${c}:${d}`);
    }
  }
  for (const d of days) keys.add(`day:${d}`);
  // An incident that names neither a place nor a country can be met on its days (or, undated, at
  // all) by any report: nothing else would lead a report that names a place to it. Rare.
  const nowhere = !incident.countries.length && !localPlaces(incident.places).length;
  if (nowhere) for (const d of days) keys.add(`nowhere:${d}`);
  if (!days.length) {
    keys.add('undated');
    if (nowhere) keys.add('undated-nowhere');
    for (const c of incident.countries) keys.add(`undated-country:${c}`);
  }
  keys.add('any');
  return [...keys];
}

/**
 * The keys under which an incident this report could join is filed. `windowMs` bounds how
 * far apart in time a dated report and its incident may be (see grouping.ts).
 */
export function candidateIndexKeys(d: Detection, at: string | undefined, windowMs: number): string[] {
  const keys = new Set<string>();
  const local = localPlaces(d.places);
  for (const p of local) {
    keys.add(placeKey(p));
    if (p.lat !== undefined && p.lon !== undefined) {
      // Enough cells east and west to span the 60 km of "same area" at this latitude.
      const north = Math.ceil(SAME_AREA_KM / CELL_KM);
      const east = Math.min(90 * CELLS_PER_DEGREE, Math.ceil(SAME_AREA_KM / (CELL_KM * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)))));
      const step = 1 / CELLS_PER_DEGREE;
      for (let dy = -north; dy <= north; dy++) for (let dx = -east; dx <= east; dx++) keys.add(cell(p.lat + dy * step, p.lon + dx * step));
    }
  }
  for (const a of d.actors) keys.add(`actor:${a}`);
  if (d.authority) keys.add(`authority:${d.authority}`);
  const t = at ? Date.parse(at) : Number.NaN;
  const days: string[] = [];
  if (!Number.isNaN(t)) for (let x = t - windowMs; x <= t + windowMs + DAY_MS - 1; x += DAY_MS) days.push(day(x));
  const pre = local.length ? 'country-unplaced' : 'country';
  for (const c of d.countries) {
    if (!days.length) keys.add(`${pre}:${c}`);
    for (const dd of days) keys.add(`${pre}:${c}:${dd}`);
  }
  // A report that names nothing can still join on words: ask for every incident of its days
  // (or every one, undated). Rare, and bounded by the caller's limit.
  if (keys.size === 0) {
    if (days.length) for (const dd of days) keys.add(`day:${dd}`);
    else keys.add('any');
    keys.add('undated');
  }
  // Undated incidents carry no day key: a country is where a dated report meets them.
  if (days.length) for (const c of d.countries) keys.add(`undated-country:${c}`);
  // Incidents that name nowhere: those of the days around, or any undated one when this report is undated too.
  for (const dd of days) keys.add(`nowhere:${dd}`);
  if (!days.length) keys.add('undated-nowhere');
  return [...keys];
}
