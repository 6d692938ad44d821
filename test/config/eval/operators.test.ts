import { describe, expect, it } from 'vitest';
import { markSensitive, numberVal, stringVal, boolVal, unknownVal, numberType, stringType, toJs, type Value } from '../../../src/config/value.js';
import { evalText } from '../helpers.js';

const names: Record<string, Value> = {
  secret: markSensitive(numberVal(5)),
  unknown_n: unknownVal(numberType),
  unknown_b: unknownVal({ kind: 'bool' }),
  unknown_s: unknownVal(stringType),
  s: stringVal('7'),
  t: boolVal(true),
};

/** [expression, expected plain value | 'unknown' | {error: summary}] */
const cases: [string, unknown][] = [
  ['1 + 2', 3],
  ['10 - 2.5', 7.5],
  ['3 * 4', 12],
  ['7 / 2', 3.5],
  ['7 % 3', 1],
  ['-7 % 3', -1],
  ['1 + 2 * 3', 7],
  ['(1 + 2) * 3', 9],
  ['-(2 + 3)', -5],
  ['"2" + 3', 5],
  ['s * 2', 14],
  ['9007199254740993 + 1', 9007199254740994],
  ['1 / 0', { error: 'Error in operation' }],
  ['"x" + 1', { error: 'Invalid operand' }],
  ['null + 1', { error: 'Invalid operand' }],
  ['1 < 2', true],
  ['2 <= 2', true],
  ['3 > 4', false],
  ['"10" >= 9', true],
  ['1 == 1', true],
  ['1 == "1"', false],
  ['"a" != "b"', true],
  ['[1, 2] == [1, 2]', true],
  ['{a = 1} == {a = 1}', true],
  ['null == null', true],
  ['true && false', false],
  ['true || false', true],
  ['!true', false],
  ['!"true"', false],
  ['1 && true', { error: 'Invalid operand' }],
  ['false && unknown_b', false],
  ['true || unknown_b', true],
  ['true && unknown_b', 'unknown'],
  ['unknown_n + 1', 'unknown'],
  ['unknown_n == 1', 'unknown'],
  ['unknown_n < 1', 'unknown'],
  ['-unknown_n', 'unknown'],
  ['true ? 1 : 2', 1],
  ['false ? 1 : "two"', 'two'],
  ['true ? 1 : "two"', '1'],
  ['unknown_b ? 1 : 2', 'unknown'],
  ['null ? 1 : 2', { error: 'Null condition' }],
  ['"maybe" ? 1 : 2', { error: 'Incorrect condition type' }],
  ['true ? [1] : "x"', { error: 'Inconsistent conditional result types' }],
  ['t ? null : "x"', null],
];

describe('operators', () => {
  it.each(cases)('%s', (text, expected) => {
    const { value, diagnostics } = evalText(text, names);
    if (typeof expected === 'object' && expected !== null && 'error' in expected) {
      expect(diagnostics.map((d) => d.summary)).toContain((expected as { error: string }).error);
      return;
    }
    expect(diagnostics).toEqual([]);
    if (expected === 'unknown') expect(value.kind).toBe('unknown');
    else expect(toJs(value)).toEqual(expected);
  });

  it.each(['secret + 1', '-secret', 'secret == 5', 'secret > 1', 'true ? secret : 1', 'secret > 1 ? "a" : "b"', '"${secret}"', '[for x in [1] : x + secret][0]'])(
    'propagates the sensitive mark through %s',
    (text) => {
      const { value, diagnostics } = evalText(text, names);
      expect(diagnostics).toEqual([]);
      expect(value.marks?.has('sensitive')).toBe(true);
    },
  );

  it('points an operand error at the operand', () => {
    const { diagnostics } = evalText('1 + "x"');
    expect(diagnostics[0]?.range?.start.column).toBe(5);
    expect(diagnostics[0]?.detail).toBe('Unsuitable value for right operand: a number is required.');
  });
});
