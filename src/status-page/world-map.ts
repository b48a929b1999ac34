import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
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

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
const ANTARCTICA = '010';

let shapes: Shape[] | undefined;

/** Natural Earth outlines (1:110m, world-atlas) projected with d3-geo, cached after the first call. */
export function countryShapes(): Shape[] {
  if (shapes) return shapes;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topo, topo.objects.countries).features.filter((f) => f.id !== ANTARCTICA);
  const collection = { type: 'FeatureCollection' as const, features: all };
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection).digits(1);
  shapes = all.map((f) => {
    const alpha2 = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
    return { alpha2, name: f.properties?.name ?? 'unknown', d: path(f) ?? '' };
  });
  return shapes;
}

export interface CountryFill {
  colour: string;
  /** Read on hover (`<title>`) and by screen readers. */
  title: string;
}

/**
 * The world map as inline SVG. Countries without an authority stay grey; each coloured one
 * carries its level as a `<title>`. The map is a picture of the authorities table, which
 * says the same in words.
 */
export function renderWorldMap(fills: Map<string, CountryFill>): string {
  // Levels change rarely: the last map drawn is reused while its fills are the same.
  const key = JSON.stringify([...fills]);
  if (lastMap?.key === key) return lastMap.svg;
  const svg = drawMap(fills);
  lastMap = { key, svg };
  return svg;
}

let lastMap: { key: string; svg: string } | undefined;

function drawMap(fills: Map<string, CountryFill>): string {
  const paths = countryShapes().map((s) => {
    const fill = s.alpha2 ? fills.get(s.alpha2) : undefined;
    const code = s.alpha2 ? ` data-country="${esc(s.alpha2)}"` : '';
    if (!fill) return `<path d="${s.d}" fill="${NOT_TRACKED.colour}"${code}/>`;
    return `<path d="${s.d}" fill="${esc(fill.colour)}"${code} class="tracked"><title>${esc(fill.title)}</title></path>`;
  });
  return (
    `<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="img" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="map-title">World map of current terrorism threat levels; the authorities table gives the same in words</title>` +
    `<g stroke="#ffffff" stroke-width="0.5">${paths.join('')}</g></svg>`
  );
}
