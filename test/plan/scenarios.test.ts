import { describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/addr/index.js';
import { placeholdersIn, resolvePlaceholders, type Plan, type PlanResult } from '../../src/plan/index.js';
import { makeKeeper } from '../../src/schema/index.js';
import { addr, group, mirror, planCase, priorState, user, type PriorSpec } from './helpers.js';

/**
 * The planner beyond one instance's diff: drift, pending intents, moved and import blocks,
 * targets, destroy and refresh-only modes, write-only values, data sources, outputs,
 * validation, access changes and the values handed to the executor.
 */

const ops: PriorSpec = { address: 'iam_group.ops', id: 'g-ops', attributes: group('ops', 'Operations') };
const alice: PriorSpec = { address: 'iam_user.alice', id: 'u-alice', attributes: user('alice') };
const opsHcl = 'resource "iam_group" "ops" {\n  name = "ops"\n  description = "Operations"\n}\n';
const aliceHcl = 'resource "iam_user" "alice" {\n  name = "alice"\n  access_mode = "console"\n}\n';

function actions(plan: Plan | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of plan?.changes ?? []) if (c.action !== 'no-op') out[formatAddress(c.address)] = c.reason === undefined ? c.action : `${c.action}/${c.reason}`;
  return out;
}

function errorCodes(r: PlanResult): string[] {
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

describe('drift', () => {
  const edited = { iam_group: [{ id: 'g-ops', attributes: { ...group('ops', 'Edited'), id: 'g-ops' } }] };
  it('is shown where the plan changes the instance', () => {
    const r = planCase({ files: { 'main.hcl': opsHcl }, state: priorState([ops]), remote: edited });
    expect(r.plan?.drift.map((d) => [formatAddress(d.address), d.kind, d.paths])).toEqual([['iam_group.ops', 'changed', [['description']]]]);
    expect(actions(r.plan)).toEqual({ 'iam_group.ops': 'update/config_changed' });
  });
  it('is hidden when the instance ends up unchanged (the config agrees with the backend)', () => {
    const r = planCase({ files: { 'main.hcl': opsHcl.replace('"Operations"', '"Edited"') }, state: priorState([ops]), remote: edited });
    expect(r.plan?.drift).toEqual([]);
    expect(actions(r.plan)).toEqual({});
  });
  it('is all shown by refresh-only, which plans no change', () => {
    const r = planCase({ files: { 'main.hcl': opsHcl.replace('"Operations"', '"Edited"') + aliceHcl }, state: priorState([ops, alice]), remote: { ...edited, iam_user: [] }, options: { mode: 'refresh-only' } });
    expect(r.plan?.drift.map((d) => `${formatAddress(d.address)}:${d.kind}`)).toEqual(['iam_group.ops:changed', 'iam_user.alice:deleted']);
    expect(r.plan?.changes).toEqual([]);
    expect(r.applyPlan?.priorState.resources.map((x) => x.name)).toEqual(['ops']);
    expect(r.applyPlan?.priorState.resources[0]?.instances[0]?.attributes['description']).toBe('Edited');
  });
  it('is skipped with refresh = false: state stands for the backend', () => {
    const r = planCase({ files: { 'main.hcl': opsHcl }, state: priorState([ops]), remote: edited, options: { refresh: false } });
    expect(r.plan?.drift).toEqual([]);
    expect(actions(r.plan)).toEqual({});
  });
});

describe('pending intents', () => {
  const intent = (action: string, address: string, hint?: object) => ({ intent_id: `i-${action}`, address, action, started_at: '2026-01-01T00:00:00Z', ...(hint ? { object_hint: hint } : {}) });
  it('adopts the object of an interrupted create instead of creating a duplicate', () => {
    const state = priorState([], { pending: [intent('create', 'iam_user.alice', { name: 'alice' })] });
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state, remote: mirror([alice]) });
    expect(actions(r.plan)).toEqual({});
    expect(r.plan?.changes.map((c) => [c.action, c.reason, c.id])).toEqual([['no-op', 'pending_intent', 'u-alice']]);
    expect(r.plan?.diagnostics.map((d) => d.code)).toContain('plan.pending-intents');
    expect(r.applyPlan?.priorState.pending).toEqual([]);
    expect(r.applyPlan?.priorState.resources[0]?.instances[0]?.id).toBe('u-alice');
  });
  it('plans the create again when the object never reached the backend', () => {
    const state = priorState([], { pending: [intent('create', 'iam_user.alice', { name: 'alice' })] });
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state, remote: { iam_user: [] } });
    expect(actions(r.plan)).toEqual({ 'iam_user.alice': 'create/new' });
  });
  it('drops the instance of an interrupted delete whose object is gone', () => {
    const state = priorState([alice], { pending: [intent('delete', 'iam_user.alice')] });
    const r = planCase({ files: { 'main.hcl': opsHcl }, state, remote: { iam_user: [] } });
    expect(actions(r.plan)).toEqual({ 'iam_group.ops': 'create/new' });
    expect(r.plan?.drift).toEqual([]);
  });
  it('plans an interrupted delete again when the object is still there', () => {
    const state = priorState([alice], { pending: [intent('delete', 'iam_user.alice')] });
    const r = planCase({ files: { 'main.hcl': '' }, state, remote: mirror([alice]) });
    expect(actions(r.plan)).toEqual({ 'iam_user.alice': 'delete/not_in_config' });
  });
});

