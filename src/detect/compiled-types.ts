/** The detector configuration once compiled: one term automaton plus rule structures. */
import type { Kind } from '../model/detection';
import type { KindSpec, PolicySpec, RequiresSpec } from './config-types';
import type { TermIndex } from './term-index';
import type { CompiledScale } from './level-mention';

/** A term group by index into the scan's per-group hit lists (-1: no terms, requirements only). */
export interface GroupRef {
  g: number;
  within?: number;
  requires?: RequiresSpec;
}

export interface CompiledExclusion {
  id: string;
  g: number;
  within?: number;
  unless?: GroupRef;
  outweighedBy?: GroupRef;
  staleYears?: number;
}

export interface CompiledBoost {
  group: GroupRef;
  weight: number;
}

export interface CompiledRule {
  id: string;
  kind: Kind;
  trigger: number;
  all: GroupRef[];
  any: GroupRef[];
  none: GroupRef[];
  requires?: RequiresSpec;
  exclusions: CompiledExclusion[];
  weight: number;
  boosts: CompiledBoost[];
  tags: string[];
}

export interface CompiledPlace {
  name: string;
  country: string;
  demonym: boolean;
  lat?: number;
  lon?: number;
}

export interface CompiledDetectorConfig {
  index: TermIndex;
  groupCount: number;
  rules: CompiledRule[];
  kinds: Record<Kind, KindSpec>;
  policy: PolicySpec;
  places: CompiledPlace[];
  actors: { id: string; name: string }[];
  authorities: { id: string; country: string; scale?: CompiledScale }[];
  claimGroup: number;
}
