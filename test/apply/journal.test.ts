import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/addr/index.js';
import {
  applyPlan,
  encodeEntry,
  fileJournalStorage,
  journalPathOf,
  MemoryJournalStorage,
  parseJournal,
  readStateWithJournal,
  replayJournal,
  type JournalEntry,
  type JournalStorage,
} from '../../src/apply/index.js';
import { emptyState, setInstance, type State } from '../../src/state/index.js';
import { fileStateStore } from '../../src/state/file.js';
import { addr, addressesIn, callName, change, fresh, rig } from './helpers.js';

const users = (...names: string[]) => names.map((name) => change(`iam_user.${name}`, { action: 'create', after: { name } }));

/** A promise and its resolver: a gate a paused provider call waits at. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** Resolves at the first call matching `name`, while that call waits on the returned gate. */
function pauseAt(r: ReturnType<typeof rig>, name: string): { reached: Promise<void>; release: () => void } {
  const reached = gate();
  const hold = gate();
  r.provider.pause = (call) => {
    if (callName(call) !== name) return undefined;
    reached.open();
    return hold.wait;
  };
  return { reached: reached.wait, release: hold.open };
}

describe('intents and results in the journal', () => {
  it('records the intent before the call and the result after it, and clears both at the end', async () => {
    const r = rig();
    const paused = pauseAt(r, 'create iam_user bob');
    const running = applyPlan({ changes: users('alice', 'bob'), prior: fresh() }, { ...r.options, parallelism: 1 });
    await paused.reached;
    const during = await readStateWithJournal(r.store, r.journal);
    if (during.kind !== 'ok') throw new Error('unreadable');
    expect(addressesIn(during.state)).toEqual(['iam_user.alice']);
    expect(during.state.pending).toEqual([{ intentId: 'intent-2', address: addr('iam_user.bob'), action: 'create', startedAt: expect.any(String), objectHint: { name: 'bob' } }]);
    // Nothing but the journal has been written yet: the state store is still empty.
    expect(r.storage.text).toBeUndefined();
    paused.release();
    const result = await running;
    expect(result.diagnostics).toEqual([]);
    expect(r.journal.text).toBeUndefined();
    const stored = await r.stored();
    expect(addressesIn(stored)).toEqual(['iam_user.alice', 'iam_user.bob']);
    expect(stored.pending).toEqual([]);
    expect(stored.serial).toBe(1);
  });

  it('folds the journal into the state every N results and carries on in a new journal', async () => {
    const r = rig();
    const paused = pauseAt(r, 'create iam_user u5');
    const names = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
    const running = applyPlan({ changes: users(...names), prior: fresh() }, { ...r.options, parallelism: 1, checkpoint: { changes: 2, intervalMs: 1e9 } });
    await paused.reached;
    // Folded after 2 results, then after as many results as the last fold wrote instances (2).
    const stored = await r.stored();
    expect(stored.serial).toBe(2);
    expect(addressesIn(stored)).toEqual(['iam_user.u0', 'iam_user.u1', 'iam_user.u2', 'iam_user.u3']);
    const journal = parseJournal(r.journal.text ?? '', 'j').journal;
    expect(journal?.header.baseSerial).toBe(2);
    // The journal holds what the stored state lacks: u4 (intent and result) and u5's intent.
    expect(journal?.entries.map((e) => e.kind)).toEqual(['intent', 'set', 'intent']);
    const during = await readStateWithJournal(r.store, r.journal);
    if (during.kind !== 'ok') throw new Error('unreadable');
    expect(addressesIn(during.state)).toEqual(['iam_user.u0', 'iam_user.u1', 'iam_user.u2', 'iam_user.u3', 'iam_user.u4']);
    expect(during.state.pending.map((p) => formatAddress(p.address))).toEqual(['iam_user.u5']);
    paused.release();
    await running;
    expect(addressesIn(await r.stored())).toEqual(names.map((n) => `iam_user.${n}`));
  });

  it('loses nothing when killed between a fold and the journal rotation (the journal is replayed again)', async () => {
    const r = rig();
    let replaces = 0;
    const failingRotation: JournalStorage = {
      location: 'journal',
      read: () => r.journal.read(),
      replace: async (text) => {
        if (++replaces === 2) throw new Error('disk full');
        return r.journal.replace(text);
      },
      append: (text) => r.journal.append(text),
      sync: () => r.journal.sync(),
      remove: () => r.journal.remove(),
    };
    const result = await applyPlan({ changes: users('a1', 'a2', 'a3', 'a4'), prior: fresh() }, { ...r.options, journal: failingRotation, parallelism: 1, checkpoint: { changes: 2, intervalMs: 1e9 } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['apply.journal-io']);
    expect(result.outcome).toMatchObject({ added: 2, notStarted: 2 });
    const stored = await r.stored();
    expect(stored.serial).toBe(1);
    expect(parseJournal(r.journal.text ?? '', 'j').journal?.header.baseSerial).toBe(0);
    const read = await readStateWithJournal(r.store, r.journal);
    expect(read.kind === 'ok' && addressesIn(read.state)).toEqual(['iam_user.a1', 'iam_user.a2']);
  });

  it('a leftover journal is folded in before a new apply starts its own', async () => {
    const r = rig();
    const interrupted = await applyPlan({ changes: users('x1'), prior: fresh() }, r.options);
    expect(interrupted.diagnostics).toEqual([]);
    const base = await r.stored();
    const instance = { id: 'id-x2', attributes: { name: 'x2' }, sensitivePaths: [], dependencies: [] };
    const entries: JournalEntry[] = [
      { kind: 'intent', intent: { intentId: 'old-1', address: addr('iam_user.x2'), action: 'create', startedAt: '2026-03-01T10:00:00.000Z', objectHint: { name: 'x2' } } },
      { kind: 'set', address: addr('iam_user.x2'), instance, resolves: 'old-1' },
      { kind: 'intent', intent: { intentId: 'old-2', address: addr('iam_user.x3'), action: 'create', startedAt: '2026-03-01T10:00:00.000Z', objectHint: { name: 'x3' } } },
    ];
    await r.journal.replace(header(base.lineage, base.serial) + entries.map(encodeEntry).join(''));
    const result = await applyPlan({ changes: users('x4'), prior: base }, r.options);
    expect(result.diagnostics).toEqual([]);
    const stored = await r.stored();
    expect(addressesIn(stored)).toEqual(['iam_user.x1', 'iam_user.x2', 'iam_user.x4']);
    expect(stored.pending.map((p) => p.intentId)).toEqual(['old-2']);
    expect(r.journal.text).toBeUndefined();
  });
});

function header(lineage: string, baseSerial: number): string {
  return JSON.stringify({ kind: 'journal', format_version: 1, lineage, base_serial: baseSerial }) + '\n';
}

describe('replaying a journal', () => {
  const setX = encodeEntry({ kind: 'set', address: addr('iam_user.x'), instance: { id: 'ix', attributes: { name: 'x' }, sensitivePaths: [['email']], dependencies: [addr('iam_group.g')] } });
  const removeY = encodeEntry({ kind: 'remove', address: addr('iam_user.y') });
  const base: State = { ...setInstance(emptyState('L'), addr('iam_user.y'), { id: 'iy', attributes: {}, sensitivePaths: [], dependencies: [] }), serial: 4 };
  const cases: [string, State, string, string[] | 'error'][] = [
    ['on its base serial', base, header('L', 4) + setX + removeY, ['iam_user.x']],
    ['one serial behind (a fold stored, the rotation did not happen)', { ...base, serial: 5 }, header('L', 4) + setX + removeY, ['iam_user.x']],
    ['older: already folded by a later write, ignored', { ...base, serial: 6 }, header('L', 4) + setX + removeY, ['iam_user.y']],
    ['of another lineage: ignored', base, header('M', 4) + setX, ['iam_user.y']],
    ['onto a store never written: takes the journal lineage', emptyState('fresh'), header('L', 0) + setX, ['iam_user.x']],
    ['with a last line cut short by a kill: dropped', base, header('L', 4) + setX + removeY.slice(0, 12), ['iam_user.x', 'iam_user.y']],
    ['with a damaged line in the middle: an error', base, header('L', 4) + '{"kind":"set"}\n' + setX, 'error'],
    ['without a header: an error', base, setX, 'error'],
  ];
  it.each(cases)('%s', (_, state, text, expected) => {
    const parsed = parseJournal(text, 'state.json.journal');
    if (expected === 'error') {
      expect(parsed.journal).toBeUndefined();
      expect(parsed.diagnostics.map((d) => d.code)).toEqual(['apply.journal-invalid']);
      return;
    }
    if (!parsed.journal) throw new Error(JSON.stringify(parsed.diagnostics));
    const replayed = replayJournal(state, parsed.journal).state;
    expect(addressesIn(replayed)).toEqual(expected);
    if (expected.includes('iam_user.x')) expect(replayed.resources[0]?.instances[0]).toEqual({ id: 'ix', attributes: { name: 'x' }, sensitivePaths: [['email']], dependencies: [addr('iam_group.g')] });
  });
});

describe('the file journal beside a file state store', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds intents and results on disk during apply, mode 0600, and is removed at the end', async () => {
    dir = await mkdtemp(join(tmpdir(), 'iamform-journal-'));
    const statePath = join(dir, 'default.iamstate.json');
    const store = fileStateStore({ path: statePath, iamformVersion: 'test' });
    const journal = fileJournalStorage({ path: journalPathOf(statePath) });
    const r = rig();
    const paused = pauseAt(r, 'create iam_user b2');
    const running = applyPlan({ changes: users('b1', 'b2'), prior: fresh() }, { ...r.options, stateStore: store, journal, parallelism: 1 });
    await paused.reached;
    const text = await readFile(journalPathOf(statePath), 'utf8');
    expect(text.trim().split('\n').map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual(['journal', 'intent', 'set', 'intent']);
    expect((await stat(journalPathOf(statePath))).mode & 0o777).toBe(0o600);
    const during = await readStateWithJournal(store, fileJournalStorage({ path: journalPathOf(statePath) }));
    expect(during.kind === 'ok' && addressesIn(during.state)).toEqual(['iam_user.b1']);
    paused.release();
    expect((await running).diagnostics).toEqual([]);
    await expect(stat(journalPathOf(statePath))).rejects.toThrow();
    const read = await store.read();
    expect(read.kind === 'ok' && addressesIn(read.state)).toEqual(['iam_user.b1', 'iam_user.b2']);
  });

  it('MemoryJournalStorage groups appends that arrive while one is being written', async () => {
    const storage = new MemoryJournalStorage();
    const r = rig();
    await applyPlan({ changes: users('c1', 'c2', 'c3', 'c4'), prior: fresh() }, { ...r.options, journal: storage, parallelism: 4 });
    expect(storage.appends.length).toBeLessThan(8);
    expect(storage.appends.join('').trim().split('\n')).toHaveLength(8);
  });
});
