import { describe, expect, it } from 'vitest';
import { applyPlan, referenceResolver, type UnknownReference } from '../../src/apply/index.js';
import type { ResourceChange } from '../../src/plan/types.js';
import type { JsonObject, State } from '../../src/state/index.js';
import { addr, addressesIn, callName, change, fresh, rig, type WatchedProvider } from './helpers.js';

interface Seed {
  readonly address: string;
  /** Given the ids of the objects seeded before it. */
  readonly values: (ids: ReadonlyMap<string, string>) => JsonObject;
  readonly dependsOn?: readonly string[];
}

interface Case {
  /** Objects that exist before the apply, recorded in prior state. */
  readonly seed: readonly Seed[];
  /** The changes, given the ids of the seeded objects. */
  readonly changes: (ids: ReadonlyMap<string, string>) => ResourceChange[];
  readonly references?: Record<string, readonly UnknownReference[]>;
  /** Pairs of provider calls: the first must start before the second. */
  readonly before: readonly [string, string][];
  readonly calls: number;
  readonly outcome: { added: number; changed: number; destroyed: number };
  readonly finalAddresses: readonly string[];
}

const ref = (path: (string | number)[], from: string): UnknownReference => ({ path, from: addr(from), attribute: ['id'] });
const id = (ids: ReadonlyMap<string, string>, address: string): string => ids.get(address) as string;
const named = (name: string): Seed['values'] => () => ({ name });
const alice: Seed = { address: 'iam_user.alice', values: named('alice') };
const membershipOf = (group: string): Seed => ({
  address: `iam_group_membership.${group}`,
  values: (ids) => ({ group: id(ids, `iam_group.${group}`), users: [id(ids, 'iam_user.alice')] }),
  dependsOn: [`iam_group.${group}`, 'iam_user.alice'],
});
const keyOf = (description: string): Seed => ({ address: 'iam_access_key.alice', values: (ids) => ({ user: id(ids, 'iam_user.alice'), description }), dependsOn: ['iam_user.alice'] });
const opsWithMembers: readonly Seed[] = [{ address: 'iam_group.ops', values: named('ops') }, alice, membershipOf('ops')];
/** The ops membership replaced along with its group, so the new group's id is unknown until then. */
const membershipReplaced = (ids: ReadonlyMap<string, string>, { cbd = false } = {}): ResourceChange =>
  change('iam_group_membership.ops', {
    action: 'replace',
    cbd,
    id: id(ids, 'iam_group_membership.ops'),
    before: { group: id(ids, 'iam_group.ops'), users: [] },
    after: { users: [] },
    afterUnknown: [['group']],
    dependsOn: ['iam_group.ops', 'iam_user.alice'],
  });
const membershipRefs = { 'iam_group_membership.ops': [ref(['group'], 'iam_group.ops'), ref(['users', 0], 'iam_user.alice')] };