describe('moved and import blocks', () => {
  it('moves state to the new address instead of destroying and re-creating', () => {
    const hcl = 'resource "iam_group" "operations" {\n  name = "ops"\n  description = "Operations"\n}\nmoved {\n  from = iam_group.ops\n  to = iam_group.operations\n}\n';
    const r = planCase({ files: { 'main.hcl': hcl }, state: priorState([ops]), remote: mirror([ops]) });
    expect(actions(r.plan)).toEqual({});
    expect(r.applyPlan?.priorState.resources.map((x) => x.name)).toEqual(['operations']);
    expect(r.plan?.changes.map((c) => [formatAddress(c.address), c.previousAddress && formatAddress(c.previousAddress)])).toEqual([['iam_group.operations', 'iam_group.ops']]);
  });
  it('adopts an existing object by id and counts the import', () => {
    const hcl = `${opsHcl}import {\n  to = iam_group.ops\n  id = "g-ops"\n}\n`;
    const r = planCase({ files: { 'main.hcl': hcl }, remote: { iam_group: [{ id: 'g-ops', attributes: { name: 'ops', description: 'old' } }] } });
    expect(actions(r.plan)).toEqual({ 'iam_group.ops': 'update/config_changed' });
    expect(r.plan?.changes[0]?.importId).toBe('g-ops');
    expect(r.plan?.summary.import).toBe(1);
  });
  it('reports an import of an object the backend does not have', () => {
    const hcl = `${opsHcl}import {\n  to = iam_group.ops\n  id = "nope"\n}\n`;
    expect(errorCodes(planCase({ files: { 'main.hcl': hcl }, remote: { iam_group: [] } }))).toEqual(['plan.import-not-found']);
  });
});

describe('targets and destroy', () => {
  const hcl = `${opsHcl}${aliceHcl}resource "iam_group" "dev" {\n  name = "dev"\n}\nresource "iam_group_membership" "ops" {\n  group = iam_group.ops.id\n  users = [iam_user.alice.id]\n}\n`;
  it('--target limits the plan to the target and its dependencies, with a warning', () => {
    const r = planCase({ files: { 'main.hcl': hcl }, options: { targets: [addr('iam_group_membership.ops')] } });
    expect(Object.keys(actions(r.plan)).sort()).toEqual(['iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice']);
    expect(r.diagnostics.map((d) => d.code)).toContain('plan.targeting');
  });
  it('--destroy deletes everything in state; with a target, the target and its dependents', () => {
    const prior: PriorSpec[] = [ops, alice, { address: 'iam_group_membership.ops', id: 'g-ops', attributes: { group: 'g-ops', users: ['u-alice'] }, dependencies: ['iam_group.ops', 'iam_user.alice'] }];
    const all = planCase({ files: { 'main.hcl': hcl }, state: priorState(prior), remote: mirror(prior), options: { mode: 'destroy' } });
    expect(Object.values(actions(all.plan))).toEqual(['delete/destroy_requested', 'delete/destroy_requested', 'delete/destroy_requested']);
    const one = planCase({ files: { 'main.hcl': hcl }, state: priorState(prior), remote: mirror(prior), options: { mode: 'destroy', targets: [addr('iam_user.alice')] } });
    expect(Object.keys(actions(one.plan)).sort()).toEqual(['iam_group_membership.ops', 'iam_user.alice']);
    expect(one.applyPlan?.order).toEqual(['iam_user.alice', 'iam_group_membership.ops']);
  });
  it('prevent_destroy makes a planned delete an error naming the resource', () => {
    const guarded = opsHcl.replace('description = "Operations"', 'description = "Operations"\n  lifecycle {\n    prevent_destroy = true\n  }');
    const r = planCase({ files: { 'main.hcl': guarded }, state: priorState([ops]), remote: mirror([ops]), options: { mode: 'destroy' } });
    expect(r.plan).toBeUndefined();
    expect(errorCodes(r)).toEqual(['plan.prevent-destroy']);
    expect(r.diagnostics[0]?.range?.start.line).toBe(1);
  });
});

