import type * as D3Geo from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import world from 'world-atlas/countries-110m.json';
import { esc } from './html';
import { NOT_TRACKED } from './level-colour';

/** One country outline, projected once: the boundaries never change while the process runs. */
interface Shape {
  alpha2?: string;
  name: string;
  d: string;
}

type Country = Feature<Geometry, { name: string }>;

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
const INSET = { width: 480, height: 420 };
/** Most authorities are European: an inset shows them at a size one can point at. */
const EUROPE_BOX: Feature<Geometry> = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'MultiPoint', coordinates: [[-11, 35], [32, 35], [-11, 66], [32, 66]] },
};
const ANTARCTICA = '010';

/**
 * d3-geo is loaded on the first map drawn, not when the module loads: every CLI command
 * imports the HTTP routes, and only a serving `tocsin run` ever draws a map.
 */
function d3geo(): typeof D3Geo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('d3-geo') as typeof D3Geo;
}

const cache: { world?: Shape[]; europe?: Shape[]; last?: { key: string; svg: string } } = {};

function allCountries(): Country[] {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return feature(topo, topo.objects.countries).features.filter((f) => f.id !== ANTARCTICA) as Country[];
}

function project(all: Country[], projection: GeoProjection): Shape[] {
  const path = d3geo().geoPath(projection).digits(1);
  return all
    .map((f) => ({ alpha2: f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id)), name: f.properties?.name ?? 'unknown', d: path(f) ?? '' }))
    .filter((s) => s.d !== '');
}

/** Natural Earth outlines (1:110m, world-atlas) projected with d3-geo, cached after the first call. */
export function countryShapes(): Shape[] {
  if (!cache.world) {
    const all = allCountries();
    cache.world = project(all, d3geo().geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'FeatureCollection', features: all }));
  }
  return cache.world;
}

function europeShapes(): Shape[] {
  if (!cache.europe) {
    const projection = d3geo().geoConicConformal().rotate([-10, 0]).parallels([40, 60]).fitSize([INSET.width, INSET.height], EUROPE_BOX);
    projection.clipExtent([[0, 0], [INSET.width, INSET.height]]);
    cache.europe = project(allCountries(), projection);
  }
  return cache.europe;
}

export interface CountryFill {
  colour: string;
  /** Read on hover (`<title>`) and by screen readers. */
  title: string;
}

function paths(shapes: Shape[], fills: Map<string, CountryFill>): string {
  return shapes
    .map((s) => {
      const fill = s.alpha2 ? fills.get(s.alpha2) : undefined;
      const code = s.alpha2 ? ` data-country="${esc(s.alpha2)}"` : '';
      if (!fill) return `<path d="${s.d}" fill="${NOT_TRACKED.colour}"${code}/>`;
      return `<path d="${s.d}" fill="${esc(fill.colour)}"${code} class="tracked"><title>${esc(fill.title)}</title></path>`;
    })
    .join('');
}

function svg(cls: string, size: { width: number; height: number }, title: string, body: string): string {
  const id = `${cls}-title`;
  return (
    `<svg class="map ${cls}" viewBox="0 0 ${size.width} ${size.height}" role="img" aria-labelledby="${id}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}">${esc(title)}</title><g stroke="#ffffff" stroke-width="0.5">${body}</g></svg>`
  );
}

/**
 * The world map and a Europe inset as inline SVG. Countries without an authority stay grey;
 * each coloured one carries its level as a `<title>`. The maps are pictures of the
 * authorities table, which says the same in words.
 */
export function renderWorldMap(fills: Map<string, CountryFill>): string {
  // Levels change rarely: the last maps drawn are reused while their fills are the same.
  const key = JSON.stringify([...fills]);
  if (cache.last?.key === key) return cache.last.svg;
  const out =
    svg('map-world', { width: MAP_WIDTH, height: MAP_HEIGHT }, 'World map of current terrorism threat levels; the authorities table gives the same in words', paths(countryShapes(), fills)) +
    svg('map-europe', INSET, 'Europe, enlarged', paths(europeShapes(), fills));
  cache.last = { key, svg: out };
  return out;
}
