/**
 * The public status page as a pure render of store data: view model (only public fields),
 * HTML page with an inline SVG world map, and the JSON the API serves. No store, no network.
 */
export { buildStatusView, publicIncident, publicLevel, mapLevels, type LevelView, type PublicIncident, type PublicLevel, type SourceProblem, type StatusInput, type StatusView } from './view-model';
export { renderStatusPage, levelWords, REFRESH_SECONDS } from './render-page';
export { renderWorldMap, countryShapes } from './world-map';
export { BANDS, NO_LEVEL, NOT_TRACKED, bandIndex, levelBand } from './level-colour';
export { esc } from './html';
