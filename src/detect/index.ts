/**
 * Detection: from a news item's title + summary, whether it reports an attack and/or
 * an alert-level change, with places, countries, actors, casualties and severity.
 * Pure: configuration is compiled from data loaded elsewhere (src/config/detector-config.ts).
 */
export type {
  DetectorConfig, RuleSpec, ExclusionSpec, TermList, TermGroupSpec, RequiresSpec, PlaceSpec, ActorSpec, AuthoritySpec, KindSpec,
  PolicySpec,
} from './config-types';
export type { CompiledDetectorConfig } from './compiled-types';
export { compileDetectorConfig, DetectorConfigError } from './compile';
export { createDetector } from './detector';
export type { Detector, Analysis, KindVerdict } from './detector';
export { renderExplanation } from './explain-text';
export { kindMetrics, pairwiseIncidentScores, languageMetrics, groupingMisses } from './evaluate';
export type { LabelledItem, KindMetrics, PairScores, GroupingMisses } from './evaluate';
export { extractCasualties } from './casualties';
export { normaliseText, tokenise } from './normalise';
