import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApplyEvent } from '../../src/apply/events.js';
import { createApplyLog, formatElapsed, renderApplyEventJson } from '../../src/render/index.js';
import { expectGolden } from '../helpers/golden.js';
import { address, planFromFixture } from './fixture.js';

const root = fileURLToPath(new URL('../golden/render/apply/', import.meta.url));
const T0 = Date.UTC(2025, 0, 15, 9, 30, 0);

const plan = planFromFixture({
  changes: [
    { address: 'iam_group.ops', action: 'create', after: { name: 'ops' }, afterUnknown: [['id']] },
    { address: 'iam_user.alice', action: 'update', id: 'u-1', before: { id: 'u-1', email: 'a@x' }, after: { id: 'u-1', email: 'b@x' } },
    { address: 'iam_user.old', action: 'delete', id: 'u-9', before: { id: 'u-9' } },
    { address: 'iam_access_key.ci', action: 'replace', id: 'AK-1', before: { id: 'AK-1' }, after: {} },
    { address: 'data.iam_user.owner', action: 'read', after: {}, afterUnknown: [['id']] },
  ],
});

const success: ApplyEvent[] = [
  { kind: 'apply_start', total: 5, at: T0 },
  { kind: 'change_start', address: address('iam_group.ops'), action: 'create', at: T0 },
  { kind: 'change_start', address: address('iam_user.old'), action: 'delete', at: T0 + 1 },
  { kind: 'change_done', address: address('iam_group.ops'), action: 'create', id: 'g-77', elapsedMs: 412, at: T0 + 412 },
  { kind: 'change_done', address: address('iam_user.old'), action: 'delete', id: 'u-9', elapsedMs: 1999, at: T0 + 2000 },
  { kind: 'change_start', address: address('iam_user.alice'), action: 'update', at: T0 + 2001 },
  { kind: 'change_done', address: address('iam_user.alice'), action: 'update', id: 'u-1', elapsedMs: 65_000, at: T0 + 67_001 },
  { kind: 'change_start', address: address('iam_access_key.ci'), action: 'replace', at: T0 + 67_002 },
  { kind: 'change_done', address: address('iam_access_key.ci'), action: 'replace', id: 'AK-2', elapsedMs: 3000, at: T0 + 70_002 },
  { kind: 'change_start', address: address('data.iam_user.owner'), action: 'read', at: T0 + 70_003 },
  { kind: 'change_done', address: address('data.iam_user.owner'), action: 'read', id: 'u-5', elapsedMs: 10, at: T0 + 70_013 },
  { kind: 'apply_done', added: 2, changed: 1, destroyed: 2, failed: 0, skipped: 0, at: T0 + 70_014 },
];

const failure: ApplyEvent[] = [
  { kind: 'apply_start', total: 3, at: T0 },
  { kind: 'change_start', address: address('iam_user.alice'), action: 'create', at: T0 },
  { kind: 'change_start', address: address('iam_group.ops'), action: 'create', at: T0 },
  {
    kind: 'change_failed',
    address: address('iam_user.alice'),
    action: 'create',
    error: { status: 409, code: 'IAM.1109', message: 'The email alice@example.com is already in use.', field: 'email' },
    at: T0 + 120,
  },
  { kind: 'change_done', address: address('iam_group.ops'), action: 'create', id: 'g-1', elapsedMs: 150, at: T0 + 150 },
  { kind: 'change_skipped', address: address('iam_group_membership.ops'), action: 'create', cause: address('iam_user.alice'), at: T0 + 151 },
  { kind: 'apply_done', added: 1, changed: 0, destroyed: 0, failed: 1, skipped: 1, at: T0 + 152 },
];

function textLog(events: readonly ApplyEvent[], color: boolean): string {
  const log = createApplyLog({ color, plan });
  return events.flatMap((e) => log.lines(e)).join('\n') + '\n';
}

describe('apply log', () => {
  it.each([
    ['success', success],
    ['failure', failure],
  ] as const)('%s sequence as text (golden)', (name, events) => {
    const text = textLog(events, false);
    expectGolden(join(root, name, 'expected.txt'), text);
    const colored = textLog(events, true);
    expect(colored.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')).toBe(text);
  });

  it.each([
    ['success', success],
    ['failure', failure],
  ] as const)('%s sequence as JSON lines (golden)', (name, events) => {
    const lines = events.map(renderApplyEventJson);
    for (const line of lines) expect(line).not.toContain('\n');
    expectGolden(join(root, name, 'expected.jsonl'), lines.join('\n') + '\n');
  });

  it('ends with the Terraform summary line when nothing failed', () => {
    expect(textLog(success, false).trimEnd().split('\n').at(-1)).toBe('Apply complete! Resources: 2 added, 1 changed, 2 destroyed.');
  });

  it('names the failed change and its error code, and lists what was skipped', () => {
    const text = textLog(failure, false);
    expect(text).toContain('Error: creating iam_user.alice: IAM.1109 The email alice@example.com is already in use.');
    expect(text).toContain('Apply failed: 1 change failed, 1 skipped.');
    expect(text).toMatch(/Skipped:\n {2}iam_group_membership\.ops \(depends on iam_user\.alice\)/);
  });

  it('names a deposed object apart from its instance, in text and in JSON', () => {
    const withDeposed = planFromFixture({
      changes: [
        { address: 'iam_user.alice', action: 'update', id: 'u-2', before: { id: 'u-2' }, after: { id: 'u-2', email: 'b@x' } },
        { address: 'iam_user.alice', action: 'delete', id: 'u-1', deposed: 'u-1', before: { id: 'u-1' } },
      ],
    });
    const events: ApplyEvent[] = [
      { kind: 'change_start', address: address('iam_user.alice'), action: 'delete', deposed: 'u-1', at: T0 },
      { kind: 'change_start', address: address('iam_user.alice'), action: 'update', at: T0 },
      { kind: 'change_failed', address: address('iam_user.alice'), action: 'delete', deposed: 'u-1', error: { status: 409, code: 'IAM.0001', message: 'in use' }, at: T0 + 5 },
      { kind: 'change_done', address: address('iam_user.alice'), action: 'update', id: 'u-2', elapsedMs: 5, at: T0 + 5 },
    ];
    const log = createApplyLog({ color: false, plan: withDeposed });
    expect(events.flatMap((e) => log.lines(e))).toEqual([
      'iam_user.alice (deposed object u-1): Destroying... [id=u-1]',
      'iam_user.alice: Modifying... [id=u-2]',
      'Error: destroying iam_user.alice (deposed object u-1): IAM.0001 in use',
      'iam_user.alice: Modifications complete after 0s [id=u-2]',
    ]);
    expect(JSON.parse(renderApplyEventJson(events[0] as ApplyEvent))).toMatchObject({ '@message': 'iam_user.alice (deposed object u-1): Destroying...', address: 'iam_user.alice', deposed: 'u-1', action: 'delete' });
    expect(JSON.parse(renderApplyEventJson(events[1] as ApplyEvent))).not.toHaveProperty('deposed');
  });

  it('starts each run with an empty memory of failures', () => {
    const first = textLog(failure, false);
    expect(textLog(failure, false)).toBe(first);
  });

  it.each([
    [0, '0s'],
    [999, '0s'],
    [1000, '1s'],
    [59_999, '59s'],
    [60_000, '1m0s'],
    [125_500, '2m5s'],
    [-5, '0s'],
  ])('formats %i ms as %s', (ms, shown) => {
    expect(formatElapsed(ms)).toBe(shown);
  });
});
