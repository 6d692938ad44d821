import type { SourceRange } from '../diag/index.js';
import type { ResourceAddress } from '../addr/index.js';
import type { ResourceDecl } from './model.js';
import type { Reference } from './references.js';
import type { ObjectValue, Value } from './value.js';

/**
 * One desired resource instance, as the planner consumes it. `values` holds what the
 * config sets (nested blocks as tuples of objects), with unknown values where an input is
 * not known before apply; `ranges` locates each attribute's expression by path (`name`,
 * `phone[0].number`) for diagnostics about values.
 */
export interface ResourceInstance {
  readonly address: ResourceAddress;
  readonly type: string;
  readonly values: ObjectValue;
  /** Resources named in `depends_on` (without instance keys unless written with one). */
  readonly dependsOn: readonly ResourceAddress[];
  /** Every reference in the resource block, in source order (shared by all instances). */
  readonly references: readonly Reference[];
  readonly ranges: ReadonlyMap<string, SourceRange>;
  readonly lifecycle: LifecycleSettings;
  /** The `provider` meta-argument as written (`iam`), when given. */
  readonly provider?: string;
  readonly declRange: SourceRange;
}

export interface LifecycleSettings {
  readonly preventDestroy: boolean;
  readonly createBeforeDestroy: boolean;
  /** Attribute names (top-level) whose changes are ignored, or every attribute. */
  readonly ignoreChanges: readonly string[] | 'all';
}

/** A resource block after expansion. `known` is false when its keys could not be decided. */
export interface ExpandedResource {
  readonly decl: ResourceDecl;
  readonly expansion: 'single' | 'for_each' | 'count';
  readonly known: boolean;
  readonly instances: readonly ResourceInstance[];
}

export interface OutputValue {
  readonly name: string;
  readonly value: Value;
  readonly sensitive: boolean;
  readonly description?: string;
  readonly range: SourceRange;
}
