import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, serializePlanFile, stalePlanDiagnostic, stalePlanReasons, type CurrentBasis } from '../../src/plan/plan-file.js';
import { marksMirror, mirrorPaths } from '../../src/plan/plan-json.js';
import type { AttributePath, JsonValue } from '../../src/state/index.js';
import { expectGolden } from '../helpers/golden.js';
import { planFromFixture } from '../render/fixture.js';

const roundtrip = fileURLToPath(new URL('../fixtures/plan/roundtrip/', import.meta.url));
const VERSION = { iamformVersion: '0.1.0' };

describe('saved plan round trip', () => {
  const inputs = readdirSync(roundtrip).filter((f) => f.endsWith('.in.json'));

  it('has fixtures', () => {
    expect(inputs.sort()).toEqual(['access-changes.in.json', 'deposed.in.json', 'future-minor.in.json', 'sensitive.in.json', 'unordered.in.json']);
  });

  it.each(inputs)('%s reads, writes back to its .out.json, and is stable from there', (input) => {
    const read = parsePlanFile(readFileSync(join(roundtrip, input), 'utf8'), input);
    if (read.kind !== 'ok') throw new Error(JSON.stringify(read.diagnostics, null, 2));
    const written = serializePlanFile(read.plan, VERSION);
    expectGolden(join(roundtrip, input.replace('.in.json', '.out.json')), written);
    const again = parsePlanFile(written, 'again');
    if (again.kind !== 'ok') throw new Error('the written plan does not read back');
    expect(again.plan).toEqual(read.plan);
    expect(serializePlanFile(again.plan, VERSION)).toBe(written);
  });

  it('keeps a deposed object deletion apart from its instance change', () => {
    const read = parsePlanFile(readFileSync(join(roundtrip, 'deposed.in.json'), 'utf8'), 'deposed');
    if (read.kind !== 'ok') throw new Error(JSON.stringify(read.diagnostics));
    expect(read.plan.changes.map((c) => [c.action, c.id, c.deposed])).toEqual([
      ['update', 'u-alice2', undefined],
      ['delete', 'u-alice', 'u-alice'],
    ]);
  });

  it('keeps what apply needs to refuse a stale plan', () => {
    const plan = planFromFixture({ lineage: 'lin-9', serial: 41, configHash: 'sha256:f00d' });
    const read = parsePlanFile(serializePlanFile(plan, VERSION), 'p');
    expect(read.kind === 'ok' && [read.plan.lineage, read.plan.serial, read.plan.configHash]).toEqual(['lin-9', 41, 'sha256:f00d']);
  });

  it('is a Plan equal to the original when nothing is sensitive', () => {
    const plan = planFromFixture({
      changes: [
        { address: 'iam_user.a', action: 'replace', id: 'u', before: { id: 'u', n: 1 }, after: { n: 2 }, afterUnknown: [['id']], replacePaths: [['n']], createBeforeDestroy: true },
        { address: 'iam_user.b', action: 'create', after: { n: 1 }, dependsOn: ['iam_user.a'] },
      ],
      outputs: [{ name: 'o', action: 'create', after: 'x' }],
      accessChanges: [{ kind: 'grant', principal: 'user:a', scope: 'eu-de', actions: ['a:b:c'], causes: ['iam_user.a'] }],
    });
    const read = parsePlanFile(serializePlanFile(plan, VERSION), 'p');
    expect(read.kind === 'ok' && read.plan).toEqual(plan);
  });

  it('never holds a sensitive or write-only value', () => {
    const plan = planFromFixture({
      changes: [
        {
          address: 'iam_user.a',
          action: 'create',
          after: { name: 'a', phone: 'PHONE-SECRET-1', nested: { token: 'TOKEN-SECRET-2' } },
          afterSensitive: [['phone'], ['nested', 'token']],
          writeOnly: { password: 'PASSWORD-SECRET-3' },
        },
      ],
      outputs: [{ name: 'key', action: 'create', after: 'OUTPUT-SECRET-4', sensitive: true }],
    });
    const text = serializePlanFile(plan, VERSION);
    for (const secret of ['PHONE-SECRET-1', 'TOKEN-SECRET-2', 'PASSWORD-SECRET-3', 'OUTPUT-SECRET-4', 'password']) expect(text).not.toContain(secret);
    const read = parsePlanFile(text, 'p');
    expect(read.kind === 'ok' && read.plan.changes[0]?.afterSensitive).toEqual([['nested', 'token'], ['phone']]);
  });
});

