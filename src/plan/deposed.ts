import { formatAddress, type ResourceAddress } from '../addr/index.js';
import type { JsonObject, PendingIntent } from '../state/index.js';
import { withId, type PriorInstance, type PriorPicture, type RefreshIndex } from './prior.js';

/**
 * Deposed objects: old objects of create-before-destroy replacements that an apply put out of
 * state (the new object took their address) but stopped before deleting. A pending `delete`
 * intent naming the object's id is all that remembers one; the planner plans its deletion
 * while refresh still finds it.
 */
export interface DeposedObject {
  /** The intent that remembers the object; the apply's prior state keeps it until the delete succeeds. */
  readonly intent: PendingIntent;
  readonly address: ResourceAddress;
  readonly id: string;
  /** The refreshed value (`id` included); `{ id }` alone when the backend was not read. */
  readonly attributes: JsonObject;
}

/**
 * The deposed object a pending intent names, if any. Intents recorded before deposed objects
 * were marked as such name the old object only in their hint: a `delete` whose hinted id is
 * not the id of the instance now in state can only come from a create-before-destroy
 * replacement, since any other delete leaves its instance in state until it succeeds.
 */
export function deposedIdOf(intent: PendingIntent, current: PriorInstance | undefined): string | undefined {
  if (intent.action !== 'delete') return undefined;
  if (intent.deposedId !== undefined) return intent.deposedId;
  const hinted = intent.objectHint?.['id'];
  return typeof hinted === 'string' && current !== undefined && hinted !== current.id ? hinted : undefined;
}

export type DeposedOutcome = { readonly kind: 'exists'; readonly object: DeposedObject } | { readonly kind: 'gone' } | { readonly kind: 'managed' };

/**
 * What became of a deposed object: still in the backend (or not refreshed, so assumed to be),
 * gone, or managed by an instance in state (then it is nobody's to delete). `stateIds` are the
 * ids state manages, by type.
 */
export function findDeposed(intent: PendingIntent, id: string, stateIds: ReadonlyMap<string, ReadonlySet<string>>, index: RefreshIndex): DeposedOutcome {
  const type = intent.address.type;
  if (stateIds.get(type)?.has(id) === true) return { kind: 'managed' };
  const remembered: PendingIntent = intent.deposedId === id ? intent : { ...intent, deposedId: id };
  if (!index.has(type)) return { kind: 'exists', object: { intent: remembered, address: intent.address, id, attributes: { id } } };
  const found = index.get(type, id);
  if (found === undefined) return { kind: 'gone' };
  return { kind: 'exists', object: { intent: remembered, address: intent.address, id, attributes: withId(id, found.attributes) } };
}

/** The warning line for a resolved deposed object. */
export function deposedLine(intent: PendingIntent, id: string, outcome: DeposedOutcome): string {
  const head = `${formatAddress(intent.address)}: the old object ${id} of an interrupted create-before-destroy replacement`;
  switch (outcome.kind) {
    case 'exists':
      return `${head} still exists; it is to be destroyed`;
    case 'gone':
      return `${head} is already gone; nothing is left to destroy`;
    case 'managed':
      return `${head} is managed by an instance in state; it is not destroyed`;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** Marks the ids of deposed objects as managed, so that no adoption takes one. */
export function reserveDeposed(prior: PriorPicture, objects: readonly DeposedObject[]): void {
  for (const object of objects) {
    let ids = prior.managedIds.get(object.address.type);
    if (ids === undefined) prior.managedIds.set(object.address.type, (ids = new Set()));
    ids.add(object.id);
  }
}
