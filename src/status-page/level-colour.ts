/**
 * Colours for levels relative to each authority's own scale: the lowest step of any scale
 * is green, its top red, so a 3-step and a 5-step scale read alike on one map. Colour is
 * never alone: every coloured thing also says its band and level in words.
 */
export interface Band {
  colour: string;
  label: string;
}

export const BANDS: readonly Band[] = [
  { colour: '#1a9850', label: 'lowest on its scale' },
  { colour: '#91cf60', label: 'low on its scale' },
  { colour: '#fee08b', label: 'middle of its scale' },
  { colour: '#fc8d59', label: 'high on its scale' },
  { colour: '#d73027', label: 'top of its scale' },
];

export const NO_LEVEL: Band = { colour: '#9ecae1', label: 'no level in force' };
export const NOT_TRACKED: Band = { colour: '#e4e4e4', label: 'no authority tracked' };

/** 0 (lowest) … 4 (top), or undefined when no level is in force or the scale is unusable. */
export function bandIndex(rank: number, of: number): number | undefined {
  if (!(rank >= 1) || !(of >= 1) || rank > of) return undefined;
  if (of === 1) return BANDS.length - 1;
  return Math.round(((rank - 1) / (of - 1)) * (BANDS.length - 1));
}

export function levelBand(rank: number, of: number): Band {
  const i = bandIndex(rank, of);
  return i === undefined ? NO_LEVEL : BANDS[i]!;
}
