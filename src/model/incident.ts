import type { Casualties, Kind, Place } from './detection';
import type { LevelChange } from './level';
import type { Severity } from './severity';

export interface Report {
  itemId: string;
  sourceId: string;
  url?: string;
  title: string;
  language: string;
  /** When the report was published (or first seen, when the feed gives no date). */
  at: string;
}

/** One real-world event, however many outlets report it. */
export interface Incident {
  id: string;
  kind: Kind;
  /** Bumped each time facts change; delivery edits messages up to this version. */
  version: number;
  firstSeen: string;
  lastSeen: string;
  /** When the event happened, as best known (earliest report). */
  eventTime: string;
  severity: Severity;
  title: string;
  summary: string;
  countries: string[];
  places: Place[];
  actors: string[];
  claimedBy: string[];
  casualties: Casualties;
  reports: Report[];
  /** Set for kind `alert_level` incidents built from an official source. */
  level?: LevelChange;
  /** For level incidents: `authority/scope`; identity comes from labels, not text. */
  key?: string;
  /** Distinctive normalised words of the reports so far (bounded), for near-duplicate matching. */
  terms: string[];
  /** Short notes of what changed at each version > 1, newest last. */
  changes: { version: number; note: string }[];
}