describe('write-only values', () => {
  const withPassword = (p: string): string => aliceHcl.replace('access_mode = "console"', `access_mode = "console"\n  password = "${p}"`);
  const keeperPrivate = { keepers: { password: makeKeeper('Old-Passw0rd!', 'ab'.repeat(16)) } };
  const stored: PriorSpec = { ...alice, private: keeperPrivate };
  it('never appear in before or after, only among write-only changes and the in-memory values', () => {
    const r = planCase({ files: { 'main.hcl': withPassword('New-Passw0rd!') }, state: priorState([stored]), remote: mirror([alice]) });
    const c = r.plan?.changes[0];
    expect(c?.action).toBe('update');
    expect(c?.writeOnlyChanges).toEqual([['password']]);
    expect(JSON.stringify([c?.before, c?.after])).not.toContain('Passw0rd');
    expect(r.applyPlan?.writeOnly.get('iam_user.alice')).toEqual({ password: 'New-Passw0rd!' });
  });
  it('an unchanged password (keeper matches) is no change', () => {
    const r = planCase({ files: { 'main.hcl': withPassword('Old-Passw0rd!') }, state: priorState([stored]), remote: mirror([alice]) });
    expect(actions(r.plan)).toEqual({});
  });
});

describe('data sources, outputs and unknown values', () => {
  it('a data source whose arguments are unknown is read during apply', () => {
    const hcl = `resource "iam_group" "g" {\n  name = "g"\n}\ndata "iam_group" "again" {\n  name = iam_group.g.id\n}\n`;
    const r = planCase({ files: { 'main.hcl': hcl } });
    expect(actions(r.plan)).toEqual({ 'iam_group.g': 'create/new', 'data.iam_group.again': 'read/data_depends_on_unknown' });
    expect(r.plan?.summary.read).toBe(1);
  });
  it('a data source that matches nothing is an error with a suggestion', () => {
    const r = planCase({ files: { 'main.hcl': 'data "iam_policy" "p" {\n  name = "ECS ReadOnlyAcess"\n}\n' } });
    expect(errorCodes(r)).toEqual(['plan.data-not-found']);
    expect(r.diagnostics[0]?.detail).toContain('ECS ReadOnlyAccess');
  });
  it('outputs: unknown is known after apply, sensitive is flagged, removed ones are deleted', () => {
    const hcl = `${opsHcl}output "id" {\n  value = iam_group.ops.id\n}\noutput "secret" {\n  value = "x"\n  sensitive = true\n}\n`;
    const r = planCase({ files: { 'main.hcl': hcl }, state: priorState([], { outputs: { old: { value: 1, sensitive: false } } }) });
    expect(r.plan?.outputs.map((o) => [o.name, o.action, o.afterUnknown, o.sensitive])).toEqual([
      ['id', 'create', true, false],
      ['old', 'delete', false, false],
      ['secret', 'create', false, true],
    ]);
  });
  it('unknown values reach dependents as afterUnknown and as placeholders the executor resolves', () => {
    const hcl = `${opsHcl}${aliceHcl}resource "iam_group_membership" "ops" {\n  group = iam_group.ops.id\n  users = [iam_user.alice.id]\n}\n`;
    const r = planCase({ files: { 'main.hcl': hcl }, state: priorState([alice]), remote: mirror([alice]) });
    const m = r.plan?.changes.find((c) => c.address.type === 'iam_group_membership');
    expect(m?.afterUnknown).toEqual([['id'], ['group']]);
    expect(m?.after).toEqual({ users: ['u-alice'] });
    const template = r.applyPlan?.applyValues.get('iam_group_membership.ops');
    expect(placeholdersIn(template ?? null).map((p) => `${p.address}#${p.attribute}`)).toEqual(['iam_group_membership.ops#id', 'iam_group.ops#id']);
    const resolved = resolvePlaceholders(template ?? null, (a, attr) => (a === 'iam_group.ops' && attr === 'id' ? 'g-new' : undefined));
    expect(resolved.value).toMatchObject({ group: 'g-new', users: ['u-alice'] });
    expect(r.applyPlan?.order).toEqual(['iam_group.ops', 'iam_group_membership.ops']);
  });
});

