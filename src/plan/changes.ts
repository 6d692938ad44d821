import { compareAddresses, formatAddress, type ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import { hasMarksDeep, sensitivePaths as markedPaths, type LifecycleSettings, type ResourceInstance } from '../config/index.js';
import { resourceSchema, sensitivePaths as schemaSensitive, UNKNOWN, type PlainObject, type PlainValue } from '../schema/index.js';
import { comparePaths, formatPath, type AttributePath, type JsonObject } from '../state/index.js';
import type { DeposedObject } from './deposed.js';
import type { Decided } from './evaluation.js';
import { canonicalDocuments } from './attribute-diff.js';
import { splitUnknown, topLevel } from './plain.js';
import type { PriorInstance } from './prior.js';
import type { ChangeReason, ResourceChange } from './types.js';

/** Building `ResourceChange` values from decisions; pure helpers of `planChanges`. */

function uniquePaths(paths: readonly AttributePath[]): AttributePath[] {
  if (paths.length === 0) return [];
  const seen = new Set<string>();
  const out: AttributePath[] = [];
  for (const p of [...paths].sort(comparePaths)) {
    const k = JSON.stringify(p);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

/** Schema-sensitive top-level names present in `value` (or unknown in it). */
function schemaSensitiveIn(type: string, mode: 'managed' | 'data', value: PlainObject | JsonObject | null, unknown: readonly AttributePath[] = []): AttributePath[] {
  if (value === null) return [];
  const paths = schemaSensitive(type, mode);
  if (paths.length === 0) return [];
  return paths.filter((p) => (p[0] as string) in value || unknown.some((u) => u[0] === p[0]));
}

export interface ChangeParts {
  readonly dependsOn: readonly ResourceAddress[];
  readonly writeOnly: JsonObject | undefined;
}

/** The change of a decided managed or data instance (`no-op` included). */
export function changeOf(d: Decided, prior: PriorInstance | undefined, parts: ChangeParts): ResourceChange {
  const { instance } = d;
  const mode = instance.address.mode;
  if (d.kind === 'data') {
    // Read during apply: the arguments as far as known, every other attribute unknown.
    const planned: Record<string, PlainValue> = { ...d.config };
    for (const name of resourceSchema(instance.type, 'data')?.attributes.keys() ?? []) if (planned[name] === undefined || planned[name] === null) planned[name] = UNKNOWN;
    const { known, unknown } = splitUnknown(planned);
    return base(instance, 'read', 'data_depends_on_unknown', undefined, null, known, unknown, [], parts);
  }
  const { decision } = d;
  const { known, unknown } = splitUnknown(decision.planned);
  const configMarks = hasMarksDeep(instance.values) ? topLevel(markedPaths(instance.values)) : [];
  const afterSensitive = uniquePaths([...configMarks.filter((p) => (p[0] as string) in known || unknown.some((u) => u[0] === p[0])), ...schemaSensitiveIn(instance.type, mode, known, unknown)]);
  const before = decision.before as JsonObject | null;
  const beforeSensitive = before === null ? [] : uniquePaths([...(prior?.sensitivePaths ?? []), ...schemaSensitiveIn(instance.type, mode, before)]);
  const reason: ChangeReason | undefined = prior?.adopted === 'pending_intent' ? 'pending_intent' : decision.reason;
  const change = base(instance, decision.action, reason, decision.action === 'create' ? undefined : prior?.id, before, known, unknown, afterSensitive, parts, beforeSensitive);
  return {
    ...change,
    replacePaths: decision.replacePaths,
    ...(decision.writeOnlyChanges.length > 0 ? { writeOnlyChanges: decision.writeOnlyChanges } : {}),
    ...(prior?.adopted === 'import' && prior.importId !== undefined ? { importId: prior.importId } : {}),
    ...(prior?.movedFrom !== undefined ? { previousAddress: prior.movedFrom } : {}),
  };
}

function base(
  instance: ResourceInstance,
  action: ResourceChange['action'],
  reason: ChangeReason | undefined,
  id: string | undefined,
  before: JsonObject | null,
  after: JsonObject | null,
  afterUnknown: readonly AttributePath[],
  afterSensitive: readonly AttributePath[],
  parts: ChangeParts,
  beforeSensitive: readonly AttributePath[] = [],
): ResourceChange {
  return {
    address: instance.address,
    action,
    ...(reason !== undefined ? { reason } : {}),
    ...(id !== undefined ? { id } : {}),
    before,
    after,
    afterUnknown,
    beforeSensitive,
    afterSensitive,
    replacePaths: [],
    dependsOn: parts.dependsOn,
    createBeforeDestroy: instance.lifecycle.createBeforeDestroy,
    ...(parts.writeOnly !== undefined && action !== 'no-op' ? { writeOnly: parts.writeOnly } : {}),
  };
}

/** The delete of a managed object whose refreshed value is `attributes` (shown with documents canonical). */
function deletion(
  address: ResourceAddress,
  reason: ChangeReason | undefined,
  id: string,
  attributes: JsonObject,
  sensitive: readonly AttributePath[],
  dependsOn: readonly ResourceAddress[],
): ResourceChange {
  const before = canonicalDocuments(address.type, 'managed', attributes as PlainObject) as JsonObject;
  return {
    address,
    action: 'delete',
    ...(reason !== undefined ? { reason } : {}),
    id,
    before,
    after: null,
    afterUnknown: [],
    beforeSensitive: uniquePaths([...sensitive, ...schemaSensitiveIn(address.type, 'managed', before)]),
    afterSensitive: [],
    replacePaths: [],
    dependsOn,
    createBeforeDestroy: false,
  };
}

/** The deletion of a prior instance. */
export function deletionOf(prior: PriorInstance, reason: ChangeReason, dependsOn: readonly ResourceAddress[]): ResourceChange {
  const change = deletion(prior.address, reason, prior.id, prior.attributes, prior.sensitivePaths, dependsOn);
  return prior.movedFrom !== undefined ? { ...change, previousAddress: prior.movedFrom } : change;
}

/**
 * The deletion of a deposed object. Its instance's sensitive paths stand for its own, which
 * were not kept: the old object came from an earlier version of the same configuration.
 */
export function deposedDeletionOf(object: DeposedObject, current: PriorInstance | undefined, dependsOn: readonly ResourceAddress[]): ResourceChange {
  return { ...deletion(object.address, undefined, object.id, object.attributes, current?.sensitivePaths ?? [], dependsOn), deposed: object.id };
}

/** The error for a planned delete or replace of an instance with `prevent_destroy`. */
export function preventDestroyDiag(change: ResourceChange, lifecycle: LifecycleSettings | undefined, instance: ResourceInstance | undefined): Diagnostic | undefined {
  // A deposed object was given up by the replacement that deposed it, which this check passed.
  if (lifecycle?.preventDestroy !== true || (change.action !== 'delete' && change.action !== 'replace') || change.deposed !== undefined) return undefined;
  const address = formatAddress(change.address);
  const forced = change.replacePaths.length > 0 ? ` (a change of ${change.replacePaths.map(formatPath).join(', ')} forces replacement)` : '';
  return errorDiag('plan.prevent-destroy', 'Instance cannot be destroyed', {
    detail: `Resource ${address} has lifecycle.prevent_destroy set, but the plan calls for this resource to be ${change.action === 'delete' ? 'destroyed' : 'replaced'}${forced}. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the --target option.`,
    ...(instance !== undefined ? { range: instance.declRange, context: `resource "${instance.type}" "${instance.address.name}"` } : {}),
  });
}

/** By address; an instance's own change before the deletions of its deposed objects, those by id. */
export function sortChanges(changes: ResourceChange[]): ResourceChange[] {
  return changes.sort((a, b) => compareAddresses(a.address, b.address) || compareDeposed(a.deposed, b.deposed));
}

function compareDeposed(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
