/**
 * Alert-level sources: one adapter per `type` of `sources.yaml`, each turning a fetched
 * document into LevelReadings or throwing LevelSourceError with a one-line reason.
 */
import type { LevelAdapter } from './adapter';
import { auNationalSecurityAdapter } from './au-nationalsecurity';
import { frVigipirateAdapter } from './fr-vigipirate';
import { levelPageAdapter } from './level-page';
import { ukMi5Adapter } from './uk-mi5';
import { usNtasAdapter } from './us-ntas';

export type { FetchedDoc, LevelAdapter, LevelSourceConfig } from './adapter';
export { LevelSourceError } from './adapter';
export { levelSourceSchemas, levelPageSchema, describeIssues } from './config-schema';
export type { LevelPageOptions } from './config-schema';

export const levelAdapters: Record<string, LevelAdapter> = Object.fromEntries(
  [ukMi5Adapter, frVigipirateAdapter, usNtasAdapter, auNationalSecurityAdapter, levelPageAdapter].map((a) => [a.type, a]),
);

/** The adapter for a source type, or undefined when the type is not an alert-level type (e.g. `feed`). */
export function getLevelAdapter(type: string): LevelAdapter | undefined {
  return Object.prototype.hasOwnProperty.call(levelAdapters, type) ? levelAdapters[type] : undefined;
}