describe('validation and access changes', () => {
  const role = (name: string, policy: string): string => `resource "iam_policy_attachment" "${name}" {\n  group = iam_group.ops.id\n  policy = "${policy}"\n  project = "p-eu-de"\n}\n`;
  const serverAdmin = '6dd3112a01767a0f72813e79e568d774';
  const tenantGuest = 'f974060e72625824693e6168df1a5027';
  it('a role without its dependency in the same scope is an error naming the missing attachment', () => {
    const r = planCase({ files: { 'main.hcl': opsHcl + role('admin', serverAdmin) } });
    expect(errorCodes(r)).toEqual(['plan.role-dependency']);
    expect(r.diagnostics.find((d) => d.severity === 'error')?.detail).toContain('Tenant Guest');
  });
  it('the dependency granted to the same new group satisfies it', () => {
    const r = planCase({ files: { 'main.hcl': opsHcl + role('admin', serverAdmin) + role('guest', tenantGuest) } });
    expect(errorCodes(r)).toEqual([]);
  });
  it('a custom policy naming an unregistered action is rejected before any change', () => {
    const hcl = 'resource "iam_policy" "p" {\n  name = "p"\n  description = "d"\n  policy = { Version = "1.1", Statement = [{ Effect = "Allow", Action = ["ecs:nothing:here"] }] }\n}\n';
    expect(errorCodes(planCase({ files: { 'main.hcl': hcl } }))).toContain('plan.invalid-policy');
  });
  it('schema findings carry the attribute range', () => {
    const r = planCase({ files: { 'main.hcl': 'resource "iam_user" "u" {\n  name = "u"\n  access_mode = "sometimes"\n}\n' } });
    const e = r.diagnostics.find((d) => d.severity === 'error');
    expect(e?.range?.start.line).toBe(3);
  });
  it('a policy document change reports who gains and loses, only for its holders', () => {
    const doc = (actionsList: string[]) => ({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: actionsList }] });
    const prior: PriorSpec[] = [
      ops,
      alice,
      { address: 'iam_policy.p', id: 'cp', attributes: { name: 'p', description: 'd', scope: 'project', policy: doc(['ecs:servers:list']) } },
      { address: 'iam_policy_attachment.a', id: 'att', attributes: { group: 'g-ops', user: null, policy: 'cp', project: 'p-eu-de', all_projects: false, global: false, enterprise_project: null } },
    ];
    const hcl = `${opsHcl}${aliceHcl}resource "iam_policy" "p" {\n  name = "p"\n  description = "d"\n  policy = { Version = "1.1", Statement = [{ Effect = "Allow", Action = ["ecs:servers:get"] }] }\n}\nresource "iam_policy_attachment" "a" {\n  group = "g-ops"\n  policy = "cp"\n  project = "p-eu-de"\n}\n`;
    const r = planCase({ files: { 'main.hcl': hcl }, state: priorState(prior), remote: mirror(prior) });
    expect(r.plan?.accessChanges.map((a) => [a.kind, a.principal, a.scope, a.actions, a.causes.map(formatAddress)])).toEqual([
      ['grant', 'group:ops', 'eu-de', ['ecs:servers:get'], ['iam_policy.p']],
      ['revoke', 'group:ops', 'eu-de', ['ecs:servers:list'], ['iam_policy.p']],
    ]);
  });
});
