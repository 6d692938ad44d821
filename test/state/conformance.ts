import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addPending,
  emptyState,
  resolvePending,
  setInstance,
  setOutput,
  type LockIdentity,
  type State,
  type StateStore,
  type StoreEnvironment,
  type WriteOnlyLookup,
} from '../../src/state/index.js';
import { fakeEnv, type FakeEnv } from './fake-env.js';

export interface OpenOptions {
  /** Another identity is another process (or machine) sharing the same stored state. */
  readonly identity?: LockIdentity;
  readonly writeOnly?: WriteOnlyLookup;
}

/** One empty storage location per test, on which any number of handles can be opened. */
export interface StoreHarness {
  open(options?: OpenOptions): StateStore;
  cleanup(): Promise<void>;
}

export type StoreFactory = (env: StoreEnvironment) => Promise<StoreHarness>;

const ALICE: LockIdentity = { user: 'alice', pid: 4101, host: 'build-1' };
const BOB: LockIdentity = { user: 'bob', pid: 4202, host: 'build-2' };

const user = { mode: 'managed', type: 'iam_user', name: 'alice' } as const;
const team = (key: string) => ({ mode: 'managed', type: 'iam_user', name: 'team', key }) as const;
const group = { mode: 'managed', type: 'iam_group', name: 'ops' } as const;

function sampleState(lineage: string): State {
  let state = emptyState(lineage);
  state = setInstance(state, group, { id: 'g-1', attributes: { name: 'ops', description: 'Operations' }, sensitivePaths: [], dependencies: [] });
  state = setInstance(state, team('zoe'), { id: 'u-3', attributes: { name: 'zoe' }, sensitivePaths: [], dependencies: [group] });
  state = setInstance(state, team('bob'), { id: 'u-2', attributes: { name: 'bob', tags: { team: 'ops' } }, sensitivePaths: [], dependencies: [group] });
  return state;
}

async function readOk(store: StateStore): Promise<{ state: State; persisted: boolean }> {
  const result = await store.read();
  if (result.kind !== 'ok') throw new Error(`read failed: ${JSON.stringify(result.diagnostics)}`);
  return result;
}

/**
 * The behaviour every StateStore must have. `factory` makes a fresh, empty storage location
 * for each test and opens handles on it with the given environment (fake clock and sleep).
 */
