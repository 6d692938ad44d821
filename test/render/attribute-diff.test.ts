import { describe, expect, it } from 'vitest';
import { renderBody, type DiffMarks } from '../../src/render/text/attribute-diff.js';
import { makeStyle } from '../../src/render/text/style.js';
import type { AttributePath, JsonObject } from '../../src/state/index.js';

const none: DiffMarks = { unknown: [], beforeSensitive: [], afterSensitive: [], replace: [] };

function body(before: JsonObject | null, after: JsonObject | null, marks: Partial<DiffMarks> = {}, policyPath?: AttributePath): string[] {
  const ctx = { style: makeStyle(false), marks: { ...none, ...marks }, identifying: new Set<string>(), ...(policyPath ? { policyPath } : {}) };
  return renderBody(ctx, before, after);
}

describe('attribute diff', () => {
  const table: [string, JsonObject | null, JsonObject | null, Partial<DiffMarks>, string[]][] = [
    ['a null member equals a missing one', { a: 1, b: null }, { a: 1 }, {}, ['        # (1 unchanged attribute hidden)']],
    ['a changed scalar', { a: 'x' }, { a: 'y' }, {}, ['      ~ a = "x" -> "y"']],
    ['numbers and booleans keep their JSON form', { n: 1, b: true }, { n: 2.5, b: false }, {}, ['      ~ b = true -> false', '      ~ n = 1 -> 2.5']],
    [
      'forces replacement on the nested line that changed',
      { tags: { team: 'a', x: '1' } },
      { tags: { team: 'b', x: '1' } },
      { replace: [['tags', 'team']] },
      ['      ~ tags = {', '          ~ "team" = "a" -> "b" # forces replacement', '            # (1 unchanged element hidden)', '        }'],
    ],
    [
      'a list element removed from the middle',
      { l: ['a', 'b', 'c'] },
      { l: ['a', 'c'] },
      {},
      ['      ~ l = [', '            # (1 unchanged element hidden)', '          - "b",', '            # (1 unchanged element hidden)', '        ]'],
    ],
    [
      'a sensitive list element',
      { keys: ['k1', 'old-secret'] },
      { keys: ['k1', 'new-secret'] },
      { beforeSensitive: [['keys', 1]], afterSensitive: [['keys', 1]] },
      ['      ~ keys = [', '            # (1 unchanged element hidden)', '          - (sensitive value),', '          + (sensitive value),', '        ]'],
    ],
    [
      'a value that becomes sensitive is a change even when equal',
      { p: 'same' },
      { p: 'same' },
      { afterSensitive: [['p']] },
      ['      ~ p = "same" -> (sensitive value)'],
    ],
    ['an unknown member of a new object', null, { o: { a: 1 } }, { unknown: [['o', 'b']] }, ['      + o = {', '          + "a" = 1', '          + "b" = (known after apply)', '        }']],
    ['an empty object created', null, { o: {} }, {}, ['      + o = {}']],
    ['a list removed', { l: [1] }, null, {}, ['      - l = [', '          - 1,', '        ] -> null']],
  ];

  it.each(table)('%s', (_, before, after, marks, lines) => {
    expect(body(before, after, marks)).toEqual(lines);
  });

  it('never prints a value under a sensitive path, however deep', () => {
    const before = { a: { b: [{ c: 'SECRET-1' }] } };
    const after = { a: { b: [{ c: 'SECRET-2' }, { c: 'SECRET-3' }] } };
    const text = body(before, after, { beforeSensitive: [['a', 'b']], afterSensitive: [['a', 'b']] }).join('\n');
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('(sensitive value)');
  });

  it('diffs policy statements by content only under the policy path', () => {
    const doc = (actions: string[]): JsonObject => ({ Version: '1.1', Statement: [{ Effect: 'Allow', Action: actions }] });
    expect(body({ policy: doc(['a:b:c', 'a:b:d']) }, { policy: doc(['a:b:d', 'a:b:c']) }, {}, ['policy'])).toEqual(['        # (1 unchanged attribute hidden)']);
    expect(body({ other: doc(['a:b:c', 'a:b:d']) }, { other: doc(['a:b:d', 'a:b:c']) }, {}, ['policy'])[0]).toBe('      ~ other = {');
  });
});
