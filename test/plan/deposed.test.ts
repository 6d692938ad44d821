import { describe, expect, it } from 'vitest';
import { changeKey, type PlanResult } from '../../src/plan/index.js';
import { mirror, planCase, priorState, user, type PriorSpec } from './helpers.js';

/**
 * Deposed objects: the old object of a create-before-destroy replacement that an interrupted
 * apply put out of state, remembered by a pending delete intent naming its id.
 */

const alice2: PriorSpec = { address: 'iam_user.alice', id: 'u-alice2', attributes: user('alice2') };
const oldAlice: PriorSpec = { address: 'iam_user.alice', id: 'u-alice', attributes: user('alice') };
const aliceHcl = 'resource "iam_user" "alice" {\n  name = "alice2"\n  access_mode = "console"\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n';
const bobHcl = 'resource "iam_user" "bob" {\n  name = "bob"\n  access_mode = "console"\n}\n';

const deposedIntent = { intent_id: 'i-deposed', address: 'iam_user.alice', action: 'delete', started_at: '2026-01-01T00:00:00Z', deposed_id: 'u-alice' };

/** The refreshed backend: the new object, and the old one unless `gone`. */
function remote(gone = false): ReturnType<typeof mirror> {
  return { iam_user: [...mirror([alice2])['iam_user'] ?? [], ...(gone ? [] : (mirror([oldAlice])['iam_user'] ?? []))] };
}

function doing(r: PlanResult): string[] {
  return (r.plan?.changes ?? []).filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${changeKey(c)}`);
}

function warningLines(r: PlanResult): string[] {
  const detail = r.plan?.diagnostics.find((d) => d.code === 'plan.pending-intents')?.detail ?? '';
  return detail.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
}

describe('a deposed object', () => {
  it('that still exists is planned for deletion under its own key, and its intent outlives the plan', () => {
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state: priorState([alice2], { pending: [deposedIntent] }), remote: remote() });
    expect(doing(r)).toEqual(['delete iam_user.alice (deposed object u-alice)']);
    const change = r.plan?.changes.find((c) => c.deposed !== undefined);
    expect(change).toMatchObject({ action: 'delete', id: 'u-alice', deposed: 'u-alice', after: null, createBeforeDestroy: false });
    expect(change?.before).toMatchObject({ id: 'u-alice', name: 'alice' });
    expect(change?.reason).toBeUndefined();
    expect(r.plan?.summary).toMatchObject({ add: 0, change: 0, destroy: 1 });
    expect(warningLines(r)).toEqual(['iam_user.alice: the old object u-alice of an interrupted create-before-destroy replacement still exists; it is to be destroyed']);
    expect(r.applyPlan?.priorState.pending.map((p) => [p.intentId, p.action, p.deposedId])).toEqual([['i-deposed', 'delete', 'u-alice']]);
    expect(r.applyPlan?.priorState.resources[0]?.instances.map((i) => i.id)).toEqual(['u-alice2']);
  });

  it('that is gone is dropped with its intent', () => {
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state: priorState([alice2], { pending: [deposedIntent] }), remote: remote(true) });
    expect(doing(r)).toEqual([]);
    expect(warningLines(r)).toEqual(['iam_user.alice: the old object u-alice of an interrupted create-before-destroy replacement is already gone; nothing is left to destroy']);
    expect(r.applyPlan?.priorState.pending).toEqual([]);
  });

  it('is deleted beside a change of its own instance, each under its own key', () => {
    const changed = aliceHcl.replace('access_mode = "console"', 'access_mode = "console"\n  description = "lead"');
    const r = planCase({ files: { 'main.hcl': changed }, state: priorState([alice2], { pending: [deposedIntent] }), remote: remote() });
    expect(doing(r)).toEqual(['update iam_user.alice', 'delete iam_user.alice (deposed object u-alice)']);
    expect(r.plan?.summary).toMatchObject({ change: 1, destroy: 1 });
  });

  it('is recognised in an intent written before deposed objects were marked (the old id only in its hint)', () => {
    const legacy = { intent_id: 'i-old', address: 'iam_user.alice', action: 'delete', started_at: '2026-01-01T00:00:00Z', object_hint: { id: 'u-alice' } };
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state: priorState([alice2], { pending: [legacy] }), remote: remote() });
    expect(doing(r)).toEqual(['delete iam_user.alice (deposed object u-alice)']);
    expect(r.applyPlan?.priorState.pending.map((p) => [p.intentId, p.deposedId])).toEqual([['i-old', 'u-alice']]);
  });

  it('is never adopted by an interrupted create whose hint it matches', () => {
    const create = { intent_id: 'i-create', address: 'iam_user.other', action: 'create', started_at: '2026-01-01T00:00:01Z', object_hint: { name: 'alice' } };
    const files = { 'main.hcl': `${aliceHcl}resource "iam_user" "other" {\n  name = "alice"\n  access_mode = "console"\n}\n` };
    const r = planCase({ files, state: priorState([alice2], { pending: [deposedIntent, create] }), remote: remote() });
    expect(doing(r)).toEqual(['delete iam_user.alice (deposed object u-alice)', 'create iam_user.other']);
  });

  it('that state manages at an address is not destroyed', () => {
    const managed: PriorSpec = { address: 'iam_user.keep', id: 'u-alice', attributes: user('alice') };
    const files = { 'main.hcl': `${aliceHcl}resource "iam_user" "keep" {\n  name = "alice"\n  access_mode = "console"\n}\n` };
    const r = planCase({ files, state: priorState([alice2, managed], { pending: [deposedIntent] }), remote: remote() });
    expect(doing(r)).toEqual([]);
    expect(warningLines(r)).toEqual(['iam_user.alice: the old object u-alice of an interrupted create-before-destroy replacement is managed by an instance in state; it is not destroyed']);
  });

  it('is destroyed by a destroy plan too', () => {
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state: priorState([alice2], { pending: [deposedIntent] }), remote: remote(), options: { mode: 'destroy' } });
    expect(doing(r)).toEqual(['delete iam_user.alice', 'delete iam_user.alice (deposed object u-alice)']);
    expect(r.plan?.summary.destroy).toBe(2);
  });

  it('stays remembered, unplanned, by refresh-only and by a plan targeting something else', () => {
    const state = priorState([alice2], { pending: [deposedIntent] });
    const refreshOnly = planCase({ files: { 'main.hcl': aliceHcl }, state, remote: remote(), options: { mode: 'refresh-only' } });
    const elsewhere = planCase({ files: { 'main.hcl': aliceHcl + bobHcl }, state, remote: remote(), options: { targets: [{ mode: 'managed', type: 'iam_user', name: 'bob' }] } });
    for (const r of [refreshOnly, elsewhere]) {
      expect(doing(r).filter((d) => d.includes('deposed'))).toEqual([]);
      expect(r.applyPlan?.priorState.pending.map((p) => p.deposedId)).toEqual(['u-alice']);
    }
  });

  it('without refresh is assumed to exist and is planned for deletion by id', () => {
    const r = planCase({ files: { 'main.hcl': aliceHcl }, state: priorState([alice2], { pending: [deposedIntent] }), remote: {}, options: { refresh: false } });
    expect(doing(r)).toEqual(['delete iam_user.alice (deposed object u-alice)']);
    expect(r.plan?.changes.find((c) => c.deposed !== undefined)?.before).toEqual({ id: 'u-alice' });
  });
});
