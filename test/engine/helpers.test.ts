import { describe, expect, it } from 'vitest';
import { parseAddress, type ResourceAddress } from '../../src/addr/index.js';
import { parseDuration } from '../../src/cli/plan-flags.js';
import { loadConfig } from '../../src/config/index.js';
import { exactDependencies, refreshKinds, requestOfSavedPlan, savedPlanBasisReasons, savedPlanDifferences, stateForSavedPlan } from '../../src/engine/index.js';
import { placeholder, type ApplyPlan, type Plan, type ResourceChange } from '../../src/plan/index.js';
import { emptyState, setInstance, type JsonObject } from '../../src/state/index.js';
import { memoryReader } from '../config/helpers.js';
import { planFromFixture } from '../render/fixture.js';

const addr = (text: string): ResourceAddress => {
  const parsed = parseAddress(text).address;
  if (parsed === undefined) throw new Error(`bad address ${text}`);
  return parsed;
};

function applyPlanOf(dependencies: Record<string, string[]>, templates: Record<string, JsonObject> = {}): ApplyPlan {
  return {
    plan: {} as Plan,
    priorState: emptyState('l'),
    order: Object.keys(dependencies),
    dependencies: new Map(Object.entries(dependencies)),
    applyValues: new Map(Object.entries(templates)),
    writeOnly: new Map(),
    outputValues: new Map(),
    resolveAfter: () => ({ kind: 'ok', after: {} }),
    outputs: () => ({}),
  };
}

describe('exactDependencies', () => {
  const key = 'iam_access_key.k["a"]';
  it.each<[string, Record<string, string[]>, Record<string, JsonObject>, Record<string, string[]>]>([
    ['keeps dependencies of a change without unknown values', { [key]: ['iam_user.u'] }, {}, { [key]: ['iam_user.u'] }],
    ['narrows a whole resource to the instances the placeholders name', { [key]: ['iam_user.u'] }, { [key]: { user: placeholder('iam_user.u["a"]', 'id') } }, { [key]: ['iam_user.u["a"]'] }],
    [
      'narrows inside lists and templates, several instances',
      { m: ['iam_group.g', 'iam_user.u'] },
      { m: { group: placeholder('iam_group.g["x"]', 'id'), users: [placeholder('iam_user.u["a"]', 'id'), `pre-${placeholder('iam_user.u["b"]', 'name')}`] } },
      { m: ['iam_group.g["x"]', 'iam_user.u["a"]', 'iam_user.u["b"]'] },
    ],
    ['keeps a whole resource that no placeholder names (depends_on)', { [key]: ['iam_group.g', 'iam_user.u'] }, { [key]: { user: placeholder('iam_user.u["a"]', 'id') } }, { [key]: ['iam_group.g', 'iam_user.u["a"]'] }],
    ['ignores the change own computed attributes', { [key]: ['iam_user.u'] }, { [key]: { id: placeholder(key, 'id') } }, { [key]: ['iam_user.u'] }],
    ['keeps instance dependencies as they are', { [key]: ['iam_user.u["z"]'] }, { [key]: { user: placeholder('iam_user.u["a"]', 'id') } }, { [key]: ['iam_user.u["z"]'] }],
  ])('%s', (_what, deps, templates, expected) => {
    expect(Object.fromEntries(exactDependencies(applyPlanOf(deps, templates)))).toEqual(expected);
  });
});