export function describeStateStore(name: string, factory: StoreFactory): void {
  describe(`StateStore conformance: ${name}`, () => {
    let harness: StoreHarness;
    let fake: FakeEnv;
    beforeEach(async () => {
      fake = fakeEnv();
      harness = await factory(fake.env);
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('reads an empty store as a fresh, unpersisted state with a lineage', async () => {
      const { state, persisted } = await readOk(harness.open());
      expect(persisted).toBe(false);
      expect(state.serial).toBe(0);
      expect(state.lineage).not.toBe('');
      expect(state.resources).toEqual([]);
      expect(state.outputs).toEqual({});
      expect(state.pending).toEqual([]);
    });

    it('round-trips resources, instances and dependencies; the serial becomes expectSerial + 1', async () => {
      const store = harness.open();
      const fresh = await readOk(store);
      const state = sampleState(fresh.state.lineage);
      expect(await store.write(state, { expectSerial: 0 })).toEqual({ kind: 'ok', serial: 1 });
      const read = await readOk(store);
      expect(read.persisted).toBe(true);
      expect(read.state).toEqual({ ...state, serial: 1 });
      expect(await store.write(read.state, { expectSerial: 1 })).toEqual({ kind: 'ok', serial: 2 });
      expect((await readOk(harness.open())).state.serial).toBe(2);
    });

    it('refuses a write whose expected serial is stale and writes nothing', async () => {
      const first = harness.open({ identity: ALICE });
      const second = harness.open({ identity: BOB });
      const lineage = (await readOk(first)).state.lineage;
      expect((await first.write(sampleState(lineage), { expectSerial: 0 })).kind).toBe('ok');
      const seenByFirst = await readOk(first);
      const seenBySecond = await readOk(second);
      const firstChange = setOutput(seenByFirst.state, 'winner', 'first', false);
      expect(await first.write(firstChange, { expectSerial: seenByFirst.state.serial })).toEqual({ kind: 'ok', serial: 2 });
      const secondChange = setOutput(seenBySecond.state, 'winner', 'second', false);
      const conflict = await second.write(secondChange, { expectSerial: seenBySecond.state.serial });
      expect(conflict.kind).toBe('error');
      if (conflict.kind === 'error') {
        expect(conflict.diagnostics.map((d) => d.code)).toEqual(['state.serial-conflict']);
        expect(conflict.diagnostics[0]?.detail).toContain('serial 2');
      }
      const after = await readOk(second);
      expect(after.state.serial).toBe(2);
      expect(after.state.outputs['winner']?.value).toBe('first');
    });

    it('refuses a first write that expects an existing serial', async () => {
      const store = harness.open();
      const { state } = await readOk(store);
      const result = await store.write(state, { expectSerial: 3 });
      expect(result.kind === 'error' && result.diagnostics[0]?.code).toBe('state.serial-conflict');
      expect((await readOk(store)).persisted).toBe(false);
    });

    it('keeps the lineage across writes and refuses a state of another lineage', async () => {
      const store = harness.open();
      const { state } = await readOk(store);
      await store.write(state, { expectSerial: 0 });
      let current = (await readOk(store)).state;
      for (let i = 0; i < 3; i++) {
        await store.write(setOutput(current, 'n', i, false), { expectSerial: current.serial });
        current = (await readOk(store)).state;
      }
      expect(current.lineage).toBe(state.lineage);
      expect(current.serial).toBe(4);
      const foreign = await store.write({ ...current, lineage: 'another-history' }, { expectSerial: 4 });
      expect(foreign.kind === 'error' && foreign.diagnostics[0]?.code).toBe('state.lineage-mismatch');
      expect((await readOk(store)).state.serial).toBe(4);
    });

    it('locks and unlocks, recording who, where and when', async () => {
      const store = harness.open({ identity: ALICE });
      const result = await store.lock({ operation: 'apply', timeoutMs: 0 });
      expect(result.kind).toBe('ok');
      if (result.kind !== 'ok') return;
      expect(result.lock).toMatchObject({ holder: 'alice', pid: 4101, host: 'build-1', operation: 'apply', created: '2026-03-01T10:00:00.000Z' });
      expect(result.lock.id).not.toBe('');
      expect(await store.currentLock()).toEqual(result.lock);
      expect(await store.unlock(result.lock.id)).toEqual([]);
      expect(await store.currentLock()).toBeUndefined();
      const again = await store.lock({ operation: 'plan', who: 'ci-job-17', timeoutMs: 0 });
      expect(again.kind === 'ok' && again.lock.holder).toBe('ci-job-17');
    });

    it('fails a second lock at once with the holder details', async () => {
      const held = await harness.open({ identity: ALICE }).lock({ operation: 'apply', timeoutMs: 0 });
      if (held.kind !== 'ok') throw new Error('first lock failed');
      const result = await harness.open({ identity: BOB }).lock({ operation: 'destroy', timeoutMs: 0 });
      expect(result.kind).toBe('error');
      if (result.kind !== 'error') return;
      expect(result.holder).toEqual(held.lock);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['state.locked']);
      const detail = result.diagnostics[0]?.detail ?? '';
      for (const fact of [held.lock.id, 'alice', '4101', 'build-1', 'apply', '2026-03-01T10:00:00.000Z']) expect(detail).toContain(fact);
      expect(detail).toContain(`iamform force-unlock ${held.lock.id}`);
      expect(fake.sleeps).toEqual([]);
    });

    it('is not re-entrant: the same handle cannot lock twice', async () => {
      const store = harness.open({ identity: ALICE });
      expect((await store.lock({ operation: 'apply', timeoutMs: 0 })).kind).toBe('ok');
      expect((await store.lock({ operation: 'apply', timeoutMs: 0 })).kind).toBe('error');
    });

    it('waits up to the timeout with growing pauses and succeeds once the lock is released', async () => {
      const holder = harness.open({ identity: ALICE });
      const held = await holder.lock({ operation: 'apply', timeoutMs: 0 });
      if (held.kind !== 'ok') throw new Error('first lock failed');
      let released = false;
      fake.onSleep(async (slept) => {
        if (slept >= 700 && !released) {
          released = true;
          expect(await holder.unlock(held.lock.id)).toEqual([]);
        }
      });
      const result = await harness.open({ identity: BOB }).lock({ operation: 'plan', timeoutMs: 10_000 });
      expect(result.kind === 'ok' && result.lock.holder).toBe('bob');
      expect(released).toBe(true);
      expect(fake.sleeps.length).toBeGreaterThan(2);
      for (let i = 1; i < fake.sleeps.length; i++) expect(fake.sleeps[i]).toBeGreaterThanOrEqual(fake.sleeps[i - 1] as number);
      expect(fake.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(10_000);
    });

    it('gives up when the timeout passes, without sleeping past it', async () => {
      await harness.open({ identity: ALICE }).lock({ operation: 'apply', timeoutMs: 0 });
      const result = await harness.open({ identity: BOB }).lock({ operation: 'plan', timeoutMs: 3000 });
      expect(result.kind === 'error' && result.diagnostics[0]?.code).toBe('state.locked');
      expect(result.kind === 'error' && result.diagnostics[0]?.detail).toContain('after waiting 3s');
      expect(fake.sleeps.reduce((a, b) => a + b, 0)).toBe(3000);
    });

    it('force-unlocks only with the current lock id', async () => {
      const store = harness.open({ identity: BOB });
      expect((await store.forceUnlock('no-such-lock')).map((d) => d.code)).toEqual(['state.not-locked']);
      const held = await harness.open({ identity: ALICE }).lock({ operation: 'apply', timeoutMs: 0 });
      if (held.kind !== 'ok') throw new Error('lock failed');
      const wrong = await store.forceUnlock('not-the-id');
      expect(wrong.map((d) => d.code)).toEqual(['state.lock-id-mismatch']);
      expect(wrong[0]?.detail).toContain(held.lock.id);
      expect(await store.currentLock()).toEqual(held.lock);
      expect((await store.unlock('not-the-id')).map((d) => d.code)).toEqual(['state.lock-id-mismatch']);
      expect(await store.forceUnlock(held.lock.id)).toEqual([]);
      expect(await store.currentLock()).toBeUndefined();
      expect((await store.lock({ operation: 'apply', timeoutMs: 0 })).kind).toBe('ok');
    });

    it('stores the intent journal faithfully and forgets resolved intents', async () => {
      const store = harness.open();
      let state = (await readOk(store)).state;
      state = addPending(state, { intentId: 'i-2', address: team('bob'), action: 'delete', startedAt: '2026-03-01T10:00:02.000Z' });
      state = addPending(state, {
        intentId: 'i-1',
        address: user,
        action: 'create',
        startedAt: '2026-03-01T10:00:01.000Z',
        objectHint: { name: 'alice', domain: 'acme' },
      });
      await store.write(state, { expectSerial: 0 });
      const read = (await readOk(store)).state;
      expect(read.pending).toEqual([state.pending[1], state.pending[0]]);
      await store.write(resolvePending(read, 'i-1'), { expectSerial: 1 });
      expect((await readOk(store)).state.pending.map((p) => p.intentId)).toEqual(['i-2']);
    });

    it('stores outputs with their sensitivity', async () => {
      const store = harness.open();
      let state = (await readOk(store)).state;
      state = setOutput(state, 'group_ids', ['g-1', 'g-2'], false);
      state = setOutput(state, 'bot_secret', { key: 'AK', nested: [1, null, true] }, true);
      await store.write(state, { expectSerial: 0 });
      expect((await readOk(store)).state.outputs).toEqual({
        bot_secret: { value: { key: 'AK', nested: [1, null, true] }, sensitive: true },
        group_ids: { value: ['g-1', 'g-2'], sensitive: false },
      });
    });

    it('stores sensitive paths and provider-private data', async () => {
      const store = harness.open();
      let state = (await readOk(store)).state;
      state = setInstance(state, user, {
        id: 'u-1',
        attributes: { name: 'alice', phone: '+49-170-0000000', keys: [{ id: 'k1', hint: 'ab' }] },
        sensitivePaths: [['phone'], ['keys', 0, 'hint']],
        dependencies: [],
        private: { password_hash: 'sha256:00ff' },
      });
      await store.write(state, { expectSerial: 0 });
      const instance = (await readOk(store)).state.resources[0]?.instances[0];
      expect(instance?.sensitivePaths).toEqual([['keys', 0, 'hint'], ['phone']]);
      expect(instance?.private).toEqual({ password_hash: 'sha256:00ff' });
      expect(instance?.attributes).toEqual({ name: 'alice', phone: '+49-170-0000000', keys: [{ id: 'k1', hint: 'ab' }] });
    });

    it('never stores a value at a write-only path', async () => {
      const writeOnly: WriteOnlyLookup = (resource) => (resource.type === 'iam_user' ? [['password'], ['access', 'secret']] : []);
      const store = harness.open({ writeOnly });
      let state = (await readOk(store)).state;
      state = setInstance(state, user, {
        id: 'u-1',
        attributes: { name: 'alice', password: 'hunter2-Secret!', access: { id: 'AK1', secret: 'SK-very-secret' } },
        sensitivePaths: [],
        dependencies: [],
      });
      state = setInstance(state, group, { id: 'g-1', attributes: { name: 'ops', password: 'not-a-secret-here' }, sensitivePaths: [], dependencies: [] });
      await store.write(state, { expectSerial: 0 });
      const read = (await readOk(harness.open())).state;
      expect(read.resources.find((r) => r.type === 'iam_user')?.instances[0]?.attributes).toEqual({ name: 'alice', access: { id: 'AK1' } });
      expect(read.resources.find((r) => r.type === 'iam_group')?.instances[0]?.attributes).toEqual({ name: 'ops', password: 'not-a-secret-here' });
      expect(JSON.stringify(read)).not.toContain('hunter2');
      expect(JSON.stringify(read)).not.toContain('SK-very-secret');
    });
  });
}
