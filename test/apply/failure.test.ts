import { describe, expect, it } from 'vitest';
import { applyPlan, referenceResolver, type ApplyEvent } from '../../src/apply/index.js';
import { formatAddress } from '../../src/addr/index.js';
import type { ProviderError } from '../../src/provider/index.js';
import { addr, addressesIn, callName, change, fresh, rig, type Call } from './helpers.js';

const ref = (path: (string | number)[], from: string) => ({ path, from: addr(from), attribute: ['id'] as const });

/** ops, dev, alice, bob; ops' membership needs alice and bob; bob's key needs bob. */
function plan() {
  const changes = [
    change('iam_group.ops', { action: 'create', after: { name: 'ops', description: '' } }),
    change('iam_group.dev', { action: 'create', after: { name: 'dev', description: '' } }),
    change('iam_user.alice', { action: 'create', after: { name: 'alice' } }),
    change('iam_user.bob', { action: 'create', after: { name: 'bob' } }),
    change('iam_group_membership.ops', { action: 'create', after: {}, afterUnknown: [['group'], ['users']], dependsOn: ['iam_group.ops', 'iam_user.alice', 'iam_user.bob'] }),
    change('iam_access_key.bob', { action: 'create', after: { description: 'bob key' }, afterUnknown: [['user']], dependsOn: ['iam_user.bob'] }),
  ];
  const resolveAfter = referenceResolver(
    new Map([
      ['iam_group_membership.ops', [ref(['group'], 'iam_group.ops'), ref(['users', 0], 'iam_user.alice'), ref(['users', 1], 'iam_user.bob')]],
      ['iam_access_key.bob', [ref(['user'], 'iam_user.bob')]],
    ]),
  );
  return { changes, prior: fresh(), resolveAfter };
}

const failBob =
  (error: ProviderError) =>
  (call: Call): ProviderError | undefined =>
    callName(call) === 'create iam_user bob' ? error : undefined;

function summary(events: readonly ApplyEvent[]): string[] {
  return events.flatMap((e) => {
    switch (e.kind) {
      case 'change_failed':
        return [`failed ${formatAddress(e.address)} ${e.error.code}`];
      case 'change_skipped':
        return [`skipped ${formatAddress(e.address)} by ${formatAddress(e.cause)}`];
      case 'change_done':
        return [`done ${formatAddress(e.address)}`];
      case 'apply_start':
      case 'change_start':
      case 'apply_done':
        return [];
      default: {
        const unreachable: never = e;
        return [String(unreachable)];
      }
    }
  });
}

describe('a failure in the middle', () => {
  it('skips exactly the dependents, carries on with the rest and records every success', async () => {
    const r = rig();
    r.provider.fail = failBob({ status: 409, code: 'IAM.1109', message: 'The user name already exists.', field: 'name' });
    const result = await applyPlan(plan(), { ...r.options, parallelism: 1 });
    expect(result.diagnostics).toEqual([]);
    expect(result.outcome).toEqual({ added: 3, changed: 0, destroyed: 0, failed: 1, skipped: 2, notStarted: 0 });
    expect(summary(r.events).sort()).toEqual([
      'done iam_group.dev',
      'done iam_group.ops',
      'done iam_user.alice',
      'failed iam_user.bob IAM.1109',
      'skipped iam_access_key.bob by iam_user.bob',
      'skipped iam_group_membership.ops by iam_user.bob',
    ]);
    expect(r.provider.calls.map(callName)).not.toContain('create iam_access_key bob key');
    const stored = await r.stored();
    expect(addressesIn(stored)).toEqual(['iam_group.dev', 'iam_group.ops', 'iam_user.alice']);
    // The backend refused: nothing happened, so nothing is left for the next plan to resolve.
    expect(stored.pending).toEqual([]);
    expect(r.events.at(-1)).toMatchObject({ kind: 'apply_done', added: 3, failed: 1, skipped: 2 });
  });

  it('keeps the intent of a call whose effect is unknown (server error), with the natural key', async () => {
    const r = rig();
    r.provider.fail = failBob({ status: 503, code: 'IAM.0001', message: 'Service unavailable' });
    const result = await applyPlan(plan(), r.options);
    expect(result.outcome.failed).toBe(1);
    const stored = await r.stored();
    expect(stored.pending).toEqual([{ intentId: expect.any(String), address: addr('iam_user.bob'), action: 'create', startedAt: expect.any(String), objectHint: { name: 'bob' } }]);
  });

  it('treats a provider that throws as a failed call with an unknown effect', async () => {
    const r = rig();
    r.provider.pause = (call) => (callName(call) === 'create iam_user bob' ? Promise.reject(new Error('socket hang up')) : undefined);
    const result = await applyPlan(plan(), r.options);
    expect(result.outcome).toMatchObject({ added: 3, failed: 1, skipped: 2 });
    expect(r.events.find((e) => e.kind === 'change_failed')).toMatchObject({ error: { status: 0, code: 'iamform.provider_exception', message: 'socket hang up' } });
    expect((await r.stored()).pending.map((p) => formatAddress(p.address))).toEqual(['iam_user.bob']);
  });

  it('stops cleanly when asked: the call in flight finishes and is recorded, nothing new starts', async () => {
    const r = rig();
    let stop = false;
    r.provider.pause = async (call) => {
      if (callName(call) === 'create iam_group dev') stop = true;
    };
    const result = await applyPlan(plan(), { ...r.options, parallelism: 1, shouldStop: () => stop });
    expect(r.provider.calls.map(callName)).toEqual(['create iam_group dev']);
    expect(result.outcome).toEqual({ added: 1, changed: 0, destroyed: 0, failed: 0, skipped: 0, notStarted: 5 });
    expect(addressesIn(await r.stored())).toEqual(['iam_group.dev']);
    expect((await r.stored()).pending).toEqual([]);
  });

  it('a re-run of what is left converges', async () => {
    const r = rig();
    r.provider.fail = failBob({ status: 409, code: 'IAM.1109', message: 'exists' });
    const first = await applyPlan(plan(), r.options);
    r.provider.fail = () => undefined;
    const done = new Set(addressesIn(first.state));
    const rest = plan();
    const second = await applyPlan({ ...rest, prior: await r.stored(), changes: rest.changes.filter((c) => !done.has(formatAddress(c.address))) }, r.options);
    expect(second.outcome).toEqual({ added: 3, changed: 0, destroyed: 0, failed: 0, skipped: 0, notStarted: 0 });
    const stored = await r.stored();
    expect(addressesIn(stored)).toEqual(['iam_access_key.bob', 'iam_group.dev', 'iam_group.ops', 'iam_group_membership.ops', 'iam_user.alice', 'iam_user.bob']);
    const membership = stored.resources.find((x) => x.type === 'iam_group_membership')?.instances[0];
    const ids = (type: string) => stored.resources.filter((x) => x.type === type).flatMap((x) => x.instances.map((i) => i.id));
    expect(membership?.attributes).toEqual({ group: ids('iam_group')[1], users: [...ids('iam_user')].sort() });
  });
});
