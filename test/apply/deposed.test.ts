import { describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/addr/index.js';
import {
  applyPlan,
  encodeEntry,
  Journal,
  JOURNAL_FORMAT_VERSION,
  MemoryJournalStorage,
  parseJournal,
  readStateWithJournal,
  replayJournal,
  type ApplyEvent,
  type JournalEntry,
  type JournalStorage,
} from '../../src/apply/index.js';
import { changeKey } from '../../src/plan/index.js';
import { addPending, emptyState, setInstance, type PendingIntent, type State } from '../../src/state/index.js';
import { addr, addressesIn, callName, change, fresh, rig, type Rig } from './helpers.js';

/**
 * Deposed objects through the journal and the executor: a create-before-destroy replacement
 * records its new object and the old object's pending delete in one journal entry, and a
 * planned deletion of a deposed object resolves that intent.
 */

const header = (lineage: string, baseSerial: number, version: number = JOURNAL_FORMAT_VERSION): string =>
  JSON.stringify({ kind: 'journal', format_version: version, lineage, base_serial: baseSerial }) + '\n';

const alice = addr('iam_user.alice');
const newInstance = { id: 'u-new', attributes: { name: 'alice2' }, sensitivePaths: [], dependencies: [] };
const createIntent: JournalEntry = { kind: 'intent', intent: { intentId: 'i-create', address: alice, action: 'create', startedAt: '2026-03-01T10:00:00.000Z', objectHint: { name: 'alice2' } } };
const setDeposing: JournalEntry = {
  kind: 'set',
  address: alice,
  instance: newInstance,
  resolves: 'i-create',
  deposes: { intentId: 'i-deposed', objectId: 'u-old', startedAt: '2026-03-01T10:00:01.000Z' },
};
const deposedPending: PendingIntent = { intentId: 'i-deposed', address: alice, action: 'delete', startedAt: '2026-03-01T10:00:01.000Z', deposedId: 'u-old' };
const base: State = { ...setInstance(emptyState('L'), alice, { id: 'u-old', attributes: { name: 'alice' }, sensitivePaths: [], dependencies: [] }), serial: 2 };

describe('the journal entry of a create-before-destroy replacement', () => {
  it('encodes the deposed object on the set line and reads back the same entry', () => {
    const line = encodeEntry(setDeposing);
    expect(JSON.parse(line)).toMatchObject({ kind: 'set', id: 'u-new', resolves: 'i-create', deposes: { intent_id: 'i-deposed', object_id: 'u-old', started_at: '2026-03-01T10:00:01.000Z' } });
    const parsed = parseJournal(header('L', 2) + line, 'j');
    expect(parsed.journal?.entries).toEqual([setDeposing]);
  });

  it('round-trips an intent that names a deposed object', () => {
    const entry: JournalEntry = { kind: 'intent', intent: deposedPending };
    expect(JSON.parse(encodeEntry(entry))).toMatchObject({ action: 'delete', deposed_id: 'u-old' });
    expect(parseJournal(header('L', 2) + encodeEntry(entry), 'j').journal?.entries).toEqual([entry]);
  });

  it('replays to the new object in state and the old one as a pending delete, in one step', () => {
    const replayed = replayJournal(base, { header: { lineage: 'L', baseSerial: 2 }, entries: [createIntent, setDeposing] }).state;
    expect(replayed.resources[0]?.instances.map((i) => i.id)).toEqual(['u-new']);
    expect(replayed.pending).toEqual([deposedPending]);
  });

  it('leaves the old object remembered after every prefix of the journal, a torn last line included', () => {
    const lines = [encodeEntry(createIntent), encodeEntry(setDeposing)];
    const texts: string[] = [];
    for (let n = 0; n <= lines.length; n++) texts.push(header('L', 2) + lines.slice(0, n).join(''));
    texts.push(header('L', 2) + (lines[0] as string) + (lines[1] as string).slice(0, 40));
    for (const text of texts) {
      const journal = parseJournal(text, 'j').journal;
      if (!journal) throw new Error(`unreadable: ${text}`);
      const state = replayJournal(base, journal).state;
      const inState = state.resources.flatMap((r) => r.instances.map((i) => i.id));
      const deposed = state.pending.flatMap((p) => (p.deposedId !== undefined ? [p.deposedId] : []));
      expect(inState.includes('u-old') || deposed.includes('u-old'), text).toBe(true);
      expect(inState.includes('u-old') && deposed.includes('u-old'), text).toBe(false);
    }
  });

  it('is written under format version 2, while version-1 journals still read and newer ones are refused', async () => {
    const storage = new MemoryJournalStorage();
    await new Journal(storage).start({ lineage: 'L', baseSerial: 2 });
    expect(JSON.parse(storage.text ?? '')).toMatchObject({ format_version: 2 });
    expect(parseJournal(header('L', 2, 1) + encodeEntry(createIntent), 'j').journal?.entries).toEqual([createIntent]);
    expect(parseJournal(header('L', 2, 3), 'j').diagnostics.map((d) => d.code)).toEqual(['apply.journal-invalid']);
  });

  it('refuses a create intent that names a deposed object', () => {
    const bad = JSON.stringify({ ...JSON.parse(encodeEntry(createIntent)), deposed_id: 'u-old' }) + '\n';
    expect(parseJournal(header('L', 2) + bad + encodeEntry(setDeposing), 'j').diagnostics.map((d) => d.code)).toEqual(['apply.journal-invalid']);
  });
});

/** Creates an object in the backend that no state records; returns its id. */
async function looseUser(r: Rig, name: string): Promise<string> {
  const seeded = await r.provider.seed(fresh(), [{ address: `iam_user.${name}`, values: { name } }]);
  return seeded.ids.get(`iam_user.${name}`) as string;
}

async function backendUserIds(r: Rig): Promise<string[]> {
  const listed = await r.provider.refresh(['iam_user']);
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value.get('iam_user') ?? []).map((o) => o.id).sort();
}