describe('refreshKinds', () => {
  const config = loadConfig({
    reader: memoryReader({
      'main.hcl': 'data "iam_policy" "p" { name = "x" }\nresource "iam_user" "u" { name = "u" }\nresource "iam_group" "g" { name = "g" }\n',
    }),
  }).config;
  const state = setInstance(emptyState('l'), addr('iam_policy_attachment.a'), { id: 'a', attributes: {}, sensitivePaths: [], dependencies: [] });
  it.each<[boolean, string[]]>([
    [true, ['data.iam_policy', 'iam_group', 'iam_policy_attachment', 'iam_user']],
    [false, ['data.iam_policy']],
  ])('refresh=%s lists %j', (refresh, expected) => {
    expect(refreshKinds(config, state, refresh)).toEqual(expected);
  });

  it('lists the type of a pending intent that neither config nor state has (a deposed object)', () => {
    const deposed = { ...state, pending: [{ intentId: 'i', address: addr('iam_project.p'), action: 'delete' as const, startedAt: 't', deposedId: 'p-old' }] };
    expect(refreshKinds(config, deposed, true)).toContain('iam_project');
  });
});

describe('saved plans', () => {
  const plan = (over: Partial<Plan>): Plan => ({ lineage: 'L', serial: 3, configHash: 'h', mode: 'normal', targets: [], changes: [], ...over }) as Plan;
  it.each<[string, Partial<Plan>, { lineage: string; serial: number }, string, RegExp[]]>([
    ['accepts the same basis', {}, { lineage: 'L', serial: 3 }, 'h', []],
    ['names a moved serial', {}, { lineage: 'L', serial: 4 }, 'h', [/serial 3 → 4/]],
    ['names another lineage', {}, { lineage: 'M', serial: 3 }, 'h', [/different lineage/]],
    ['names a changed config', {}, { lineage: 'L', serial: 3 }, 'other', [/configuration changed/]],
  ])('%s', (_what, over, basis, hash, expected) => {
    const reasons = savedPlanBasisReasons(plan(over), { ...emptyState(basis.lineage), serial: basis.serial }, hash);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(reasons[i]).toMatch(re));
  });

  it('gives a never-persisted state the lineage of a plan made against it', () => {
    const saved = plan({ serial: 0 });
    expect(stateForSavedPlan(saved, emptyState('fresh'), false).lineage).toBe('L');
    expect(stateForSavedPlan(saved, emptyState('stored'), true).lineage).toBe('stored');
  });

  it('tells a deposed object deletion from its instance change when comparing a saved plan', () => {
    const update = { address: 'iam_user.a', action: 'update' as const, id: 'u-2', before: { n: 1 }, after: { n: 2 } };
    const deposed = (id: string) => ({ address: 'iam_user.a', action: 'delete' as const, id, deposed: id, before: { n: 0 } });
    const saved = planFromFixture({ changes: [update, deposed('u-1')] });
    expect(savedPlanDifferences(saved, planFromFixture({ changes: [update, deposed('u-1')] }))).toEqual([]);
    expect(savedPlanDifferences(saved, planFromFixture({ changes: [update] }))).toEqual([expect.stringContaining('iam_user.a (deposed object u-1)')]);
    expect(savedPlanDifferences(saved, planFromFixture({ changes: [update, deposed('u-0')] }))[0]).toMatch(/iam_user\.a \(deposed object u-0\), iam_user\.a \(deposed object u-1\)$/);
  });

  it('asks again for the replacements and targets the plan was made with', () => {
    const replaced = { address: addr('iam_user.a'), action: 'replace', reason: 'replace_requested' } as ResourceChange;
    const other = { address: addr('iam_user.b'), action: 'replace', reason: 'replace_forced_by_attribute' } as ResourceChange;
    const request = requestOfSavedPlan(plan({ changes: [replaced, other], targets: [addr('iam_user.a')] }));
    expect(request.replace).toEqual([addr('iam_user.a')]);
    expect(request.mode).toBe('normal');
    expect(request.targets).toEqual([addr('iam_user.a')]);
  });
});

describe('parseDuration', () => {
  it.each<[string, number | undefined]>([
    ['0s', 0],
    ['5s', 5_000],
    ['1m', 60_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['2', 2_000],
    ['1h', 3_600_000],
    ['', undefined],
    ['soon', undefined],
    ['5 s', undefined],
    ['-1s', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });
});
