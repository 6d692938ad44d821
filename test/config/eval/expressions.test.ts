import { describe, expect, it } from 'vitest';
import {
  listVal,
  mapVal,
  markSensitive,
  nullVal,
  numberVal,
  objectVal,
  setVal,
  stringType,
  stringVal,
  toJs,
  tupleVal,
  unknownVal,
  type Value,
} from '../../../src/config/value.js';
import { evalText } from '../helpers.js';

const names: Record<string, Value> = {
  users: mapVal({ alice: objectVal({ email: stringVal('a@x'), teams: tupleVal([stringVal('ops')]) }), bob: objectVal({ email: stringVal('b@x'), teams: tupleVal([]) }) }),
  list: listVal([stringVal('a'), stringVal('b'), stringVal('c')]),
  tags: setVal([stringVal('x'), stringVal('y')]),
  obj: objectVal({ name: stringVal('ops'), size: numberVal(3) }),
  nothing: nullVal(),
  later: unknownVal(stringType),
  secret: markSensitive(stringVal('hunter2')),
  name: stringVal('World'),
};

const cases: [string, string, unknown][] = [
  ['template', '"Hello, ${name}!"', 'Hello, World!'],
  ['template with number', '"n=${1 + 1}"', 'n=2'],
  ['single interpolation keeps type', '"${obj}"', { name: 'ops', size: 3 }],
  ['escaped interpolation', '"$${name}"', '${name}'],
  ['if directive', '"%{ if obj.size > 2 }big%{ else }small%{ endif }"', 'big'],
  ['for directive', '"%{ for x in list }${x},%{ endfor }"', 'a,b,c,'],
  ['for directive with strip', '"%{ for x in list ~} ${x} %{~ endfor }"', 'abc'],
  ['heredoc', '<<EOT\nhi ${name}\nEOT\n', 'hi World\n'],
  ['indented heredoc', '<<-EOT\n    a\n      b\n    EOT\n', 'a\n  b\n'],
  ['attribute', 'obj.name', 'ops'],
  ['index by key', 'users["alice"].email', 'a@x'],
  ['map attribute access', 'users.bob.email', 'b@x'],
  ['list index', 'list[1]', 'b'],
  ['legacy index', 'list.2', 'c'],
  ['index string number', 'list["0"]', 'a'],
  ['tuple', '[1, "a", true]', [1, 'a', true]],
  ['object', '{ a = 1, "b" = 2, (name) = 3 }', { a: 1, b: 2, World: 3 }],
  ['splat', '[obj, obj][*].name', ['ops', 'ops']],
  ['attribute splat', 'values(users).*.email', ['a@x', 'b@x']],
  ['splat on null', 'nothing[*]', []],
  ['splat on single value', 'obj[*].name', ['ops']],
  ['for tuple', '[for k, v in users : "${k}=${v.email}"]', ['alice=a@x', 'bob=b@x']],
  ['for with if', '[for x in list : upper(x) if x != "b"]', ['A', 'C']],
  ['for object', '{ for k, v in users : v.email => k }', { 'a@x': 'alice', 'b@x': 'bob' }],
  ['for grouping', '{ for x in ["a1", "a2", "b1"] : substr(x, 0, 1) => x... }', { a: ['a1', 'a2'], b: ['b1'] }],
  ['for over set', '[for t in tags : t]', ['x', 'y']],
  ['for index', '[for i, x in list : i]', [0, 1, 2]],
  ['function', 'length(list)', 3],
  ['function expansion', 'max([3, 9, 2]...)', 9],
  ['nested functions', 'join(",", [for x in list : upper(x)])', 'A,B,C'],
  ['try first success', 'try(obj.missing, obj.name)', 'ops'],
  ['try fallback literal', 'try(list[10], "none")', 'none'],
  ['can true', 'can(obj.name)', true],
  ['can false', 'can(obj.nope)', false],
  ['conditional unifies', 'true ? 1 : "a"', '1'],
  ['big integers stay exact', '"n${12345678901234567890 + 1}"', 'n12345678901234567891'],
];

describe('expressions', () => {
  it.each(cases)('%s: %s', (_name, text, expected) => {
    const { value, diagnostics } = evalText(text, names);
    expect(diagnostics).toEqual([]);
    expect(toJs(value)).toEqual(expected);
  });
});

