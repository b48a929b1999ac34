/** Incidents: which reports are one real-world event, and what the incident knows. Pure. */
export { decideGroup, scoreMatch, candidateOf, undatedMisfit, ATTACK_WINDOW_MS, LEVEL_WINDOW_MS, JOIN_THRESHOLD } from './grouping';
export type { Candidate, GroupDecision, MatchScore } from './grouping';
export { openIncident, mergeReport, incidentId } from './record';
export type { ReportInput, MergeResult } from './record';
export {
  levelChangeIncident, levelChangeIncidentId, reportedLevelKey, findLevelIncident, levelReportOf, reportedLevelIncident, joinLevelReport,
  settleReported, incidentRank, reportedLevels, LEVEL_JOIN_WINDOW_MS, LEVEL_CONFIRM_GRACE_MS,
} from './level-incident';
export type { ReportedLevel } from './level-incident';
export { distinctiveTerms, overlap } from './terms';
export { incidentIndexKeys, candidateIndexKeys } from './index-keys';
