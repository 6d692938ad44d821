import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, locateJsonPath } from '../../src/state/json-locate.js';

describe('jsonSyntaxError', () => {
  it.each([
    ['{"a": 1,}', 8, 'Trailing comma in object'],
    ['[1, 2,]', 6, 'Trailing comma in array'],
    ['{"a" 1}', 5, 'Expected ":"'],
    ['{"a": tru}', 6, 'expected a value'],
    ['{"a": "x\ny"}', 8, 'Control character'],
    ['{"a": "\\q"}', 7, 'Invalid escape'],
    ['{"a": "abc', 6, 'Unterminated string'],
    ['{"a": [1, 2', 11, 'expected "," or "]"'],
    ['', 0, 'expected a value'],
    ['{} x', 3, 'after the end'],
    ['{"a": -}', 6, 'expected a value'],
    ['{"a": 01}', 7, 'Expected "," or "}"'],
  ])('%j fails at %i: %s', (text, offset, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = jsonSyntaxError(text);
    expect(error?.offset).toBe(offset);
    expect(error?.message).toContain(message);
  });

  it.each(['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', ' \n{"x": {"y": []}}\n '])('accepts %j like JSON.parse', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonSyntaxError(text)).toBeUndefined();
  });
});

describe('locateJsonPath', () => {
  const text = '{\n  "a": {"b": [10, {"c": "x"}]},\n  "d": true,\n  "d": false\n}';
  const at = (path: (string | number)[]) => {
    const span = locateJsonPath(text, path);
    return span && text.slice(span.start, span.end);
  };

  it.each([
    [['a', 'b', 1, 'c'], '"x"'],
    [['a', 'b', 0], '10'],
    [['d'], 'false'],
    [['a', 'missing'], '{"b": [10, {"c": "x"}]}'],
    [['a', 'b', 7], '[10, {"c": "x"}]'],
  ] as const)('%j is %s', (path, expected) => {
    expect(at([...path])).toBe(expected);
  });

  it('is undefined for text that is not JSON', () => {
    expect(locateJsonPath('{', ['a'])).toBeUndefined();
  });
});
