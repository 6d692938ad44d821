import { describe, expect, it } from 'vitest';
import { canonicalPolicy, placeholder, placeholdersIn, resolvePlaceholders } from '../../src/plan/index.js';
import { formatAddress } from '../../src/addr/index.js';
import { group, mirror, planCase, priorState, user, type PriorSpec } from './helpers.js';

describe('canonicalPolicy', () => {
  const doc = { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['b:x:y', 'a:x:y'] }] };
  const cases: [string, unknown, unknown][] = [
    ['JSON text and object are equal', JSON.stringify(doc), doc],
    ['key order does not matter', { Statement: [{ Action: ['a:x:y', 'b:x:y'], Effect: 'Allow' }], Version: '1.1' }, doc],
    ['duplicate actions do not matter', { ...doc, Statement: [{ Effect: 'Allow', Action: ['a:x:y', 'b:x:y', 'a:x:y'] }] }, doc],
    ['a single action string is the one-element list', { Version: '1.1', Statement: [{ Effect: 'Deny', Action: 'a:x:y' }] }, { Version: '1.1', Statement: [{ Effect: 'Deny', Action: ['a:x:y'] }] }],
    ['NotAction is sorted too', { Version: '1.1', Statement: [{ Effect: 'Deny', NotAction: ['z:x:y', 'a:x:y'] }] }, { Version: '1.1', Statement: [{ Effect: 'Deny', NotAction: ['a:x:y', 'z:x:y'] }] }],
  ];
  for (const [name, a, b] of cases) {
    it(name, () => expect(canonicalPolicy(a as never)).toEqual(canonicalPolicy(b as never)));
  }
  it('statement order is kept (a reorder of statements is a change)', () => {
    const two = { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['a:x:y'] }, { Effect: 'Deny', Action: ['b:x:y'] }] };
    const swapped = { ...two, Statement: [...two.Statement].reverse() };
    expect(canonicalPolicy(two as never)).not.toEqual(canonicalPolicy(swapped as never));
  });
  it('text that is not JSON is returned unchanged', () => expect(canonicalPolicy('{ nope')).toBe('{ nope'));
});

describe('placeholders', () => {
  const id = placeholder('iam_group.ops', 'id');
  const lookup = (a: string, attr: string): string | undefined => (a === 'iam_group.ops' && attr === 'id' ? 'g-1' : undefined);
  it('a whole placeholder becomes the value, one inside text is replaced in place', () => {
    expect(resolvePlaceholders({ group: id, note: `group ${id}!`, list: [id] }, lookup)).toEqual({ value: { group: 'g-1', note: 'group g-1!', list: ['g-1'] }, missing: [] });
  });
  it('an unresolvable placeholder is reported and stays', () => {
    const other = placeholder('iam_user.x', 'id');
    const r = resolvePlaceholders({ user: other }, lookup);
    expect(r.missing).toEqual([{ address: 'iam_user.x', attribute: 'id' }]);
    expect(r.value).toEqual({ user: other });
  });
  it('placeholdersIn finds each once, in order', () => {
    expect(placeholdersIn([id, `${id}${placeholder('a.b["k"]', 'x')}`])).toEqual([
      { address: 'iam_group.ops', attribute: 'id' },
      { address: 'a.b["k"]', attribute: 'x' },
    ]);
  });
});

describe('sensitive values and access of deleted principals', () => {
  const ops: PriorSpec = { address: 'iam_group.ops', id: 'g-ops', attributes: group('ops', 'Operations') };
  it('a value from a sensitive variable is listed in afterSensitive, and its state paths in beforeSensitive', () => {
    const hcl = 'variable "d" {\n  type = string\n  sensitive = true\n  default = "secret text"\n}\nresource "iam_group" "ops" {\n  name = "ops"\n  description = var.d\n}\n';
    const state = priorState([ops]);
    const sensitiveState = { ...state, resources: state.resources.map((r) => ({ ...r, instances: r.instances.map((i) => ({ ...i, sensitivePaths: [['description']] })) })) };
    const r = planCase({ files: { 'main.hcl': hcl }, state: sensitiveState, remote: mirror([ops]) });
    const c = r.plan?.changes[0];
    expect(c?.action).toBe('update');
    expect(c?.afterSensitive).toEqual([['description']]);
    expect(c?.beforeSensitive).toEqual([['description']]);
  });
  it('deleting a group revokes what it held; deleting a user what the user held', () => {
    const prior: PriorSpec[] = [
      ops,
      { address: 'iam_user.alice', id: 'u-alice', attributes: user('alice') },
      { address: 'iam_group_membership.ops', id: 'g-ops', attributes: { group: 'g-ops', users: ['u-alice'] } },
      { address: 'iam_policy_attachment.a', id: 'att', attributes: { group: 'g-ops', user: null, policy: 'f9c84db85502953b729d7d737b3764d8', project: 'p-eu-de', all_projects: false, global: false, enterprise_project: null } },
    ];
    const r = planCase({ files: { 'main.hcl': '' }, state: priorState(prior), remote: mirror(prior) });
    const summary = r.plan?.accessChanges.map((a) => `${a.kind} ${a.principal} ${a.scope} ${a.causes.map(formatAddress).join(',')}`);
    expect(summary).toEqual([
      'revoke group:ops eu-de iam_group.ops,iam_policy_attachment.a',
      'revoke user:alice eu-de iam_group_membership.ops,iam_user.alice',
    ]);
  });
});