const cases: Record<string, Case> = {
  'creations after their dependencies': {
    seed: [],
    changes: () => [
      change('iam_group_membership.ops', { action: 'create', after: { users: [] }, afterUnknown: [['group'], ['users', 0]], dependsOn: ['iam_group.ops', 'iam_user.alice'] }),
      change('iam_access_key.alice', { action: 'create', after: { description: 'alice key' }, afterUnknown: [['user']], dependsOn: ['iam_user.alice'] }),
      change('iam_group.ops', { action: 'create', after: { name: 'ops', description: '' } }),
      change('iam_user.alice', { action: 'create', after: { name: 'alice' } }),
    ],
    references: { ...membershipRefs, 'iam_access_key.alice': [ref(['user'], 'iam_user.alice')] },
    before: [
      ['create iam_group ops', 'create iam_group_membership ops members'],
      ['create iam_user alice', 'create iam_group_membership ops members'],
      ['create iam_user alice', 'create iam_access_key alice key'],
    ],
    calls: 4,
    outcome: { added: 4, changed: 0, destroyed: 0 },
    finalAddresses: ['iam_access_key.alice', 'iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice'],
  },
  'deletions in reverse, dependencies taken from state': {
    seed: [...opsWithMembers, keyOf('alice key')],
    changes: (ids) => [
      change('iam_group.ops', { action: 'delete', id: id(ids, 'iam_group.ops'), before: { name: 'ops' } }),
      change('iam_user.alice', { action: 'delete', id: id(ids, 'iam_user.alice'), before: { name: 'alice' } }),
      change('iam_group_membership.ops', { action: 'delete', id: id(ids, 'iam_group_membership.ops'), before: { group: id(ids, 'iam_group.ops') } }),
      change('iam_access_key.alice', { action: 'delete', id: id(ids, 'iam_access_key.alice'), before: { description: 'alice key' } }),
    ],
    before: [
      ['delete iam_group_membership ops members', 'delete iam_group ops'],
      ['delete iam_group_membership ops members', 'delete iam_user alice'],
      ['delete iam_access_key alice key', 'delete iam_user alice'],
    ],
    calls: 4,
    outcome: { added: 0, changed: 0, destroyed: 4 },
    finalAddresses: [],
  },
  'replacement, delete then create, dependents around it': {
    seed: opsWithMembers,
    changes: (ids) => [
      change('iam_group.ops', { action: 'replace', id: id(ids, 'iam_group.ops'), before: { name: 'ops' }, after: { name: 'ops', description: 'new' } }),
      membershipReplaced(ids),
    ],
    references: membershipRefs,
    before: [
      ['delete iam_group_membership ops members', 'delete iam_group ops'],
      ['delete iam_group ops', 'create iam_group ops'],
      ['create iam_group ops', 'create iam_group_membership ops members'],
    ],
    calls: 4,
    outcome: { added: 2, changed: 0, destroyed: 2 },
    finalAddresses: ['iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice'],
  },
  'replacement, create before destroy: dependents move first, old object last': {
    seed: opsWithMembers,
    changes: (ids) => [
      change('iam_group.ops', { action: 'replace', cbd: true, id: id(ids, 'iam_group.ops'), before: { name: 'ops' }, after: { name: 'ops-v2', description: '' } }),
      membershipReplaced(ids),
    ],
    references: membershipRefs,
    before: [
      ['create iam_group ops-v2', 'create iam_group_membership ops-v2 members'],
      ['delete iam_group_membership ops members', 'create iam_group_membership ops-v2 members'],
      ['create iam_group_membership ops-v2 members', 'delete iam_group ops'],
      ['delete iam_group_membership ops members', 'delete iam_group ops'],
    ],
    calls: 4,
    outcome: { added: 2, changed: 0, destroyed: 2 },
    finalAddresses: ['iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice'],
  },
  'create before destroy is inherited by a replaced dependency': {
    seed: opsWithMembers,
    changes: (ids) => [
      change('iam_group.ops', { action: 'replace', id: id(ids, 'iam_group.ops'), before: { name: 'ops' }, after: { name: 'ops-v2', description: '' } }),
      membershipReplaced(ids, { cbd: true }),
    ],
    references: membershipRefs,
    before: [
      ['create iam_group ops-v2', 'create iam_group_membership ops-v2 members'],
      ['create iam_group_membership ops-v2 members', 'delete iam_group_membership ops members'],
      ['delete iam_group_membership ops members', 'delete iam_group ops'],
    ],
    calls: 4,
    outcome: { added: 2, changed: 0, destroyed: 2 },
    finalAddresses: ['iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice'],
  },
  'mixed: a dependent stops referring to an object before it is deleted': {
    seed: [
      { address: 'iam_group.ops', values: named('ops') },
      { address: 'iam_group.old', values: named('old') },
      alice,
      { address: 'iam_user.bob', values: named('bob') },
      {
        address: 'iam_group_membership.ops',
        values: (ids) => ({ group: id(ids, 'iam_group.ops'), users: [id(ids, 'iam_user.alice'), id(ids, 'iam_user.bob')] }),
        dependsOn: ['iam_group.ops', 'iam_user.alice', 'iam_user.bob'],
      },
      keyOf('k'),
    ],
    changes: (ids) => [
      change('iam_group.old', { action: 'delete', id: id(ids, 'iam_group.old'), before: { name: 'old' } }),
      change('iam_group.dev', { action: 'create', after: { name: 'dev', description: '' } }),
      change('iam_group_membership.ops', {
        action: 'update',
        id: id(ids, 'iam_group_membership.ops'),
        before: { group: id(ids, 'iam_group.ops'), users: [id(ids, 'iam_user.alice'), id(ids, 'iam_user.bob')] },
        after: { group: id(ids, 'iam_group.ops'), users: [id(ids, 'iam_user.alice')] },
        dependsOn: ['iam_group.ops', 'iam_user.alice'],
      }),
      change('iam_user.alice', { action: 'update', id: id(ids, 'iam_user.alice'), before: { name: 'alice' }, after: { name: 'alice', description: 'lead' } }),
      change('iam_user.bob', { action: 'delete', id: id(ids, 'iam_user.bob'), before: { name: 'bob' } }),
      change('iam_access_key.alice', { action: 'delete', id: id(ids, 'iam_access_key.alice'), before: { description: 'k' } }),
    ],
    before: [
      ['update iam_user alice', 'update iam_group_membership ops members'],
      ['update iam_group_membership ops members', 'delete iam_user bob'],
    ],
    calls: 6,
    outcome: { added: 1, changed: 2, destroyed: 3 },
    finalAddresses: ['iam_group.dev', 'iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice'],
  },
};

