import { describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/addr/index.js';
import type { PlanOptions, RefreshedObject } from '../../src/plan/index.js';
import { addr, group, mirror, planCase, priorState, user, type PriorSpec } from './helpers.js';

/**
 * Table-driven tests of the per-instance diff: every action and reason, replacement paths,
 * lifecycle settings, --replace, and what the summary counts.
 */

interface DiffCase {
  readonly name: string;
  readonly hcl: string;
  readonly prior?: readonly PriorSpec[];
  /** Refreshed objects; default: the prior mirrored exactly. */
  readonly remote?: Record<string, RefreshedObject[]>;
  readonly options?: Partial<Omit<PlanOptions, 'targets' | 'replace'>> & { targets?: string[]; replace?: string[] };
  /** Expected non-no-op changes: address → `action` or `action/reason`. */
  readonly expect: Record<string, string>;
  readonly replacePaths?: Record<string, string[]>;
  readonly summary?: { add: number; change: number; destroy: number };
}

const ops: PriorSpec = { address: 'iam_group.ops', id: 'g-ops', attributes: group('ops', 'Operations') };
const alice: PriorSpec = { address: 'iam_user.alice', id: 'u-alice', attributes: user('alice') };
const opsHcl = 'resource "iam_group" "ops" {\n  name = "ops"\n  description = "Operations"\n}\n';
const aliceHcl = 'resource "iam_user" "alice" {\n  name = "alice"\n  access_mode = "console"\n}\n';

const cases: DiffCase[] = [
  { name: 'no prior → create (new)', hcl: opsHcl, expect: { 'iam_group.ops': 'create/new' }, summary: { add: 1, change: 0, destroy: 0 } },
  { name: 'equal → no-op', hcl: opsHcl + aliceHcl, prior: [ops, alice], expect: {}, summary: { add: 0, change: 0, destroy: 0 } },
  {
    name: 'settable attribute differs → update (config_changed)',
    hcl: opsHcl.replace('"Operations"', '"Ops"'),
    prior: [ops],
    expect: { 'iam_group.ops': 'update/config_changed' },
    summary: { add: 0, change: 1, destroy: 0 },
  },
  {
    name: 'forces-replacement attribute differs → replace with its path',
    hcl: aliceHcl.replace('name = "alice"', 'name = "alice2"'),
    prior: [alice],
    expect: { 'iam_user.alice': 'replace/replace_forced_by_attribute' },
    replacePaths: { 'iam_user.alice': ['name'] },
    summary: { add: 1, change: 0, destroy: 1 },
  },
  { name: '--replace forces replace (replace_requested)', hcl: opsHcl, prior: [ops], options: { replace: ['iam_group.ops'] }, expect: { 'iam_group.ops': 'replace/replace_requested' }, replacePaths: { 'iam_group.ops': [] } },
  { name: 'prior without config → delete (not_in_config)', hcl: opsHcl, prior: [ops, alice], expect: { 'iam_user.alice': 'delete/not_in_config' }, summary: { add: 0, change: 0, destroy: 1 } },
  {
    name: 'count shrinks → delete (count_index_removed)',
    hcl: 'resource "iam_group" "g" {\n  count = 1\n  name = "g${count.index}"\n}\n',
    prior: [
      { address: 'iam_group.g[0]', id: 'g0', attributes: group('g0') },
      { address: 'iam_group.g[1]', id: 'g1', attributes: group('g1') },
    ],
    expect: { 'iam_group.g[1]': 'delete/count_index_removed' },
  },
  {
    name: 'for_each key removed → delete (each_key_removed)',
    hcl: 'resource "iam_group" "g" {\n  for_each = toset(["a"])\n  name = each.key\n}\n',
    prior: [
      { address: 'iam_group.g["a"]', id: 'ga', attributes: group('a') },
      { address: 'iam_group.g["b"]', id: 'gb', attributes: group('b') },
    ],
    expect: { 'iam_group.g["b"]': 'delete/each_key_removed' },
  },
  { name: 'object gone from the backend → create (deleted_outside)', hcl: opsHcl, prior: [ops], remote: { iam_group: [] }, expect: { 'iam_group.ops': 'create/deleted_outside' } },
  { name: 'gone and not in config → nothing to do', hcl: opsHcl, prior: [ops, alice], remote: { iam_group: mirror([ops])['iam_group'] ?? [], iam_user: [] }, expect: {} },
  {
    name: 'ignore_changes masks the named attribute',
    hcl: 'resource "iam_group" "ops" {\n  name = "ops"\n  description = "changed"\n  lifecycle {\n    ignore_changes = [description]\n  }\n}\n',
    prior: [ops],
    expect: {},
  },
  {
    name: 'ignore_changes = all masks everything settable',
    hcl: 'resource "iam_user" "alice" {\n  name = "alice2"\n  email = "a@example.com"\n  access_mode = "console"\n  lifecycle {\n    ignore_changes = all\n  }\n}\n',
    prior: [alice],
    expect: {},
  },
  {
    name: 'a reference to a replaced instance is unknown and forces dependents to replace',
    hcl: `${aliceHcl.replace('name = "alice"', 'name = "alice2"')}resource "iam_access_key" "k" {\n  user = iam_user.alice.id\n}\n`,
    prior: [alice, { address: 'iam_access_key.k', id: 'AK1', attributes: { user: 'u-alice', description: '', status: 'active', access: 'AK1' }, dependencies: ['iam_user.alice'] }],
    expect: { 'iam_user.alice': 'replace/replace_forced_by_attribute', 'iam_access_key.k': 'replace/replace_forced_by_attribute' },
    replacePaths: { 'iam_access_key.k': ['user'] },
  },
  {
    name: 'a reference to an updated instance keeps its known values',
    hcl: `${aliceHcl.replace('access_mode = "console"', 'access_mode = "console"\n  description = "new"')}resource "iam_access_key" "k" {\n  user = iam_user.alice.id\n}\n`,
    prior: [alice, { address: 'iam_access_key.k', id: 'AK1', attributes: { user: 'u-alice', description: '', status: 'active', access: 'AK1' } }],
    expect: { 'iam_user.alice': 'update/config_changed' },
  },
  {
    name: 'policy document: reorder, duplicates and whitespace make no diff',
    hcl: 'resource "iam_policy" "p" {\n  name = "p"\n  description = "d"\n  policy = "{ \\"Version\\": \\"1.1\\", \\"Statement\\": [ { \\"Action\\": [\\"ecs:servers:list\\", \\"ecs:servers:get\\", \\"ecs:servers:list\\"], \\"Effect\\": \\"Allow\\" } ] }"\n}\n',
    prior: [{ address: 'iam_policy.p', id: 'cp', attributes: { name: 'p', description: 'd', scope: 'project', policy: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ecs:servers:get', 'ecs:servers:list'] }] } } }],
    expect: {},
  },
  {
    name: 'policy document: a new action is an update',
    hcl: 'resource "iam_policy" "p" {\n  name = "p"\n  description = "d"\n  policy = jsonencode({ Version = "1.1", Statement = [{ Effect = "Allow", Action = ["ecs:servers:list", "ecs:servers:reboot"] }] })\n}\n',
    prior: [{ address: 'iam_policy.p', id: 'cp', attributes: { name: 'p', description: 'd', scope: 'project', policy: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ecs:servers:list'] }] } } }],
    expect: { 'iam_policy.p': 'update/config_changed' },
  },
  {
    name: 'membership users compare as a set',
    hcl: 'resource "iam_group_membership" "m" {\n  group = "g-ops"\n  users = ["u-b", "u-a", "u-a"]\n}\n',
    prior: [{ address: 'iam_group_membership.m', id: 'g-ops', attributes: { group: 'g-ops', users: ['u-a', 'u-b'] } }],
    expect: {},
  },
];

describe('planChanges: per-instance diff', () => {
  for (const c of cases) {
    it(c.name, () => {
      const prior = c.prior ?? [];
      const result = planCase({
        files: { 'main.hcl': c.hcl },
        state: priorState(prior),
        remote: { ...mirror(prior), ...(c.remote ?? {}) },
        options: { ...c.options, targets: (c.options?.targets ?? []).map(addr), replace: (c.options?.replace ?? []).map(addr) },
      });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const plan = result.plan;
      expect(plan).toBeDefined();
      if (plan === undefined) return;
      const got: Record<string, string> = {};
      for (const ch of plan.changes) if (ch.action !== 'no-op') got[formatAddress(ch.address)] = ch.reason === undefined ? ch.action : `${ch.action}/${ch.reason}`;
      expect(got).toEqual(c.expect);
      for (const [address, paths] of Object.entries(c.replacePaths ?? {})) {
        const ch = plan.changes.find((x) => formatAddress(x.address) === address);
        expect(ch?.replacePaths.map((p) => p.join('.'))).toEqual(paths);
      }
      if (c.summary !== undefined) expect({ add: plan.summary.add, change: plan.summary.change, destroy: plan.summary.destroy }).toEqual(c.summary);
    });
  }
});
