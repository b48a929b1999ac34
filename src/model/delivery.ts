import type { ChannelRef } from './channel';

/** What a channel already shows of an incident. */
export interface DeliveryRecord {
  incidentId: string;
  channel: ChannelRef;
  /** Platform message reference: Discord message id, Slack `ts`, console: a counter. */
  messageRef: string;
  /** Incident version the message shows. */
  version: number;
  postedAt: string;
  editedAt?: string;
  /** The thread the update notes go to, once one exists (Discord: a thread started from the message). */
  threadRef?: string;
  /** Version up to which update notes were posted; `version` when absent (older records). */
  notedVersion?: number;
}