/** [expression, summary, column where the range starts, detail fragment] */
const errorCases: [string, string, number, string][] = [
  ['obj.nmae', 'Unsupported attribute', 4, 'Did you mean "name"?'],
  ['nothing.x', 'Attempt to get attribute from null value', 8, 'null'],
  ['list.x', 'Unsupported attribute', 5, 'list of strings'],
  ['name.x', 'Unsupported attribute', 5, 'primitive-typed value (string)'],
  ['list[5]', 'Invalid index', 5, 'greater than or equal to the length'],
  ['list[-1]', 'Invalid index', 1, 'negative number'],
  ['list[1.5]', 'Invalid index', 5, 'whole number'],
  ['tags[0]', 'Invalid index', 5, 'Elements of a set'],
  ['users["carol"]', 'Invalid index', 6, 'does not identify an element'],
  ['nothing[0]', 'Attempt to index null value', 8, 'null'],
  ['name[0]', 'Invalid index', 5, 'does not have any indices'],
  ['lenght(list)', 'Call to unknown function', 1, 'Did you mean "length"?'],
  ['upper()', 'Not enough function arguments', 7, 'Missing value for'],
  ['upper("a", "b")', 'Too many function arguments', 12, 'expects only 1'],
  ['upper([1])', 'Invalid function argument', 7, 'string required'],
  ['max(1...)', 'Invalid expanding argument value', 5, 'tuple, list, or set'],
  ['[for x in 5 : x]', 'Iteration over non-iterable value', 11, 'number'],
  ['[for x in nothing : x]', 'Iteration over null value', 11, 'null'],
  ['{ for x in ["a", "a"] : x => 1 }', 'Duplicate object key', 25, 'ellipsis'],
  ['[for x in list : x if 1]', 'Invalid \'for\' condition', 23, 'bool'],
  ['"a${nothing}"', 'Invalid template interpolation value', 5, 'null'],
  ['"a${list}"', 'Invalid template interpolation value', 5, 'string required'],
  ['try(obj.a, obj.b)', 'Error in function call', 1, 'no expression succeeded'],
  ['{ (nothing) = 1 }', 'Null value as key', 3, 'null'],
];

describe('expression errors', () => {
  it.each(errorCases)('%s → %s', (text, summary, column, fragment) => {
    const { value, diagnostics } = evalText(text, names);
    const d = diagnostics.find((x) => x.summary === summary);
    expect(d, JSON.stringify(diagnostics.map((x) => x.summary))).toBeDefined();
    expect(d?.range?.start.column).toBe(column);
    expect(d?.detail).toContain(fragment);
    expect(value.kind).toBe('unknown');
  });
});

describe('unknown values', () => {
  it.each([
    ['later', 'unknown'],
    ['"x-${later}"', 'unknown'],
    ['upper(later)', 'unknown'],
    ['[later, "a"]', [null, 'a']],
    ['{ a = later }.a', 'unknown'],
    ['later == "a" ? 1 : 2', 'unknown'],
    ['can(later)', 'unknown'],
    ['try(later, "x")', 'unknown'],
    ['[for x in [later] : x]', [null]],
    ['length([later, later])', 2],
  ])('%s', (text, expected) => {
    const { value, diagnostics } = evalText(text, names);
    expect(diagnostics).toEqual([]);
    if (expected === 'unknown') expect(value.kind).toBe('unknown');
    else expect(toJs(value)).toEqual(expected);
  });
});

describe('sensitive values', () => {
  it.each(['secret', '"pw: ${secret}"', 'upper(secret)', 'length(secret)', '[secret][0]', '{ a = secret }.a', 'try(secret, "x")'])('%s stays sensitive', (text) => {
    const { value } = evalText(text, names);
    expect(value.marks?.has('sensitive')).toBe(true);
  });
  it('marks the element, not the tuple built around it', () => {
    const { value } = evalText('[secret, "a"]', names);
    expect(value.marks).toBeUndefined();
    expect(value.kind === 'tuple' && value.elements[0]?.marks?.has('sensitive')).toBe(true);
  });
});
