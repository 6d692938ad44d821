import type { ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import { findCycles, walk } from '../graph/index.js';
import type { ApplyEvent } from './events.js';
import { buildOperationGraph, type Operation } from './operations.js';
import { ApplyRecorder, DEFAULT_CHECKPOINT } from './recorder.js';
import { defaultObjectHint } from './resolve.js';
import { runOperation, type OperationContext, type OperationResult } from './run-operation.js';
import type { AppliedLookup, ApplyInput, ApplyOptions, ApplyOutcome, ApplyResult } from './types.js';
import type { JsonObject, PendingIntent } from '../state/index.js';
import { changeKey, type ResourceChange } from '../plan/types.js';

/**
 * Operations between two yields to the event loop. A provider that answers without real IO
 * (the embedded backend is synchronous SQLite) would otherwise keep the apply in microtasks,
 * starving signal handlers (Ctrl-C must reach `shouldStop`) and the IO of state folds.
 */
const YIELD_EVERY = 64;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The pending intents of deposed objects by the key of the change that deletes them. */
function deposedIntents(pending: readonly PendingIntent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const intent of pending) if (intent.deposedId !== undefined) out.set(changeKey({ address: intent.address, deposed: intent.deposedId }), intent.intentId);
  return out;
}

/** The fields that name a change in its events. */
function subject(change: ResourceChange): { address: ResourceChange['address']; action: ResourceChange['action']; deposed?: string } {
  return { address: change.address, action: change.action, ...(change.deposed !== undefined ? { deposed: change.deposed } : {}) };
}

/** Per change: how far its operations (one, or two for a replacement) have got. */
interface Progress {
  startedAt: number | undefined;
  remaining: number;
  failed: boolean;
  skippedBy: ResourceAddress | undefined;
  id: string | undefined;
}

/**
 * Carries out `input.changes` against `options.provider` in dependency order (see
 * `buildOperationGraph`) with at most `parallelism` provider calls in flight, recording every
 * intent before its call and every result after it (see `ApplyRecorder`). The caller holds
 * the state lock.
 *
 * A failed change skips exactly what waits on it; independent work carries on. `shouldStop`
 * (Ctrl-C) and a failed state write stop cleanly: calls in flight finish and are recorded,
 * nothing new starts. The returned state holds every success; secrets come back beside it.
 * Never throws for a provider's refusal or a state write problem; only for bugs.
 */
export async function applyPlan(input: ApplyInput, options: ApplyOptions): Promise<ApplyResult> {
  const clock = options.clock ?? Date.now;
  const emit = (event: ApplyEvent): void => options.onEvent?.(event);
  const secrets = new Map<string, JsonObject>();
  const counts = { added: 0, changed: 0, destroyed: 0, failed: 0, skipped: 0, notStarted: 0 };
  const outcome = (): ApplyOutcome => ({ ...counts });

  const ops = buildOperationGraph(input);
  const cycles = findCycles(ops.graph);
  if (cycles.length > 0) {
    const members = cycles[0]?.members.join(', ') ?? '';
    const diagnostic = errorDiag('apply.cycle', 'The changes cannot be ordered', {
      detail: `These operations wait on each other: ${members}. Nothing was applied.`,
    });
    return { state: input.prior, outcome: outcome(), secrets, diagnostics: [diagnostic] };
  }

  const policy = { ...DEFAULT_CHECKPOINT, ...options.checkpoint };
  const opened = await ApplyRecorder.open(options.stateStore, options.journal, input.prior, policy, clock);
  if (!opened.recorder) return { state: input.prior, outcome: outcome(), secrets, diagnostics: opened.diagnostics };
  const recorder = opened.recorder;

  const ctx: OperationContext = {
    provider: options.provider,
    recorder,
    clock,
    newIntentId: options.newIntentId ?? (() => globalThis.crypto.randomUUID()),
    resolveAfter: input.resolveAfter,
    writeOnly: options.writeOnly,
    objectHint: options.objectHint ?? defaultObjectHint,
    deposed: deposedIntents(recorder.state.pendingIntents()),
    createBeforeDestroy: ops.createBeforeDestroy,
  };
  const applied: AppliedLookup = (address) => {
    const instance = typeof address === 'string' ? recorder.state.getByName(address) : recorder.state.get(address);
    return instance ? { id: instance.id, attributes: instance.attributes } : undefined;
  };

  const progress = new Map<string, Progress>();
  for (const [address, list] of ops.byChange) progress.set(address, { startedAt: undefined, remaining: list.length, failed: false, skippedBy: undefined, id: undefined });
  const diagnostics: Diagnostic[] = [];
  const opOf = (key: string): Operation => ops.graph.payload(key) as Operation;

  /** Reports a change once all its operations have settled. */
  const settled = (op: Operation, track: Progress): void => {
    if (--track.remaining > 0) return;
    const { change } = op;
    if (track.failed) counts.failed++;
    else if (track.skippedBy) {
      counts.skipped++;
      emit({ kind: 'change_skipped', ...subject(change), cause: track.skippedBy, at: clock() });
    } else {
      const at = clock();
      emit({ kind: 'change_done', ...subject(change), ...(track.id !== undefined ? { id: track.id } : {}), elapsedMs: at - (track.startedAt ?? at), at });
    }
  };

  const finishOperation = (op: Operation, track: Progress, result: OperationResult): void => {
    if (result.kind === 'failed') {
      track.failed = true;
      for (const problem of result.diagnostics ?? []) if (!diagnostics.includes(problem)) diagnostics.push(problem);
      emit({ kind: 'change_failed', ...subject(op.change), error: result.error, at: clock() });
    } else {
      if (op.kind === 'create') counts.added++;
      else if (op.kind === 'update') counts.changed++;
      else if (op.kind === 'delete') counts.destroyed++;
      if (result.id !== undefined && (op.kind !== 'delete' || track.id === undefined)) track.id = result.id;
      if (result.secrets) secrets.set(op.address, result.secrets);
    }
    settled(op, track);
  };

  let visits = 0;
  emit({ kind: 'apply_start', total: ops.byChange.size, at: clock() });
  await walk(ops.graph, {
    parallelism: options.parallelism ?? 10,
    shouldStop: () => recorder.failed !== undefined || options.shouldStop?.() === true,
    onSkipped: (key, cause) => {
      const op = opOf(key);
      const track = progress.get(op.address) as Progress;
      const causeOp = opOf(cause);
      if (causeOp.address !== op.address) track.skippedBy ??= causeOp.change.address;
      settled(op, track);
    },
    visit: async (key) => {
      if (++visits % YIELD_EVERY === 0) await yieldToEventLoop();
      const op = opOf(key);
      const track = progress.get(op.address) as Progress;
      if (track.startedAt === undefined) {
        track.startedAt = clock();
        emit({ kind: 'change_start', ...subject(op.change), at: track.startedAt });
      }
      const result = await runOperation(op, ctx, applied);
      finishOperation(op, track, result);
      return result.kind === 'done' ? 'done' : 'failed';
    },
  });
  for (const track of progress.values()) {
    if (track.remaining === 0) continue;
    if (track.failed) counts.failed++;
    else counts.notStarted++;
  }

  const outputs = input.outputs;
  const finished = await recorder.finish(outputs ? (state) => outputs(state, secrets) : undefined);
  for (const problem of finished.diagnostics) if (!diagnostics.includes(problem)) diagnostics.push(problem);
  emit({ kind: 'apply_done', added: counts.added, changed: counts.changed, destroyed: counts.destroyed, failed: counts.failed, skipped: counts.skipped, at: clock() });
  return { state: finished.state, outcome: outcome(), secrets, diagnostics };
}
