import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinFunctions, callFunction, isFunctionError } from '../../../src/config/functions/index.js';
import {
  boolType,
  dynamicType,
  hasMarksDeep,
  listType,
  listVal,
  mapType,
  mapVal,
  markSensitive,
  nullVal,
  numberType,
  numberVal,
  objectVal,
  setVal,
  stringType,
  stringVal,
  tupleVal,
  unknownVal,
  boolVal,
  type Type,
  type Value,
} from '../../../src/config/value.js';
import { ctx } from './helpers.js';

/** Strings that reach the interesting paths of the parsers (format, regex, JSON, CSV, base64, paths). */
const interesting = fc.constantFrom(
  '%d', '%[2]s %v', '%-08.3f', '%#v', '%', '%[0]d', '%☠', '(?P<a>x)(y)', '/a+/', '[[:alpha:]]', '\\Q.\\E', '(?i)a', '(?U)x', '\\1',
  '{"a":[1,2.5,"x",null]}', '[1,', 'a,b\n1,2\n', '"x', 'SGVsbG8=', '/w==', '../x', 'hello.txt', 'greeting.tpl', '', ' ', '1e400', '-0', '12345678901234567890',
);
const str = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), interesting);
const num = fc.oneof(
  fc.integer({ min: -5, max: 70 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, -1.5, 1024, 1025, 1e21, 2 ** 53 + 2),
).map((x) => numberVal(x));
const primitiveType = fc.constantFrom<Type>(stringType, numberType, boolType, dynamicType, listType(stringType), mapType(numberType));

const leaf: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: str.map(stringVal) },
  { weight: 3, arbitrary: num },
  { weight: 1, arbitrary: fc.boolean().map(boolVal) },
  { weight: 1, arbitrary: primitiveType.map((t) => nullVal(t)) },
  { weight: 1, arbitrary: primitiveType.map((t) => unknownVal(t)) },
);

const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(str, { maxLength: 4 }).map((xs) => listVal(xs.map(stringVal), stringType)) },
    { weight: 1, arbitrary: fc.array(num, { maxLength: 4 }).map((xs) => setVal(xs, numberType)) },
    { weight: 2, arbitrary: fc.array(tie('v'), { maxLength: 4 }).map(tupleVal) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), str, { maxKeys: 3 }).map((d) => mapVal(Object.entries(d).map(([k, v]) => [k, stringVal(v)] as const), stringType)) },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 3 }).map((d) => objectVal(Object.entries(d))) },
    { weight: 1, arbitrary: tie('v').map((v) => markSensitive(v)) },
  ),
})).v;

const names = [...builtinFunctions.keys()];

/** A function name and arguments; mostly as many as it takes, so calls get past the arity check. */
const callArbitrary = fc.constantFrom(...names).chain((name) => {
  const def = builtinFunctions.get(name)!;
  const arity = def.params.length;
  const count = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: arity, max: arity + (def.variadic ? 3 : 0) }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) },
  );
  return count.chain((n) => fc.tuple(fc.constant(name), fc.array(value, { minLength: n, maxLength: n })));
});

describe('every built-in function', () => {
  it('returns a value or an error for any arguments, and never throws', () => {
    fc.assert(
      fc.property(callArbitrary, ([name, args]) => {
        const def = builtinFunctions.get(name)!;
        const r = callFunction(name, def, args, ctx);
        if (isFunctionError(r)) {
          expect(typeof r.error).toBe('string');
          expect(r.error.length).toBeGreaterThan(0);
          if (r.argIndex !== undefined) expect(r.argIndex).toBeLessThan(args.length);
          return;
        }
        expect(r.kind).toMatch(/^(null|unknown|string|number|bool|list|set|tuple|map|object)$/);
        expect(r.type).toBeDefined();
        // Any sensitive input marks the result, unless the function manages marks itself.
        if (def.handlesMarks !== true && args.some(hasMarksDeep)) expect(r.marks?.has('sensitive')).toBe(true);
      }),
      { numRuns: 6000 },
    );
  });

  it('accepts the wholly-unknown value for every parameter', () => {
    for (const [name, def] of builtinFunctions) {
      const args = [...def.params, ...(def.variadic ? [def.variadic] : [])].map(() => unknownVal(dynamicType));
      const r = callFunction(name, def, args, ctx);
      const expected = name === 'issensitive' ? 'bool' : 'unknown';
      expect(isFunctionError(r) ? `error: ${r.error}` : r.kind, name).toBe(expected);
    }
  });

  it('offers the functions language.md requires, and nothing nondeterministic', () => {
    const required = `length lower upper title trimspace replace format join split concat merge keys values lookup contains distinct flatten
      toset tolist tomap coalesce jsonencode jsondecode file templatefile fileexists range zipmap setunion setintersection setsubtract
      startswith endswith regex regexall element index sort reverse slice min max abs sum ceil floor tonumber tostring tobool
      base64encode base64decode sha256`.split(/\s+/);
    for (const name of required) expect(builtinFunctions.has(name), name).toBe(true);
    for (const name of ['uuid', 'timestamp', 'plantimestamp', 'bcrypt', 'try', 'can']) expect(builtinFunctions.has(name), name).toBe(false);
  });
});
