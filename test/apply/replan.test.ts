import { describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/addr/index.js';
import { applyInputFromPlan, applyPlan, readStateWithJournal, resolvedOutputs, type ApplyResult } from '../../src/apply/index.js';
import { builtinFunctions } from '../../src/config/functions/index.js';
import { managedTypes } from '../../src/provider/index.js';
import { planChanges, type PlanResult } from '../../src/plan/index.js';
import type { State } from '../../src/state/index.js';
import { load, memoryReader } from '../config/helpers.js';
import { keeper, testCatalog } from '../plan/helpers.js';
import { callName, rig, type Rig } from './helpers.js';

const config = `
resource "iam_group" "ops" {
  name        = "ops"
  description = "Operations"
}

resource "iam_user" "team" {
  for_each    = toset(["alice", "bob", "carol"])
  name        = each.key
  access_mode = "both"
  password    = "Str0ng!Pass-\${each.key}"
}

resource "iam_group_membership" "ops" {
  group = iam_group.ops.id
  users = [for u in iam_user.team : u.id]
}

resource "iam_access_key" "ci" {
  user        = iam_user.team["carol"].id
  description = "ci"
}

output "ci_key" {
  value = iam_access_key.ci.id
}
`;

async function plan(r: Rig, files: Record<string, string>): Promise<PlanResult & { state: State }> {
  const read = await readStateWithJournal(r.store, r.journal);
  if (read.kind !== 'ok') throw new Error(JSON.stringify(read.diagnostics));
  const refreshed = await r.provider.refresh([...managedTypes, 'data.iam_project']);
  if (!refreshed.ok) throw new Error(refreshed.error.message);
  const loaded = load(files);
  const reader = memoryReader(files);
  const result = planChanges({
    config: loaded.config,
    variables: loaded.evaluated.variables,
    functions: builtinFunctions,
    functionContext: { readFile: (p) => reader.readFile(p), fileExists: (p) => reader.fileExists(p), renderTemplate: () => ({ error: 'unused' }) },
    state: read.state,
    refreshed: refreshed.value,
    catalog: testCatalog(),
    keeper,
    options: { mode: 'normal', targets: [], replace: [], refresh: true },
    configHash: 'sha256:test',
  });
  return { ...result, state: read.state };
}

function pending(result: PlanResult): string[] {
  return (result.plan?.changes ?? []).filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${formatAddress(c.address)}`);
}

async function apply(r: Rig, planned: PlanResult): Promise<ApplyResult> {
  if (!planned.applyPlan) throw new Error(JSON.stringify(planned.diagnostics));
  return applyPlan(applyInputFromPlan(planned.applyPlan), r.options);
}

describe('plan, apply with a failure, plan again', () => {
  it('plans only what is left, then converges to no changes', async () => {
    const r = rig();
    const files = { 'main.hcl': config };
    const first = await plan(r, files);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(pending(first)).toEqual(['create iam_access_key.ci', 'create iam_group.ops', 'create iam_group_membership.ops', 'create iam_user.team["alice"]', 'create iam_user.team["bob"]', 'create iam_user.team["carol"]']);

    r.provider.fail = (call) => (callName(call) === 'create iam_user bob' ? { status: 409, code: 'IAM.1109', message: 'The user name already exists.' } : undefined);
    const failed = await apply(r, first);
    expect(failed.outcome).toEqual({ added: 4, changed: 0, destroyed: 0, failed: 1, skipped: 1, notStarted: 0 });
    // The access key's unknown user id was filled from carol's applied id.
    const stored = await r.stored();
    const carol = stored.resources.find((x) => x.name === 'team')?.instances.find((i) => i.key === 'carol');
    const key = stored.resources.find((x) => x.type === 'iam_access_key')?.instances[0];
    expect(key?.attributes['user']).toBe(carol?.id);
    expect(r.provider.calls.find((c) => callName(c) === 'create iam_user alice')?.writeOnly).toEqual({ password: 'Str0ng!Pass-alice' });
    expect(JSON.stringify(stored)).not.toContain('Str0ng!Pass');
    expect(JSON.stringify(r.events)).not.toContain('Str0ng!Pass');
    expect(failed.secrets.get('iam_access_key.ci')?.['secret']).toEqual(expect.any(String));

    r.provider.fail = () => undefined;
    const second = await plan(r, files);
    expect(pending(second)).toEqual(['create iam_group_membership.ops', 'create iam_user.team["bob"]']);
    const done = await apply(r, second);
    expect(done.outcome).toEqual({ added: 2, changed: 0, destroyed: 0, failed: 0, skipped: 0, notStarted: 0 });
    const membership = (await r.stored()).resources.find((x) => x.type === 'iam_group_membership')?.instances[0];
    expect((membership?.attributes['users'] as string[]).length).toBe(3);

    const third = await plan(r, files);
    expect(pending(third)).toEqual([]);
    const outputs = resolvedOutputs(third.applyPlan as NonNullable<PlanResult['applyPlan']>, await r.stored(), new Map());
    expect(outputs.stored['ci_key']?.value).toBe(key?.id);
  });

  it('adopts the object of a create whose result was lost, by the intent left in state', async () => {
    const r = rig();
    // Without passwords: an adopted user has no keeper, so its password would be set again.
    const files = { 'main.hcl': config.replace(/\n\s*password\s*=.*\n/, '\n') };
    const first = await plan(r, files);
    // bob's create reaches the backend, then the answer is lost (as when the process is killed).
    const inner = r.provider.inner;
    r.provider.pause = async (call) => {
      if (callName(call) !== 'create iam_user bob') return;
      await inner.create(call.type, call.values, call.writeOnly);
      throw new Error('connection reset');
    };
    const failed = await apply(r, first);
    expect(failed.outcome).toMatchObject({ failed: 1, skipped: 1 });
    expect((await r.stored()).pending).toEqual([expect.objectContaining({ address: expect.objectContaining({ key: 'bob' }), action: 'create', objectHint: { name: 'bob' } })]);

    r.provider.pause = () => undefined;
    const second = await plan(r, files);
    expect(second.diagnostics.map((d) => d.code)).toContain('plan.pending-intents');
    // Adopted, not created again.
    expect(pending(second)).toEqual(['create iam_group_membership.ops']);
    await apply(r, second);
    expect(pending(await plan(r, files))).toEqual([]);
    expect((await r.stored()).pending).toEqual([]);
  });
});