async function replacingAlice(r: Rig): Promise<{ prior: State; oldId: string }> {
  const seeded = await r.provider.seed(fresh(), [{ address: 'iam_user.alice', values: { name: 'alice' } }]);
  return { prior: seeded.state, oldId: seeded.ids.get('iam_user.alice') as string };
}

const replaceCbd = (oldId: string) => change('iam_user.alice', { action: 'replace', cbd: true, id: oldId, before: { name: 'alice' }, after: { name: 'alice2' } });

describe('a create-before-destroy replacement', () => {
  it('has the new object and the old one’s pending delete durable, and no other entry, when the old delete starts', async () => {
    const r = rig();
    const { prior, oldId } = await replacingAlice(r);
    // Appends reach the storage a while after they are asked for, as on a busy disk.
    const slow: JournalStorage = {
      location: 'slow journal',
      read: () => r.journal.read(),
      replace: (text) => r.journal.replace(text),
      append: async (text) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await r.journal.append(text);
      },
      sync: () => r.journal.sync(),
      remove: () => r.journal.remove(),
    };
    let atDelete: string | undefined;
    r.provider.pause = (call) => {
      if (callName(call) === 'delete iam_user alice') atDelete = r.journal.text;
      return undefined;
    };
    const result = await applyPlan({ changes: [replaceCbd(oldId)], prior }, { ...r.options, journal: slow });
    expect(result.diagnostics).toEqual([]);
    const kinds = (atDelete ?? '').trim().split('\n').map((l) => (JSON.parse(l) as { kind: string; deposes?: unknown }));
    expect(kinds.map((k) => k.kind)).toEqual(['journal', 'intent', 'set']);
    expect(kinds[2]?.deposes).toMatchObject({ object_id: oldId });
    const during = replayJournal(prior, parseJournal(atDelete ?? '', 'j').journal ?? { header: { lineage: '', baseSerial: 0 }, entries: [] }).state;
    expect(during.pending.map((p) => [formatAddress(p.address), p.action, p.deposedId])).toEqual([['iam_user.alice', 'delete', oldId]]);
    expect((await r.stored()).pending).toEqual([]);
    expect(await backendUserIds(r)).not.toContain(oldId);
  });

  it.each([
    ['refused', { status: 409, code: 'IAM.0001', message: 'in use' }],
    ['unanswered', { status: 503, code: 'IAM.0503', message: 'try later' }],
  ])('keeps the old object’s intent when its delete is %s', async (_, error) => {
    const r = rig();
    const { prior, oldId } = await replacingAlice(r);
    r.provider.fail = (call) => (callName(call) === 'delete iam_user alice' ? error : undefined);
    const result = await applyPlan({ changes: [replaceCbd(oldId)], prior }, r.options);
    expect(result.outcome).toMatchObject({ added: 1, destroyed: 0, failed: 1 });
    const stored = await r.stored();
    expect(stored.resources[0]?.instances.map((i) => i.id)).not.toContain(oldId);
    expect(stored.pending.map((p) => [p.action, p.deposedId])).toEqual([['delete', oldId]]);
  });
});

