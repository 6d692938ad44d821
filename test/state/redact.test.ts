import { describe, expect, it } from 'vitest';
import { emptyState, hasValueAt, redactWriteOnly, serializeState, setInstance, type AttributePath, type JsonObject } from '../../src/state/index.js';

const attributes: JsonObject = {
  name: 'alice',
  password: 'hunter2',
  access: { id: 'AK1', secret: 'SK1' },
  keys: [{ id: 'k0', secret: 's0' }, { id: 'k1', secret: 's1' }],
};

describe('redactWriteOnly', () => {
  it.each<[string, AttributePath[], JsonObject]>([
    ['a top-level attribute', [['password']], { name: 'alice', access: { id: 'AK1', secret: 'SK1' }, keys: attributes['keys'] as JsonObject[] }],
    ['a nested attribute', [['access', 'secret']], { ...attributes, access: { id: 'AK1' } }],
    ['an attribute inside a list element', [['keys', 1, 'secret']], { ...attributes, keys: [{ id: 'k0', secret: 's0' }, { id: 'k1' }] }],
    ['a list element itself (nulled to keep positions)', [['keys', 0]], { ...attributes, keys: [null, { id: 'k1', secret: 's1' }] }],
    ['paths that do not exist', [['nope'], ['access', 'nope'], ['keys', 5, 'secret'], ['name', 'deeper']], attributes],
    ['several paths', [['password'], ['access', 'secret']], { name: 'alice', access: { id: 'AK1' }, keys: attributes['keys'] as JsonObject[] }],
  ])('removes %s', (_, paths, expected) => {
    const before = JSON.stringify(attributes);
    expect(redactWriteOnly(attributes, paths)).toEqual(expected);
    expect(JSON.stringify(attributes)).toBe(before);
  });

  it('refuses the empty path as a programming error', () => {
    expect(() => redactWriteOnly(attributes, [[]])).toThrow();
  });

  it.each<[AttributePath, boolean]>([
    [['password'], true],
    [['access', 'secret'], true],
    [['keys', 1, 'secret'], true],
    [['keys', 2], false],
    [['missing'], false],
    [['name', 0], false],
  ])('hasValueAt %j is %s', (path, expected) => {
    expect(hasValueAt(attributes, path)).toBe(expected);
  });
});

describe('serializing a state with a value at a write-only path', () => {
  const state = setInstance(emptyState('L'), { mode: 'managed', type: 'iam_user', name: 'alice' }, {
    id: 'u-1',
    attributes,
    sensitivePaths: [],
    dependencies: [],
  });

  it('drops the value: the secret never reaches the file', () => {
    const text = serializeState(state, 1, { iamformVersion: 'x', writeOnly: () => [['password'], ['access', 'secret'], ['keys', 0, 'secret'], ['keys', 1, 'secret']] });
    for (const secret of ['hunter2', 'SK1', '"s0"', '"s1"']) expect(text).not.toContain(secret);
    expect(text).toContain('"AK1"');
  });

  it('asks the lookup per resource', () => {
    const asked: string[] = [];
    serializeState(state, 1, {
      iamformVersion: 'x',
      writeOnly: (resource) => {
        asked.push(`${resource.type}.${resource.name}`);
        return [];
      },
    });
    expect(asked).toEqual(['iam_user.alice']);
  });
});