describe('reading a plan that is not one', () => {
  const state = JSON.stringify({ format_version: 1, iamform_version: '0.1.0', lineage: 'x', serial: 1, resources: [], outputs: {}, pending: [] });
  const valid = JSON.parse(readFileSync(join(roundtrip, 'access-changes.in.json'), 'utf8')) as Record<string, unknown>;
  const withChange = (patch: Record<string, unknown>): string => {
    const changes = valid['resource_changes'] as Record<string, unknown>[];
    return JSON.stringify({ ...valid, resource_changes: [{ ...changes[0], ...patch }] });
  };
  const table: [string, string, string, RegExp][] = [
    ['not JSON', '{"format_version": ', 'plan.json_syntax', /tfplan" is not valid JSON/],
    ['a JSON array', '[]', 'plan.format_invalid', /is not a plan/],
    ['no format version', '{"serial": 1}', 'plan.format_invalid', /has no valid format_version/],
    ['a newer major version', JSON.stringify({ ...valid, format_version: '2.0', iamform_version: '3.1.0' }), 'plan.format_too_new', /plan format 2\.0, newer than this iamform reads/],
    ['a version no release wrote', JSON.stringify({ ...valid, format_version: '0.9' }), 'plan.format_invalid', /plan format 0\.9/],
    ['a state file', state, 'plan.not_a_plan', /is a state file, not a plan/],
    ['a missing field', JSON.stringify({ ...valid, summary: undefined }), 'plan.format_invalid', /is not a valid plan/],
    ['an unknown action pair', withChange({ change: { ...(valid['resource_changes'] as { change: object }[])[0]?.change, actions: ['update', 'delete'] } }), 'plan.format_invalid', /is not a valid plan/],
    ['a bad address', withChange({ address: 'not an address' }), 'plan.format_invalid', /is not a valid plan/],
    ['a deposed object that is not deleted', withChange({ deposed: 'u-old' }), 'plan.format_invalid', /is not a valid plan/],
  ];

  it.each(table)('%s is a diagnostic, not an exception', (_, text, code, summary) => {
    const read = parsePlanFile(text, 'tfplan');
    expect(read.kind).toBe('error');
    if (read.kind !== 'error') return;
    expect(read.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(read.diagnostics[0]?.summary).toMatch(summary);
    expect(read.diagnostics[0]?.summary).toContain('"tfplan"');
  });

  it('says who wrote a newer plan', () => {
    const read = parsePlanFile(JSON.stringify({ ...valid, format_version: '2.0', iamform_version: '3.1.0' }), 'tfplan');
    expect(read.kind === 'error' && read.diagnostics[0]?.detail).toContain('iamform 3.1.0');
  });

  it('points at the offending field of an invalid plan', () => {
    const read = parsePlanFile(withChange({ change: { ...(valid['resource_changes'] as { change: object }[])[0]?.change, actions: ['update', 'delete'] } }), 'tfplan');
    expect(read.kind === 'error' && read.diagnostics[0]?.detail).toContain('resource_changes[0]');
  });
});

describe('stale plan detection', () => {
  const plan = planFromFixture({ lineage: 'lin-a', serial: 4, configHash: 'sha256:1' });
  const table: [string, CurrentBasis, string[]][] = [
    ['nothing changed', { lineage: 'lin-a', serial: 4, configHash: 'sha256:1' }, []],
    ['state written since', { lineage: 'lin-a', serial: 6, configHash: 'sha256:1' }, ['the state was changed since this plan was made: serial 4 → 6']],
    ['another lineage', { lineage: 'lin-b', serial: 4, configHash: 'sha256:1' }, ['the state belongs to a different lineage (lin-b; the plan was made for lin-a)']],
    ['another lineage and serial', { lineage: 'lin-b', serial: 9, configHash: 'sha256:1' }, ['the state belongs to a different lineage (lin-b; the plan was made for lin-a)']],
    ['config edited', { lineage: 'lin-a', serial: 4, configHash: 'sha256:2' }, ['the configuration changed since this plan was made']],
    [
      'state and config changed',
      { lineage: 'lin-a', serial: 5, configHash: 'sha256:2' },
      ['the state was changed since this plan was made: serial 4 → 5', 'the configuration changed since this plan was made'],
    ],
  ];

  it.each(table)('%s', (_, current, reasons) => {
    expect(stalePlanReasons(plan, current)).toEqual(reasons);
  });

  it('makes one error that lists every reason and what to do', () => {
    const d = stalePlanDiagnostic('tfplan', stalePlanReasons(plan, { lineage: 'lin-a', serial: 5, configHash: 'sha256:2' }));
    expect(d).toMatchObject({ severity: 'error', code: 'plan.stale', summary: 'Saved plan "tfplan" is stale' });
    expect(d.detail).toBe(
      'The state was changed since this plan was made: serial 4 → 5.\nThe configuration changed since this plan was made.\nRun "iamform plan" again and apply the new plan.',
    );
  });
});

describe('marks mirrors (after_unknown, *_sensitive)', () => {
  const table: [string, AttributePath[], JsonValue | null, JsonValue][] = [
    ['nothing marked, no value', [], null, false],
    ['nothing marked, an object', [], { a: 1 }, {}],
    ['the whole value', [[]], { a: 1 }, true],
    ['one attribute', [['id']], { name: 'x' }, { id: true }],
    ['a nested member', [['tags', 'team']], { tags: { team: 'a', x: 'b' } }, { tags: { team: true } }],
    ['a list element, others false', [['keys', 1]], { keys: ['a', 'b', 'c'] }, { keys: [false, true, false] }],
    ['a member of a list element', [['keys', 0, 'secret']], { keys: [{ secret: 's' }, {}] }, { keys: [{ secret: true }, false] }],
    ['covered paths collapse', [['tags'], ['tags', 'team']], { tags: { team: 'a' } }, { tags: true }],
  ];

  it.each(table)('%s', (_, paths, value, mirror) => {
    expect(marksMirror(paths, value)).toEqual(mirror);
  });

  it('give back the marked paths', () => {
    const step = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 3 }));
    const path = fc.array(step, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(path, { maxLength: 6 }), (paths) => {
        // Paths that disagree on whether a step is a list index or a key cannot share a value.
        const shapeOk = paths.every((p) => paths.every((q) => p.every((s, i) => q[i] === undefined || p.slice(0, i).some((x, j) => x !== q[j]) || typeof s === typeof q[i])));
        fc.pre(shapeOk);
        const minimal = paths.filter((p) => !paths.some((q) => q !== p && q.length < p.length && q.every((s, i) => s === p[i])));
        const unique = [...new Map(minimal.map((p) => [JSON.stringify(p), p])).values()];
        expect(mirrorPaths(marksMirror(paths, {})).map((p) => JSON.stringify(p)).sort()).toEqual(unique.map((p) => JSON.stringify(p)).sort());
      }),
    );
  });
});
