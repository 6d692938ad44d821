import { formatAddress, resourceOf } from '../addr/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { ResourceChange } from '../plan/types.js';
import type { Provider, ProviderError, ProviderResult } from '../provider/types.js';
import { redactWriteOnly, type IntentAction, type JsonObject, type PendingIntent, type WriteOnlyLookup } from '../state/index.js';
import type { DeposedRecord, JournalEntry } from './journal-format.js';
import type { Operation } from './operations.js';
import type { ApplyRecorder } from './recorder.js';
import { scrubText, withoutKeys } from './resolve.js';
import type { AfterResolver, AppliedLookup, RecordedInstance } from './types.js';

export type OperationResult =
  | { readonly kind: 'done'; readonly id?: string; readonly secrets?: JsonObject }
  | { readonly kind: 'failed'; readonly error: ProviderError; readonly diagnostics?: readonly Diagnostic[] };

/** What running one operation needs from the executor. */
export interface OperationContext {
  readonly provider: Provider;
  readonly recorder: ApplyRecorder;
  readonly clock: () => number;
  readonly newIntentId: () => string;
  readonly resolveAfter: AfterResolver | undefined;
  readonly writeOnly: WriteOnlyLookup | undefined;
  readonly objectHint: (change: ResourceChange) => JsonObject;
  /**
   * Pending delete intents of deposed objects by the key of the operation that deletes them:
   * a create-before-destroy replacement's address once its new object is recorded, or the
   * change key of a planned deposed deletion.
   */
  readonly deposed: Map<string, string>;
  readonly createBeforeDestroy: ReadonlySet<string>;
}

/**
 * A provider error is definite when the backend refused the request (4xx): nothing changed,
 * so its intent is cleared. Anything else (5xx, no answer, an exception) may have changed the
 * backend: the intent stays for the next plan to resolve.
 */
function definite(error: ProviderError): boolean {
  return error.status >= 400 && error.status < 500;
}

function persistenceFailure(diagnostics: readonly Diagnostic[]): OperationResult {
  return { kind: 'failed', error: { status: 0, code: 'iamform.state_write_failed', message: diagnostics[0]?.summary ?? 'State could not be recorded.' }, diagnostics };
}

/** Calls the provider, turning an exception (a provider bug) into an ambiguous error. */
async function call<T>(run: () => Promise<ProviderResult<T>>, writeOnly: JsonObject | undefined): Promise<ProviderResult<T>> {
  let result: ProviderResult<T>;
  try {
    result = await run();
  } catch (error) {
    result = { ok: false, error: { status: 0, code: 'iamform.provider_exception', message: error instanceof Error ? error.message : String(error) } };
  }
  if (result.ok) return result;
  return { ok: false, error: { ...result.error, message: scrubText(result.error.message, writeOnly) } };
}