describe('a planned deletion of a deposed object', () => {
  async function leftBehind(r: Rig): Promise<{ prior: State; oldId: string; intent: PendingIntent }> {
    const seeded = await r.provider.seed(fresh(), [{ address: 'iam_user.alice', values: { name: 'alice2' } }]);
    const oldId = await looseUser(r, 'alice');
    const intent: PendingIntent = { intentId: 'left-1', address: alice, action: 'delete', startedAt: '2026-03-01T09:00:00.000Z', deposedId: oldId };
    return { prior: addPending(seeded.state, intent), oldId, intent };
  }
  const deletion = (oldId: string) => ({ ...change('iam_user.alice', { action: 'delete', id: oldId, before: { name: 'alice' } }), deposed: oldId });

  it('deletes the object by id and resolves the intent that remembered it, starting none', async () => {
    const r = rig();
    const { prior, oldId } = await leftBehind(r);
    let started = 0;
    const result = await applyPlan({ changes: [deletion(oldId)], prior }, { ...r.options, newIntentId: () => `new-${++started}` });
    expect(result.outcome).toMatchObject({ destroyed: 1, failed: 0 });
    expect(started).toBe(0);
    expect(await backendUserIds(r)).not.toContain(oldId);
    const stored = await r.stored();
    expect(stored.pending).toEqual([]);
    expect(addressesIn(stored)).toEqual(['iam_user.alice']);
  });

  it('runs beside a change of the same instance, and its events say which object they are about', async () => {
    const r = rig();
    const { prior, oldId } = await leftBehind(r);
    const currentId = prior.resources[0]?.instances[0]?.id as string;
    const update = change('iam_user.alice', { action: 'update', id: currentId, before: { name: 'alice2' }, after: { name: 'alice2', description: 'lead' } });
    const result = await applyPlan({ changes: [update, deletion(oldId)], prior }, r.options);
    expect(result.outcome).toMatchObject({ changed: 1, destroyed: 1, failed: 0 });
    const done = r.events.filter((e): e is Extract<ApplyEvent, { kind: 'change_done' }> => e.kind === 'change_done').map((e) => changeKey(e));
    expect(done.sort()).toEqual(['iam_user.alice', `iam_user.alice (deposed object ${oldId})`]);
    expect((await r.stored()).pending).toEqual([]);
  });

  it('keeps the intent when the delete fails', async () => {
    const r = rig();
    const { prior, oldId, intent } = await leftBehind(r);
    r.provider.fail = (call) => (call.method === 'delete' ? { status: 409, code: 'IAM.0001', message: 'in use' } : undefined);
    const result = await applyPlan({ changes: [deletion(oldId)], prior }, r.options);
    expect(result.outcome).toMatchObject({ destroyed: 0, failed: 1 });
    expect((await r.stored()).pending).toEqual([intent]);
    const read = await readStateWithJournal(r.store, r.journal);
    expect(read.kind === 'ok' && read.state.pending).toEqual([intent]);
  });

  it('records an intent first when the prior state has none for it', async () => {
    const r = rig();
    const { prior, oldId } = await leftBehind(r);
    let atDelete: PendingIntent[] = [];
    r.provider.pause = (call) => {
      if (call.method === 'delete') atDelete = parseJournal(r.journal.text ?? '', 'j').journal?.entries.flatMap((e) => (e.kind === 'intent' ? [e.intent] : [])) ?? [];
      return undefined;
    };
    const result = await applyPlan({ changes: [deletion(oldId)], prior: { ...prior, pending: [] } }, r.options);
    expect(result.outcome).toMatchObject({ destroyed: 1 });
    expect(atDelete.map((i) => [i.action, i.deposedId])).toEqual([['delete', oldId]]);
    expect((await r.stored()).pending).toEqual([]);
  });

  it('waits for the deletion of an object that depended on its instance (deletions in reverse order)', async () => {
    const r = rig();
    const seeded = await r.provider.seed(fresh(), [
      { address: 'iam_group.ops', values: { name: 'ops2', description: '' } },
      { address: 'iam_user.alice', values: { name: 'alice' } },
    ]);
    const groupId = seeded.ids.get('iam_group.ops') as string;
    const userId = seeded.ids.get('iam_user.alice') as string;
    const oldGroup = await r.provider.seed(fresh(), [{ address: 'iam_group.old', values: { name: 'ops', description: '' } }]);
    const oldGroupId = oldGroup.ids.get('iam_group.old') as string;
    const members = await r.provider.seed(seeded.state, [{ address: 'iam_group_membership.ops', values: { group: groupId, users: [userId] }, dependsOn: ['iam_group.ops', 'iam_user.alice'] }]);
    const prior = addPending(members.state, { intentId: 'left-g', address: addr('iam_group.ops'), action: 'delete', startedAt: '2026-03-01T09:00:00.000Z', deposedId: oldGroupId });
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    r.provider.pause = (call) => (call.method === 'delete' && call.type === 'iam_group_membership' ? held : undefined);
    const membershipId = members.ids.get('iam_group_membership.ops') as string;
    const changes = [
      change('iam_group_membership.ops', { action: 'delete', id: membershipId, before: { group: groupId, users: [userId] } }),
      { ...change('iam_group.ops', { action: 'delete', id: oldGroupId, before: { name: 'ops' } }), deposed: oldGroupId },
    ];
    const running = applyPlan({ changes, prior }, { ...r.options, parallelism: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.provider.calls.map(callName)).toEqual(['delete iam_group_membership ops2 members']);
    release();
    expect((await running).outcome).toMatchObject({ destroyed: 2, failed: 0 });
    expect(r.provider.calls.map(callName)).toEqual(['delete iam_group_membership ops2 members', 'delete iam_group ops']);
  });
});
