import type { Kind, Severity } from '../model';

/**
 * A platform-neutral message. Every text field is plain text straight from our data
 * (which may come from a feed): each platform formatter escapes it for its own markup.
 */
export interface AlertMessage {
  kind: Kind | 'notice';
  severity: Severity;
  /** One line, e.g. "Attack — Krasnogorsk, Russia". */
  title: string;
  /** A few short lines. */
  body: string;
  fields: { name: string; value: string }[];
  /** Link to the best source or the official page. */
  url?: string;
  /** e.g. "3 sources · first seen 22 Mar 2024 19:20 UTC". */
  footer: string;
  /** ISO instant shown as the message time. */
  timestamp?: string;
}