export async function runOperation(op: Operation, ctx: OperationContext, applied: AppliedLookup): Promise<OperationResult> {
  const { change } = op;
  const working = ctx.recorder.state;
  const type = change.address.type;
  const record = async (entry: JournalEntry): Promise<OperationResult | undefined> => {
    const problems = await ctx.recorder.record(entry);
    return problems.length > 0 ? persistenceFailure(problems) : undefined;
  };
  const now = (): string => new Date(ctx.clock()).toISOString();
  const startIntent = async (action: IntentAction, objectHint: JsonObject, deposedId?: string): Promise<{ id: string; failure?: OperationResult }> => {
    const intent: PendingIntent = { intentId: ctx.newIntentId(), address: change.address, action, startedAt: now(), objectHint, ...(deposedId !== undefined ? { deposedId } : {}) };
    const failure = await record({ kind: 'intent', intent });
    return failure ? { id: intent.intentId, failure } : { id: intent.intentId };
  };
  const clean = (attributes: JsonObject, secrets?: JsonObject): JsonObject =>
    redactWriteOnly(withoutKeys(withoutKeys(attributes, change.writeOnly), secrets), ctx.writeOnly?.(resourceOf(change.address)) ?? []);
  const failed = async (error: ProviderError, intentId?: string): Promise<OperationResult> => {
    if (intentId !== undefined && definite(error)) {
      const failure = await record({ kind: 'resolve', intentId });
      if (failure) return failure;
    }
    return { kind: 'failed', error };
  };
  const resolved = (): { after: JsonObject; writeOnly: JsonObject } | { error: ProviderError } => {
    if (!ctx.resolveAfter) return { after: change.after ?? {}, writeOnly: change.writeOnly ?? {} };
    const result = ctx.resolveAfter(change, applied);
    if (result.kind === 'error') return { error: { status: 0, code: 'iamform.unknown_value', message: result.message } };
    return { after: result.after, writeOnly: result.writeOnly ?? change.writeOnly ?? {} };
  };

  const deleteDeposed = async (id: string, intentId: string): Promise<OperationResult> => {
    const deleted = await call(() => ctx.provider.delete(type, id, change.before ?? {}), undefined);
    // A refused delete keeps the intent: the old object exists and nothing else remembers it.
    if (!deleted.ok) return { kind: 'failed', error: deleted.error };
    const failure = await record({ kind: 'resolve', intentId });
    return failure ?? { kind: 'done', id };
  };

  switch (op.kind) {
    case 'create': {
      const planned = resolved();
      if ('error' in planned) return { kind: 'failed', error: planned.error };
      const intent = await startIntent('create', ctx.objectHint({ ...change, after: planned.after }));
      if (intent.failure) return intent.failure;
      const created = await call(() => ctx.provider.create(type, planned.after, planned.writeOnly), planned.writeOnly);
      if (!created.ok) return failed(created.error, intent.id);
      const { value } = created;
      const instance: RecordedInstance = {
        id: value.id,
        attributes: clean(withoutKeys(value.attributes, planned.writeOnly), value.secrets),
        sensitivePaths: change.afterSensitive,
        dependencies: change.dependsOn,
        ...(value.private !== undefined ? { private: value.private } : {}),
      };
      // The entry that puts the new object in state also registers the old one's delete:
      // until it is deleted, that intent is all that remembers it.
      const deposes: DeposedRecord | undefined =
        change.action === 'replace' && ctx.createBeforeDestroy.has(op.address) && change.id !== undefined ? { intentId: ctx.newIntentId(), objectId: change.id, startedAt: now() } : undefined;
      const failure = await record({ kind: 'set', address: change.address, instance, resolves: intent.id, ...(deposes !== undefined ? { deposes } : {}) });
      if (failure) return failure;
      if (deposes !== undefined) ctx.deposed.set(op.address, deposes.intentId);
      return { kind: 'done', id: value.id, ...(value.secrets !== undefined ? { secrets: value.secrets } : {}) };
    }
    case 'update': {
      const planned = resolved();
      if ('error' in planned) return { kind: 'failed', error: planned.error };
      const prior = working.get(change.address);
      const id = change.id ?? prior?.id;
      if (id === undefined) return { kind: 'failed', error: { status: 0, code: 'iamform.no_object', message: `${op.address} has no backend object to update.` } };
      const intent = await startIntent('update', { id });
      if (intent.failure) return intent.failure;
      const updated = await call(() => ctx.provider.update(type, id, change.before ?? {}, planned.after, planned.writeOnly), planned.writeOnly);
      if (!updated.ok) return failed(updated.error, intent.id);
      const { value } = updated;
      const privateData = value.private ?? prior?.private;
      const instance: RecordedInstance = {
        id: value.id,
        attributes: clean(withoutKeys(value.attributes, planned.writeOnly)),
        sensitivePaths: change.afterSensitive,
        dependencies: change.dependsOn,
        ...(privateData !== undefined ? { private: privateData } : {}),
      };
      const failure = await record({ kind: 'set', address: change.address, instance, resolves: intent.id });
      return failure ?? { kind: 'done', id: value.id };
    }
    case 'delete': {
      if (change.deposed !== undefined) {
        let intentId = ctx.deposed.get(op.address);
        if (intentId === undefined) {
          const intent = await startIntent('delete', { id: change.deposed }, change.deposed);
          if (intent.failure) return intent.failure;
          intentId = intent.id;
        }
        return deleteDeposed(change.deposed, intentId);
      }
      const id = change.id ?? working.get(change.address)?.id;
      const deposedIntent = ctx.deposed.get(op.address);
      if (change.address.mode === 'data' || id === undefined) {
        const failure = change.action === 'replace' ? undefined : await record({ kind: 'remove', address: change.address });
        return failure ?? { kind: 'done' };
      }
      if (deposedIntent !== undefined) return deleteDeposed(id, deposedIntent);
      const intent = await startIntent('delete', { id, ...ctx.objectHint({ ...change, after: change.before }) });
      if (intent.failure) return intent.failure;
      const deleted = await call(() => ctx.provider.delete(type, id, change.before ?? {}), undefined);
      if (!deleted.ok) return failed(deleted.error, intent.id);
      const failure = await record({ kind: 'remove', address: change.address, resolves: intent.id });
      return failure ?? { kind: 'done', id };
    }
    case 'read': {
      const planned = resolved();
      if ('error' in planned) return { kind: 'failed', error: planned.error };
      const read = await call(() => ctx.provider.read(type, planned.after), undefined);
      if (!read.ok) return { kind: 'failed', error: read.error };
      const instance: RecordedInstance = { id: read.value.id, attributes: clean(read.value.attributes), sensitivePaths: change.afterSensitive, dependencies: change.dependsOn };
      const failure = await record({ kind: 'set', address: change.address, instance });
      return failure ?? { kind: 'done', id: read.value.id };
    }
    default: {
      const unreachable: never = op.kind;
      throw new Error(`unknown operation ${String(unreachable)} for ${formatAddress(change.address)}`);
    }
  }
}
