import type { Casualties, Kind, LevelMention, Place } from './detection';
import type { LevelChange, LevelReading } from './level';
import type { Severity } from './severity';

export interface Report {
  itemId: string;
  sourceId: string;
  url?: string;
  title: string;
  language: string;
  /** When the report was published (or first seen, when the feed gives no date). */
  at: string;
  /** A partial date ("2024-03") of a report whose time is unknown (evaluation only): it still tells the month. */
  dateHint?: string;
}

/**
 * A level change as the news reported it, before (or without) the official source.
 * `confirmed`: an official reading agreed; `disputed`: the official reading says another step.
 */
export interface LevelReport extends LevelMention {
  /** Registry id; absent when the registry lacks the authority (then `country` says where). */
  authority?: string;
  country: string;
  status: 'reported' | 'confirmed' | 'disputed';
  /** The official reading that confirmed or disputed the report. */
  official?: LevelReading;
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
  /** Set for kind `alert_level` incidents built from an official source (or confirmed by it). */
  level?: LevelChange;
  /** Set for kind `alert_level` incidents opened by a news report of the change. */
  reported?: LevelReport;
  /** For level incidents: `authority/scope`; identity comes from labels, not text. */
  key?: string;
  /** Distinctive normalised words of the reports so far (bounded), for near-duplicate matching. */
  terms: string[];
  /**
   * Short notes of what changed at each version > 1, newest last: `note` in English, `facts`
   * (absent in records from before) so each channel can be told in its own language.
   */
  changes: { version: number; note: string; facts?: ChangeFacts }[];
}

/** What changed between two versions of an incident, as data (rendered per channel by format/update-note). */
export interface ChangeFacts {
  /** New death toll / injured count. */
  killed?: number;
  injured?: number;
  /** Source id of the newest report that brought the change. */
  by?: string;
  /** Actors newly claiming responsibility (canonical ids). */
  claimed?: string[];
  /** Countries newly affected. */
  countries?: string[];
  severity?: { to: Severity; raised: boolean };
  /** The level now in force, when it moved. */
  level?: LevelReading;
}
