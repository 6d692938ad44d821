import { describe, expect, it } from 'vitest';
import { documentsEqual, matchStatements, policyDocument, type StatementStep } from '../../src/render/text/policy-doc.js';
import type { JsonValue } from '../../src/state/index.js';

const allow = (...Action: string[]): JsonValue => ({ Effect: 'Allow', Action });
const deny = (...Action: string[]): JsonValue => ({ Effect: 'Deny', Action });

describe('statement matching', () => {
  const table: [string, JsonValue[], JsonValue[], StatementStep[]][] = [
    ['equal documents', [allow('a:b:c')], [allow('a:b:c')], [{ kind: 'same', before: 0, after: 0 }]],
    [
      'statements reordered',
      [allow('a:b:c'), deny('x:y:z')],
      [deny('x:y:z'), allow('a:b:c')],
      [
        { kind: 'same', before: 1, after: 0 },
        { kind: 'same', before: 0, after: 1 },
      ],
    ],
    ['actions reordered and repeated', [allow('a:b:c', 'a:b:d')], [allow('a:b:d', 'a:b:c', 'a:b:d')], [{ kind: 'same', before: 0, after: 0 }]],
    ['an action added', [allow('a:b:c')], [allow('a:b:c', 'a:b:d')], [{ kind: 'changed', before: 0, after: 0 }]],
    ['the effect flipped', [allow('a:b:c')], [deny('a:b:c')], [{ kind: 'changed', before: 0, after: 0 }]],
    [
      'unrelated statements are added and removed, not changed',
      [allow('a:b:c')],
      [allow('x:y:z')],
      [
        { kind: 'added', after: 0 },
        { kind: 'removed', before: 0 },
      ],
    ],
    [
      'the most alike pair wins',
      [allow('a:b:1', 'a:b:2'), allow('a:b:1', 'a:b:2', 'a:b:3', 'a:b:4')],
      [allow('a:b:1', 'a:b:2', 'a:b:3')],
      [
        { kind: 'changed', before: 1, after: 0 },
        { kind: 'removed', before: 0 },
      ],
    ],
    [
      'a condition changed',
      [{ Effect: 'Allow', Action: ['a:b:c'], Condition: { Bool: { 'g:MFAPresent': ['true'] } } }],
      [{ Effect: 'Allow', Action: ['a:b:c'], Condition: { Bool: { 'g:MFAPresent': ['false'] } } }],
      [{ kind: 'changed', before: 0, after: 0 }],
    ],
    ['a statement added', [], [allow('a:b:c')], [{ kind: 'added', after: 0 }]],
    ['a statement removed', [allow('a:b:c')], [], [{ kind: 'removed', before: 0 }]],
  ];

  it.each(table)('%s', (_, before, after, steps) => {
    expect(matchStatements(before, after)).toEqual(steps);
  });
});

describe('policy documents', () => {
  const doc = { Version: '1.1', Statement: [allow('a:b:c', 'a:b:d'), deny('x:y:z')] };
  const table: [string, JsonValue, JsonValue, boolean][] = [
    ['identical', doc, doc, true],
    ['as a JSON string with other whitespace and key order', doc, '{ "Statement": [ {"Action":["x:y:z"],"Effect":"Deny"}, {"Effect":"Allow","Action":["a:b:d","a:b:c"]} ], "Version": "1.1" }', true],
    ['another version', doc, { ...doc, Version: '1.0' }, false],
    ['an action fewer', doc, { Version: '1.1', Statement: [allow('a:b:c'), deny('x:y:z')] }, false],
    ['a statement more', doc, { Version: '1.1', Statement: [allow('a:b:c', 'a:b:d'), deny('x:y:z'), deny('q:r:s')] }, false],
  ];

  it.each(table)('%s', (_, a, b, equal) => {
    const x = policyDocument(a);
    const y = policyDocument(b);
    if (!x || !y) throw new Error('not a document');
    expect(documentsEqual(x, y)).toBe(equal);
  });

  it.each([['not json'], ['[1, 2]'], [42], [null]])('%j is not a document', (value) => {
    expect(policyDocument(value)).toBeUndefined();
  });
});
