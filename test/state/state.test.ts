import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, type ResourceAddress } from '../../src/addr/index.js';
import {
  addPending,
  emptyState,
  findInstance,
  instanceAddresses,
  removeInstance,
  removeOutput,
  resolvePending,
  selectInstances,
  setInstance,
  setOutput,
  type State,
} from '../../src/state/index.js';

const addr = (text: string): ResourceAddress => {
  const parsed = parseAddress(text).address;
  if (!parsed) throw new Error(text);
  return parsed;
};
const put = (state: State, text: string, id = text): State => setInstance(state, addr(text), { id, attributes: {}, sensitivePaths: [], dependencies: [] });

describe('state helpers', () => {
  it('keep resources and instances in address order whatever the insertion order', () => {
    const order = ['data.iam_policy.ro', 'iam_user.team["zoe"]', 'iam_group.ops', 'iam_user.bot[10]', 'iam_user.team["bob"]', 'iam_user.bot[2]', 'iam_user.alice'];
    const state = order.reduce((s, text) => put(s, text), emptyState('L'));
    expect(instanceAddresses(state).map(formatAddress)).toEqual([
      'iam_group.ops',
      'iam_user.alice',
      'iam_user.bot[2]',
      'iam_user.bot[10]',
      'iam_user.team["bob"]',
      'iam_user.team["zoe"]',
      'data.iam_policy.ro',
    ]);
  });

  it('replace an instance at the same address instead of adding one', () => {
    const state = put(put(emptyState('L'), 'iam_user.team["bob"]', 'u-1'), 'iam_user.team["bob"]', 'u-2');
    expect(instanceAddresses(state)).toHaveLength(1);
    expect(findInstance(state, addr('iam_user.team["bob"]'))?.id).toBe('u-2');
  });

  it('remove instances, and the resource with its last one', () => {
    let state = put(put(emptyState('L'), 'iam_user.team["a"]'), 'iam_user.team["b"]');
    state = removeInstance(state, addr('iam_user.team["a"]'));
    expect(instanceAddresses(state).map(formatAddress)).toEqual(['iam_user.team["b"]']);
    state = removeInstance(state, addr('iam_user.team["b"]'));
    expect(state.resources).toEqual([]);
  });

  it.each([
    ['iam_user.team', ['iam_user.team["a"]', 'iam_user.team["b"]']],
    ['iam_user.team["b"]', ['iam_user.team["b"]']],
    ['iam_user.alice', ['iam_user.alice']],
    ['iam_group.none', []],
  ] as const)('select %s', (filter, expected) => {
    const state = ['iam_user.team["b"]', 'iam_user.alice', 'iam_user.team["a"]'].reduce((s, t) => put(s, t), emptyState('L'));
    expect(selectInstances(state, addr(filter)).map((e) => formatAddress(e.address))).toEqual(expected);
  });

  it('never modify the state they are given', () => {
    const before = put(emptyState('L'), 'iam_user.alice');
    const snapshot = JSON.stringify(before);
    put(before, 'iam_user.bob');
    removeInstance(before, addr('iam_user.alice'));
    setOutput(before, 'x', 1, false);
    addPending(before, { intentId: 'i', address: addr('iam_user.alice'), action: 'delete', startedAt: 't' });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('add and resolve intents, and refuse a duplicate intent id as a bug', () => {
    const intent = { intentId: 'i-1', address: addr('iam_user.alice'), action: 'create', startedAt: '2026-01-01T00:00:00.000Z' } as const;
    const state = addPending(emptyState('L'), intent);
    expect(state.pending).toEqual([intent]);
    expect(() => addPending(state, intent)).toThrow(/already pending/);
    expect(resolvePending(state, 'i-1').pending).toEqual([]);
    expect(resolvePending(state, 'unknown').pending).toEqual([intent]);
  });

  it('set and remove outputs', () => {
    const state = setOutput(setOutput(emptyState('L'), 'a', 1, false), 'b', 'secret', true);
    expect(state.outputs).toEqual({ a: { value: 1, sensitive: false }, b: { value: 'secret', sensitive: true } });
    expect(removeOutput(state, 'a').outputs).toEqual({ b: { value: 'secret', sensitive: true } });
  });
});
