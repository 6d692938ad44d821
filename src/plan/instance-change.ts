import type { LifecycleSettings } from '../config/index.js';
import { plannedValues, replacePaths, resourceSchema, settableNames, writeOnlyChange, writeOnlyPaths, type PlainObject, type PlainValue } from '../schema/index.js';
import type { AttributePath } from '../state/index.js';
import { canonicalDocuments, differingPaths } from './attribute-diff.js';
import type { PriorInstance } from './prior.js';
import type { ChangeReason } from './types.js';

/** What the diff decided for one managed instance that has config. */
export interface InstanceDecision {
  readonly action: 'create' | 'update' | 'replace' | 'no-op';
  readonly reason?: ChangeReason;
  /** The refreshed value with documents canonical; null on create. */
  readonly before: PlainObject | null;
  /** The planned value (`UNKNOWN` where known only after apply); documents canonical. */
  readonly planned: PlainObject;
  readonly replacePaths: readonly AttributePath[];
  /** Write-only attributes whose value is set (create) or changed (update). */
  readonly writeOnlyChanges: readonly AttributePath[];
}

export interface DecideInput {
  readonly type: string;
  /** The instance's config values as plain data. */
  readonly config: PlainObject;
  readonly prior: PriorInstance | undefined;
  readonly lifecycle: LifecycleSettings;
  /** `--replace` names this instance. */
  readonly forceReplace: boolean;
  readonly keeper: (secret: string, salt: string) => string;
}

/** What the diff needs of a type's schema, computed once per type. */
interface TypeFacts {
  readonly writeOnly: readonly string[];
  /** Settable attributes and blocks that are not write-only: what an update compares. */
  readonly compared: readonly string[] | undefined;
  readonly settable: readonly string[] | undefined;
}

const factsByType = new Map<string, TypeFacts>();

function factsOf(type: string): TypeFacts {
  let facts = factsByType.get(type);
  if (facts === undefined) {
    const schema = resourceSchema(type, 'managed');
    const writeOnly = writeOnlyPaths(type).map((p) => p[0] as string);
    const settable = schema ? settableNames(schema) : undefined;
    facts = { writeOnly, settable, compared: settable?.filter((n) => !writeOnly.includes(n)) };
    factsByType.set(type, facts);
  }
  return facts;
}

function ignored(lifecycle: LifecycleSettings, name: string): boolean {
  return lifecycle.ignoreChanges === 'all' || lifecycle.ignoreChanges.includes(name);
}

/**
 * Diffs one instance: no usable prior → create; a forces-replacement attribute differs (or
 * `--replace`) → replace with those paths; another settable attribute or a write-only value
 * differs → update; else no-op. `ignore_changes` keeps the prior value of the named
 * attributes in the planned value, so they neither show nor count. On replace, computed
 * attributes become unknown (the new object gets new ones).
 */
export function decideInstance(input: DecideInput): InstanceDecision {
  const { type, config, prior, lifecycle } = input;
  const facts = factsOf(type);
  const writeOnly = facts.writeOnly;
  if (prior === undefined || prior.gone) {
    const planned = canonicalDocuments(type, 'managed', plannedValues(type, 'managed', config));
    const reason: ChangeReason = prior?.gone === true ? 'deleted_outside' : 'new';
    return { action: 'create', reason, before: null, planned, replacePaths: [], writeOnlyChanges: writeOnly.filter((n) => config[n] !== undefined && config[n] !== null).map((n) => [n]) };
  }
  const before = canonicalDocuments(type, 'managed', prior.attributes as PlainObject);
  const keepIgnored = (planned: PlainObject): PlainObject => {
    if (lifecycle.ignoreChanges !== 'all' && lifecycle.ignoreChanges.length === 0) return planned;
    const out: Record<string, PlainValue> = { ...planned };
    for (const name of facts.settable ?? Object.keys(planned)) if (ignored(lifecycle, name)) out[name] = before[name] ?? null;
    return out;
  };
  let planned = keepIgnored(canonicalDocuments(type, 'managed', plannedValues(type, 'managed', config, before)));
  const forced = replacePaths(type, before, planned);
  if (input.forceReplace || forced.length > 0) {
    planned = keepIgnored(canonicalDocuments(type, 'managed', plannedValues(type, 'managed', config)));
    return {
      action: 'replace',
      reason: forced.length > 0 ? 'replace_forced_by_attribute' : 'replace_requested',
      before,
      planned,
      replacePaths: replacePaths(type, before, planned),
      writeOnlyChanges: writeOnly.filter((n) => !ignored(lifecycle, n) && config[n] !== undefined && config[n] !== null).map((n) => [n]),
    };
  }
  const changed = differingPaths(type, 'managed', before, planned, facts.compared);
  const writeOnlyChanges = writeOnly.filter((n) => !ignored(lifecycle, n) && writeOnlyChange(config[n], prior.private as PlainValue | undefined, n, input.keeper) !== 'unchanged').map((n) => [n]);
  if (changed.length > 0 || writeOnlyChanges.length > 0) return { action: 'update', reason: 'config_changed', before, planned, replacePaths: [], writeOnlyChanges };
  return { action: 'no-op', before, planned, replacePaths: [], writeOnlyChanges: [] };
}
