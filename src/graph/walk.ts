import { compareNodeKeys, type Graph } from './graph.js';
import { RankHeap, rankKeys } from './heap.js';
import { direction } from './order.js';

/** What a visit reports. A visit that throws is a bug, not a failure (see `walk`). */
export type VisitResult = 'done' | 'failed';

/**
 * How a node fared. `skipped` nodes waited (transitively) on a visit that failed; `cause` is
 * the key of that failed node. `not_started` nodes were never visited because the walk was
 * stopped or aborted first.
 */
export type WalkOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'skipped'; readonly cause: string }
  | { readonly kind: 'not_started' };

export interface WalkOptions {
  /** Most visits in flight at once; an integer of at least 1. */
  readonly parallelism: number;
  /**
   * Carries out one node. `signal` aborts when the walk is being torn down (another visit
   * threw, or the caller's `signal` aborted); a graceful stop does not abort it.
   */
  readonly visit: (key: string, signal: AbortSignal) => Promise<VisitResult>;
  /** False (default): a node waits for its dependencies. True (deletion): for its dependents. */
  readonly reverse?: boolean;
  /** Asked before every new visit; once it answers true, in-flight visits finish and none start. */
  readonly shouldStop?: () => boolean;
  /** Hard stop: no new visits, and in-flight visits see their signal abort. */
  readonly signal?: AbortSignal;
  /** Start order among nodes ready at the same time; default key order. */
  readonly compare?: (a: string, b: string) => number;
  /** Told once per node as soon as it is known to be skipped. */
  readonly onSkipped?: (key: string, cause: string) => void;
}

const PENDING = 0;
const RUNNING = 1;
const DONE = 2;
const FAILED = 3;
const SKIPPED = 4;

/**
 * Visits every node of an acyclic graph once, a node only after all its prerequisites are
 * done, with at most `parallelism` visits in flight. When a visit fails, every node that
 * transitively waits on it is skipped at once and independent work carries on.
 *
 * Resolves with one outcome per node, in key order. Rejects only on bugs, and only after the
 * visits in flight have settled: with the first error a visit or a callback threw, or when
 * nodes were left waiting on a cycle. Costs O(E + V log V): each completion touches only its own waiters.
 */
export function walk<T>(graph: Graph<T>, options: WalkOptions): Promise<Map<string, WalkOutcome>> {
  const { parallelism, visit } = options;
  if (!Number.isInteger(parallelism) || parallelism < 1) {
    return Promise.reject(new RangeError(`walk: parallelism must be an integer of at least 1, got ${parallelism}`));
  }
  const { keys, rank } = rankKeys(graph.keys(), options.compare ?? compareNodeKeys);
  const dir = direction(graph, options.reverse ?? false);
  const n = keys.length;
  const waiting = new Int32Array(n);
  const state = new Uint8Array(n);
  const causes = new Map<number, string>();
  const ready = new RankHeap();
  for (let i = 0; i < n; i++) {
    waiting[i] = dir.prerequisites(keys[i] as string).size;
    if (waiting[i] === 0) ready.push(i);
  }

  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forwardAbort();
  else options.signal?.addEventListener('abort', forwardAbort, { once: true });

  let inFlight = 0;
  let stopped = false;
  let bug: { readonly error: unknown } | undefined;
  let finished = false;

  return new Promise((resolve, reject) => {
    const halted = (): boolean => {
      if (!stopped && (bug !== undefined || controller.signal.aborted || options.shouldStop?.() === true)) stopped = true;
      return stopped;
    };

    const skipWaitersOf = (failed: number): void => {
      const cause = keys[failed] as string;
      const stack = [failed];
      while (stack.length > 0) {
        const at = stack.pop() as number;
        for (const waiter of dir.waiters(keys[at] as string)) {
          const w = rank.get(waiter) as number;
          if (state[w] !== PENDING) continue;
          state[w] = SKIPPED;
          causes.set(w, cause);
          options.onSkipped?.(waiter, cause);
          stack.push(w);
        }
      }
    };

    const fault = (error: unknown): void => {
      bug ??= { error };
      controller.abort();
    };

    const settle = (i: number, result: VisitResult): void => {
      inFlight--;
      try {
        if (result === 'done') {
          state[i] = DONE;
          for (const waiter of dir.waiters(keys[i] as string)) {
            const w = rank.get(waiter) as number;
            waiting[w] = (waiting[w] as number) - 1;
            if (waiting[w] === 0 && state[w] === PENDING) ready.push(w);
          }
        } else if (result === 'failed') {
          state[i] = FAILED;
          skipWaitersOf(i);
        } else {
          state[i] = FAILED;
          fault(new Error(`walk: visit of ${keys[i]} resolved with ${String(result)}`));
        }
      } catch (error) {
        fault(error); // a throwing onSkipped callback
      }
      pump();
    };

    const crash = (i: number, error: unknown): void => {
      inFlight--;
      state[i] = FAILED;
      fault(error);
      pump();
    };

    const start = (i: number): void => {
      state[i] = RUNNING;
      inFlight++;
      let pending: Promise<VisitResult>;
      try {
        pending = Promise.resolve(visit(keys[i] as string, controller.signal));
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending.then(
        (result) => settle(i, result),
        (error: unknown) => crash(i, error),
      );
    };

    const pump = (): void => {
      try {
        while (inFlight < parallelism && ready.size > 0 && !halted()) start(ready.pop() as number);
      } catch (error) {
        fault(error); // a throwing shouldStop; halted() now answers true without asking it again
      }
      if (inFlight === 0 && (ready.size === 0 || halted())) finish();
    };

    const finish = (): void => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', forwardAbort);
      if (bug !== undefined) {
        reject(bug.error);
        return;
      }
      const outcomes = new Map<string, WalkOutcome>();
      const blocked: string[] = [];
      for (let i = 0; i < n; i++) {
        const key = keys[i] as string;
        const s = state[i];
        if (s === DONE) outcomes.set(key, { kind: 'done' });
        else if (s === FAILED) outcomes.set(key, { kind: 'failed' });
        else if (s === SKIPPED) outcomes.set(key, { kind: 'skipped', cause: causes.get(i) as string });
        else {
          outcomes.set(key, { kind: 'not_started' });
          if (!stopped) blocked.push(key);
        }
      }
      if (blocked.length > 0) {
        reject(new Error(`walk: the graph has a cycle; never ready: ${blocked.slice(0, 5).join(', ')}${blocked.length > 5 ? ', …' : ''}`));
        return;
      }
      resolve(outcomes);
    };

    pump();
  });
}

/** Counts of each outcome kind, for summaries ("3 done, 1 failed, 2 skipped"). */
export function countOutcomes(outcomes: ReadonlyMap<string, WalkOutcome>): Record<WalkOutcome['kind'], number> {
  const counts: Record<WalkOutcome['kind'], number> = { done: 0, failed: 0, skipped: 0, not_started: 0 };
  for (const outcome of outcomes.values()) counts[outcome.kind]++;
  return counts;
}
