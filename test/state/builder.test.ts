import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResourceAddress } from '../../src/addr/index.js';
import {
  addPending,
  emptyState,
  memoryStateStore,
  removeInstance,
  resolvePending,
  setInstance,
  setOutput,
  StateBuilder,
  statePersister,
  type State,
  type StateStore,
  type WriteResult,
} from '../../src/state/index.js';
import { fakeEnv } from './fake-env.js';

type Op =
  | { kind: 'set'; address: ResourceAddress; id: string }
  | { kind: 'remove'; address: ResourceAddress }
  | { kind: 'output'; name: string; value: number }
  | { kind: 'intent'; id: string }
  | { kind: 'resolve'; id: string };

const addressArb: fc.Arbitrary<ResourceAddress> = fc
  .tuple(fc.constantFrom('managed', 'data'), fc.constantFrom('iam_user', 'iam_group'), fc.constantFrom('a', 'b'), fc.option(fc.oneof(fc.nat(3), fc.constantFrom('x', 'y')), { nil: undefined }))
  .map(([mode, type, name, key]) => (key === undefined ? { mode, type, name } : { mode, type, name, key }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), address: addressArb, id: fc.string({ maxLength: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), address: addressArb }),
  fc.record({ kind: fc.constant('output' as const), name: fc.constantFrom('o1', 'o2'), value: fc.integer() }),
  fc.record({ kind: fc.constant('intent' as const), id: fc.constantFrom('i1', 'i2', 'i3') }),
  fc.record({ kind: fc.constant('resolve' as const), id: fc.constantFrom('i1', 'i2', 'i3') }),
);

function applyPure(state: State, op: Op): State {
  switch (op.kind) {
    case 'set':
      return setInstance(state, op.address, { id: op.id, attributes: {}, sensitivePaths: [], dependencies: [] });
    case 'remove':
      return removeInstance(state, op.address);
    case 'output':
      return setOutput(state, op.name, op.value, false);
    case 'intent':
      return state.pending.some((p) => p.intentId === op.id) ? state : addPending(state, { intentId: op.id, address: { mode: 'managed', type: 't', name: 'n' }, action: 'create', startedAt: 't' });
    case 'resolve':
      return resolvePending(state, op.id);
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

function applyBuilder(builder: StateBuilder, op: Op): void {
  switch (op.kind) {
    case 'set':
      return builder.set(op.address, { id: op.id, attributes: {}, sensitivePaths: [], dependencies: [] });
    case 'remove':
      return builder.remove(op.address);
    case 'output':
      return builder.setOutput(op.name, op.value, false);
    case 'intent':
      if (!builder.state().pending.some((p) => p.intentId === op.id)) builder.addPending({ intentId: op.id, address: { mode: 'managed', type: 't', name: 'n' }, action: 'create', startedAt: 't' });
      return;
    case 'resolve':
      return builder.resolvePending(op.id);
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

describe('StateBuilder', () => {
  it('gives the same state as the pure helpers for any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 1, max: 39 }), (ops, probe) => {
        let pure = emptyState('L');
        const builder = new StateBuilder(pure);
        ops.forEach((op, i) => {
          pure = applyPure(pure, op);
          applyBuilder(builder, op);
          if (i === probe) expect(builder.state()).toEqual(pure);
        });
        expect(builder.state()).toEqual(pure);
        expect(new StateBuilder(pure).state()).toEqual(pure);
      }),
    );
  });

  it('returns the same snapshot until something changes', () => {
    const builder = new StateBuilder(emptyState('L'));
    builder.set({ mode: 'managed', type: 'iam_user', name: 'a' }, { id: '1', attributes: {}, sensitivePaths: [], dependencies: [] });
    const first = builder.state();
    expect(builder.state()).toBe(first);
    builder.resolvePending('none');
    expect(builder.state()).toBe(first);
    builder.setOutput('x', 1, false);
    expect(builder.state()).not.toBe(first);
    expect(first.outputs).toEqual({});
  });
});

/** A memory store whose writes take a fake moment and are counted. */
function slowStore(): { store: StateStore; writes: () => number; failNext: () => void } {
  const inner = memoryStateStore({ env: fakeEnv().env });
  let writes = 0;
  let fail = false;
  return {
    store: {
      ...inner,
      write: async (state, options): Promise<WriteResult> => {
        writes++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (fail) return { kind: 'error', diagnostics: [{ severity: 'error', code: 'test.fail', summary: 'failed' }] };
        return inner.write(state, options);
      },
    },
    writes: () => writes,
    failNext: () => {
      fail = true;
    },
  };
}

describe('statePersister', () => {
  it('stores every change before resolving, sharing writes between concurrent workers', async () => {
    const { store, writes } = slowStore();
    const builder = new StateBuilder(emptyState('L'));
    const persister = statePersister(store, () => builder.state(), 0);
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; i < 5; i++) {
        builder.set({ mode: 'managed', type: 'iam_user', name: 'u', key: w * 100 + i }, { id: `${w}-${i}`, attributes: {}, sensitivePaths: [], dependencies: [] });
        const result = await persister.persist();
        expect(result.kind).toBe('ok');
        const stored = await store.read();
        const keys = stored.kind === 'ok' ? stored.state.resources[0]?.instances.map((x) => x.key) : [];
        expect(keys).toContain(w * 100 + i);
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, w) => worker(w)));
    expect(writes()).toBeLessThan(50);
    expect(writes()).toBeGreaterThanOrEqual(5);
    const final = await store.read();
    expect(final.kind === 'ok' && final.state.resources[0]?.instances.length).toBe(50);
    expect(final.kind === 'ok' && final.state.serial).toBe(persister.serial());
  });

  it('stops after a failed write and reports the failure to every later caller', async () => {
    const { store, writes, failNext } = slowStore();
    const builder = new StateBuilder(emptyState('L'));
    const persister = statePersister(store, () => builder.state(), 0);
    expect((await persister.persist()).kind).toBe('ok');
    failNext();
    builder.setOutput('x', 1, false);
    const failed = await persister.persist();
    expect(failed.kind === 'error' && failed.diagnostics[0]?.code).toBe('test.fail');
    const count = writes();
    builder.setOutput('y', 2, false);
    expect(await persister.persist()).toBe(failed);
    expect(writes()).toBe(count);
  });
});