async function seedCase(provider: WatchedProvider, seeds: readonly Seed[]): Promise<{ state: State; ids: Map<string, string> }> {
  let state = fresh();
  const ids = new Map<string, string>();
  for (const seed of seeds) {
    const done = await provider.seed(state, [{ address: seed.address, values: seed.values(ids), ...(seed.dependsOn ? { dependsOn: seed.dependsOn } : {}) }]);
    state = done.state;
    for (const [k, v] of done.ids) ids.set(k, v);
  }
  return { state, ids };
}

describe('apply order', () => {
  for (const parallelism of [1, 10]) {
    it.each(Object.entries(cases))(`%s (parallelism ${parallelism})`, async (_, c) => {
      const r = rig();
      const { state: prior, ids } = await seedCase(r.provider, c.seed);
      const changes = c.changes(ids);
      const result = await applyPlan(
        { changes, prior, ...(c.references ? { resolveAfter: referenceResolver(new Map(Object.entries(c.references))) } : {}) },
        { ...r.options, parallelism },
      );
      expect(result.diagnostics).toEqual([]);
      const names = r.provider.calls.map(callName);
      expect(names).toHaveLength(c.calls);
      for (const [first, second] of c.before) {
        expect(names, `${first} before ${second}`).toContain(first);
        expect(names).toContain(second);
        expect(names.indexOf(first), `${first} before ${second} in ${names.join(' | ')}`).toBeLessThan(names.indexOf(second));
      }
      expect(result.outcome).toEqual({ ...c.outcome, failed: 0, skipped: 0, notStarted: 0 });
      const stored = await r.stored();
      expect(addressesIn(stored)).toEqual(c.finalAddresses);
      expect(stored.pending).toEqual([]);
      expect(r.journal.text).toBeUndefined();
      // Every id in state names an object the backend has.
      const refreshed = await r.provider.refresh(['iam_user', 'iam_group', 'iam_group_membership', 'iam_access_key']);
      if (!refreshed.ok) throw new Error(refreshed.error.message);
      const live = new Set([...refreshed.value.values()].flat().map((o) => o.id));
      for (const resource of stored.resources) for (const instance of resource.instances) expect(live.has(instance.id), `${resource.type}.${resource.name}`).toBe(true);
    });
  }
});
