import { describe, expect, it } from 'vitest';
import {
  boolType,
  convert,
  dynamicType,
  equals,
  formatNumber,
  formatType,
  fromJs,
  listType,
  listVal,
  mapType,
  mapVal,
  markSensitive,
  marksOf,
  numberType,
  numberVal,
  nullVal,
  objectType,
  objectVal,
  parseNumber,
  rawEquals,
  setType,
  setVal,
  stringType,
  stringVal,
  toJs,
  tupleType,
  tupleVal,
  typeName,
  unifyTypes,
  unknownVal,
  unmarkDeep,
  boolVal,
  type Type,
  type Value,
} from '../../src/config/value.js';

describe('numbers', () => {
  it.each([
    ['12', '12'],
    ['-3.5', '-3.5'],
    ['1e3', '1000'],
    ['1e21', '1000000000000000000000'],
    ['1.5e-7', '0.00000015'],
    ['9007199254740993', '9007199254740993'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('parses %s and formats it as %s', (text, shown) => {
    const n = parseNumber(text);
    expect(n).toBeDefined();
    expect(formatNumber(n as NonNullable<typeof n>)).toBe(shown);
  });

  it.each(['', 'abc', '0x10', 'Infinity', 'NaN', '1e', ' 1'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('type names', () => {
  it.each<[Type, string, string]>([
    [stringType, 'string', 'string'],
    [listType(stringType), 'list(string)', 'list of string'],
    [mapType(setType(numberType)), 'map(set(number))', 'map of set of number'],
    [tupleType([stringType, boolType]), 'tuple([string, bool])', 'tuple'],
    [objectType({ b: numberType, a: stringType }, ['b']), 'object({a=string, b=optional(number)})', 'object'],
    [dynamicType, 'any', 'dynamic'],
  ])('%j', (t, formatted, name) => {
    expect(formatType(t)).toBe(formatted);
    expect(typeName(t)).toBe(name);
  });
});

describe('convert', () => {
  const cases: [string, Value, Type, Value | string][] = [
    ['number to string', numberVal(42), stringType, stringVal('42')],
    ['bool to string', boolVal(true), stringType, stringVal('true')],
    ['string to number', stringVal('1.5'), numberType, numberVal(1.5)],
    ['bad string to number', stringVal('x'), numberType, 'a number is required'],
    ['string to bool', stringVal('false'), boolType, boolVal(false)],
    ['"1" to bool', stringVal('1'), boolType, boolVal(true)],
    ['TRUE to bool', stringVal('TRUE'), boolType, 'a bool is required; to convert from string, use lowercase "true"'],
    ['number to bool', numberVal(1), boolType, 'bool required'],
    ['tuple to list(string)', tupleVal([stringVal('a'), numberVal(1)]), listType(stringType), listVal([stringVal('a'), stringVal('1')])],
    ['tuple to list(any) unifies', tupleVal([stringVal('a'), numberVal(1)]), listType(dynamicType), listVal([stringVal('a'), stringVal('1')], stringType)],
    ['tuple to set dedupes', tupleVal([stringVal('b'), stringVal('a'), stringVal('b')]), setType(stringType), setVal([stringVal('a'), stringVal('b')])],
    ['object to map', objectVal({ a: numberVal(1), b: stringVal('x') }), mapType(stringType), mapVal({ a: stringVal('1'), b: stringVal('x') })],
    ['element error', tupleVal([stringVal('a'), tupleVal([])]), listType(stringType), 'element 1: string required'],
    [
      'object missing attribute',
      objectVal({ name: stringVal('a') }),
      objectType({ name: stringType, email: stringType }),
      'attribute "email" is required',
    ],
    [
      'optional attribute becomes null, extra dropped',
      objectVal({ name: stringVal('a'), extra: boolVal(true) }),
      objectType({ name: stringType, email: stringType }, ['email']),
      objectVal({ name: stringVal('a'), email: nullVal(stringType) }),
    ],
    [
      'nested map error names the key',
      objectVal({ alice: objectVal({}) }),
      mapType(objectType({ email: stringType })),
      'element "alice": attribute "email" is required',
    ],
    ['null converts', nullVal(), listType(stringType), nullVal(listType(stringType))],
    ['unknown converts', unknownVal(), numberType, unknownVal(numberType)],
    ['list to tuple', listVal([stringVal('a')]), tupleType([stringType]), tupleVal([stringVal('a')])],
    ['wrong kind', stringVal('a'), listType(stringType), 'list of string required'],
  ];
  it.each(cases)('%s', (_name, value, target, expected) => {
    const result = convert(value, target);
    if (typeof expected === 'string') {
      expect(result).toEqual({ ok: false, error: expected });
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(rawEquals(result.value, expected)).toBe(true);
    }
  });

  it('refuses unsafe conversions when asked', () => {
    expect(convert(stringVal('1'), numberType, { safeOnly: true }).ok).toBe(false);
    expect(convert(numberVal(1), stringType, { safeOnly: true }).ok).toBe(true);
  });

  it('keeps marks', () => {
    const result = convert(markSensitive(numberVal(1)), stringType);
    expect(result.ok && marksOf(result.value).has('sensitive')).toBe(true);
  });
});

describe('unify', () => {
  it.each<[Type[], string | undefined]>([
    [[stringType, numberType], 'string'],
    [[dynamicType, numberType], 'number'],
    [[dynamicType], 'any'],
    [[objectType({ a: stringType }), objectType({ a: numberType })], 'object({a=string})'],
    [[objectType({ a: stringType }), objectType({ b: numberType })], 'map(string)'],
    [[tupleType([stringType]), tupleType([stringType, stringType])], 'list(string)'],
    [[stringType, listType(stringType)], undefined],
  ])('%j', (types, expected) => {
    const t = unifyTypes(types);
    expect(t === undefined ? undefined : formatType(t)).toBe(expected);
  });
});

describe('equality', () => {
  it.each<[string, Value, Value, boolean | 'unknown']>([
    ['same strings', stringVal('a'), stringVal('a'), true],
    ['number vs string', numberVal(1), stringVal('1'), false],
    ['null vs null', nullVal(stringType), nullVal(), true],
    ['null vs value', nullVal(), stringVal('a'), false],
    ['unknown', unknownVal(stringType), stringVal('a'), 'unknown'],
    ['tuples', tupleVal([numberVal(1)]), tupleVal([numberVal(1)]), true],
    ['tuple with unknown', tupleVal([unknownVal(numberType)]), tupleVal([numberVal(1)]), 'unknown'],
    ['different lengths despite unknown', tupleVal([unknownVal(numberType)]), tupleVal([numberVal(1), numberVal(2)]), false],
    ['big integers', numberVal(2n ** 60n + 1n), numberVal(2n ** 60n), false],
  ])('%s', (_name, a, b, expected) => {
    const r = equals(a, b);
    expect(r.kind === 'unknown' ? 'unknown' : r.value).toBe(expected);
  });

  it('marks the result', () => {
    expect(marksOf(equals(markSensitive(stringVal('a')), stringVal('a'))).has('sensitive')).toBe(true);
  });
});

describe('collections', () => {
  it('orders sets deterministically', () => {
    const s = setVal([numberVal(10), numberVal(2), numberVal(2)]);
    expect(toJs(s)).toEqual([2, 10]);
  });
  it('orders map keys', () => {
    expect(Object.keys(toJs(mapVal({ b: stringVal('1'), a: stringVal('2') })) as object)).toEqual(['a', 'b']);
  });
  it('round-trips plain data, including a __proto__ key', () => {
    const data = JSON.parse('{"a":[1,"x",true,null],"__proto__":{"b":2}}') as unknown;
    expect(toJs(fromJs(data))).toEqual(data);
    expect(Object.keys(toJs(fromJs(data)) as object)).toContain('__proto__');
  });
  it('unmarkDeep finds nested marks', () => {
    const [plain, marks] = unmarkDeep(tupleVal([stringVal('a'), markSensitive(stringVal('b'))]));
    expect(marks.has('sensitive')).toBe(true);
    expect(rawEquals(plain, tupleVal([stringVal('a'), stringVal('b')]))).toBe(true);
  });
});
