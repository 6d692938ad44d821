import { formatAddress, type ResourceAddress } from '../addr/index.js';
import { errorDiag, warningDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import type { JsonObject, JsonValue, PendingIntent } from '../state/index.js';
import { deposedIdOf, deposedLine, findDeposed, reserveDeposed, type DeposedObject, type DeposedOutcome } from './deposed.js';
import { withId, type PriorPicture, type RefreshIndex } from './prior.js';

/**
 * Objects that enter management during planning: the leftovers of an interrupted apply
 * (pending intents) and `import` blocks. Both adopt an existing backend object by writing a
 * prior instance; neither makes a backend call.
 */

function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function matchesHint(attributes: JsonObject, hint: JsonObject): boolean {
  const keys = Object.keys(hint);
  return keys.length > 0 && keys.every((k) => sameValue(attributes[k], hint[k]));
}

/**
 * Resolves the intent journal against the refreshed backend:
 * - `delete` of a deposed object (see `deposed.ts`): still there, it is returned to be
 *   destroyed (its id is reserved, so no adoption takes it); gone, the intent is dropped;
 * - `create` whose object exists (found by its `objectHint`) but is not in state: adopted;
 * - `delete` whose object is gone: the instance is dropped (the delete happened);
 * - anything else: dropped from the journal and planned like any other instance.
 * A warning summarises what was resolved; none when the journal is empty. Returns the deposed
 * objects still to be destroyed, with the intents that must outlive this plan.
 */
export function resolvePendingIntents(pending: readonly PendingIntent[], prior: PriorPicture, index: RefreshIndex, diags: Diagnostic[]): DeposedObject[] {
  const deposed: DeposedObject[] = [];
  if (pending.length === 0) return deposed;
  const deposedOutcomes = new Map<PendingIntent, { id: string; outcome: DeposedOutcome }>();
  for (const intent of pending) {
    const id = deposedIdOf(intent, prior.instances.get(formatAddress(intent.address)));
    if (id === undefined) continue;
    const outcome = findDeposed(intent, id, prior.managedIds, index);
    deposedOutcomes.set(intent, { id, outcome });
    if (outcome.kind === 'exists') deposed.push(outcome.object);
  }
  reserveDeposed(prior, deposed);
  const lines: string[] = [];
  for (const intent of pending) {
    const key = formatAddress(intent.address);
    const existing = prior.instances.get(key);
    const resolvedDeposed = deposedOutcomes.get(intent);
    if (resolvedDeposed !== undefined) {
      lines.push(deposedLine(intent, resolvedDeposed.id, resolvedDeposed.outcome));
      continue;
    }
    switch (intent.action) {
      case 'create': {
        if (existing !== undefined && !existing.gone) {
          lines.push(`${key}: the create was recorded; nothing to resolve`);
          break;
        }
        const hint = intent.objectHint;
        const owned = prior.managedIds.get(intent.address.type);
        const found = hint === undefined ? undefined : index.list(intent.address.type).find((o) => !(owned?.has(o.id) ?? false) && matchesHint(o.attributes, hint));
        if (found === undefined) {
          lines.push(`${key}: the interrupted create did not reach the backend; it is planned again`);
          break;
        }
        prior.instances.set(key, { address: intent.address, id: found.id, attributes: withId(found.id, found.attributes), sensitivePaths: [], dependencies: [], gone: false, adopted: 'pending_intent' });
        lines.push(`${key}: the interrupted create did reach the backend; object ${found.id} is adopted`);
        break;
      }
      case 'delete':
        if (existing === undefined || existing.gone) {
          prior.instances.delete(key);
          prior.drift.delete(key);
          lines.push(`${key}: the interrupted delete did reach the backend; the instance is dropped`);
        } else lines.push(`${key}: the interrupted delete did not reach the backend; it is planned again`);
        break;
      case 'update':
        lines.push(`${key}: an update was interrupted; the instance is compared afresh`);
        break;
      default: {
        const never: never = intent.action;
        throw new Error(`unexpected intent action ${String(never)}`);
      }
    }
  }
  diags.push(
    warningDiag('plan.pending-intents', `Resolved ${pending.length} interrupted operation${pending.length === 1 ? '' : 's'} of a previous apply`, {
      detail: `A previous apply stopped while calling the IAM backend. What was found:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
    }),
  );
  return deposed;
}

/** Adopts the objects of `import` blocks whose target is not yet managed. */
export function adoptImports(imports: readonly { readonly to: ResourceAddress; readonly id: string; readonly range: SourceRange }[], prior: PriorPicture, index: RefreshIndex, diags: Diagnostic[]): void {
  for (const imp of imports) {
    const key = formatAddress(imp.to);
    const existing = prior.instances.get(key);
    if (existing !== undefined && !existing.gone) continue;
    if (imp.to.mode !== 'managed') {
      diags.push(errorDiag('plan.import-data', 'Cannot import into a data source', { detail: `${key} is a data source; import adopts objects into managed resources.`, range: imp.range }));
      continue;
    }
    const found = index.get(imp.to.type, imp.id);
    if (found === undefined) {
      diags.push(
        errorDiag('plan.import-not-found', 'Cannot import non-existent remote object', {
          detail: `While attempting to import an existing object to "${key}", the IAM backend has no ${imp.to.type} with id "${imp.id}".`,
          range: imp.range,
        }),
      );
      continue;
    }
    if (prior.managedIds.get(imp.to.type)?.has(found.id) === true) {
      diags.push(errorDiag('plan.import-already-managed', 'Object already managed', { detail: `The ${imp.to.type} "${imp.id}" is already managed by another resource instance in state.`, range: imp.range }));
      continue;
    }
    prior.instances.set(key, { address: imp.to, id: found.id, attributes: withId(found.id, found.attributes), sensitivePaths: [], dependencies: [], gone: false, adopted: 'import', importId: imp.id });
  }
}
