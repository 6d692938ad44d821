import { arithmetic, fromBigInt, numberVal, numCompare, type Num, type NumberValue, type Value } from '../value.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { elementsOf, fail, fixed, listOf, n, num, param, s, str } from './util.js';

/** Numeric functions. Integers beyond 2^53 stay exact where the operation allows. */

function finite(x: number): FunctionResult {
  return Number.isFinite(x) ? numberVal(x) : fail('the result is not a finite number');
}

const asNum = (v: Value | undefined): Num => (v !== undefined && v.kind === 'number' ? (v as NumberValue) : { value: Number.NaN });

function rounding(description: string, f: (x: number) => number): FunctionDef {
  return fixed(description, [param('num', num)], num, (a) => {
    const v = asNum(a[0]);
    return v.big !== undefined ? numberVal(fromBigInt(v.big)) : numberVal(f(v.value));
  });
}

function extreme(args: readonly Value[], sign: 1 | -1): FunctionResult {
  if (args.length === 0) return fail('must pass at least one number');
  let best = asNum(args[0]);
  for (const a of args.slice(1)) if (numCompare(asNum(a), best) * sign > 0) best = asNum(a);
  return numberVal(best);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function parseInt(text: string, base: number): FunctionResult {
  if (!Number.isInteger(base) || base < 2 || base > 62) return fail('base must be a whole number between 2 and 62 inclusive', 1);
  const m = /^([-+]?)(.+)$/su.exec(text);
  const body = m?.[2] ?? '';
  let value = 0n;
  const bigBase = BigInt(base);
  for (const ch of body) {
    let d = DIGITS.indexOf(base <= 36 ? ch.toLowerCase() : ch);
    if (base <= 36 && d >= 36) d = -1;
    if (d < 0 || d >= base) return fail(`cannot parse ${JSON.stringify(text)} as a base ${base} integer`, 0);
    value = value * bigBase + BigInt(d);
  }
  if (body === '') return fail(`cannot parse ${JSON.stringify(text)} as a base ${base} integer`, 0);
  return numberVal(fromBigInt(m?.[1] === '-' ? -value : value));
}

export const numericFunctions: Record<string, FunctionDef> = {
  abs: fixed('The absolute value.', [param('num', num)], num, (a) => {
    const v = asNum(a[0]);
    return v.big !== undefined ? numberVal(fromBigInt(v.big < 0n ? -v.big : v.big)) : numberVal(Math.abs(v.value));
  }),
  ceil: rounding('The smallest whole number greater than or equal to the number.', Math.ceil),
  floor: rounding('The largest whole number less than or equal to the number.', Math.floor),
  signum: fixed('-1, 0 or 1 by the sign of the number.', [param('num', num)], num, (a) => numberVal(Math.sign(n(a[0])))),
  log: fixed('The logarithm of a number in a base.', [param('num', num), param('base', num)], num, (a) => finite(Math.log(n(a[0])) / Math.log(n(a[1])))),
  pow: fixed('A number raised to a power.', [param('num', num), param('power', num)], num, (a) => {
    const [x, y] = [asNum(a[0]), asNum(a[1])];
    if (x.big === undefined && Number.isInteger(x.value) && Number.isInteger(y.value) && y.value >= 0 && y.value <= 4096) {
      const exact = BigInt(x.value) ** BigInt(y.value);
      if (exact.toString().length <= 309) return numberVal(fromBigInt(exact));
    }
    return finite(x.value ** y.value);
  }),
  parseint: fixed('Parses a string as an integer in a base from 2 to 62.', [param('number', str), param('base', num)], num, (a) => parseInt(s(a[0]), n(a[1]))),
  min: fixed('The smallest of the numbers.', [], num, (a) => extreme(a, -1), { variadic: param('numbers', num) }),
  max: fixed('The largest of the numbers.', [], num, (a) => extreme(a, 1), { variadic: param('numbers', num) }),
  sum: fixed('The total of a list of numbers.', [param('list', listOf(num))], num, (a) => {
    const es = elementsOf(a[0]);
    if (es.length === 0) return fail('cannot sum an empty list', 0);
    let total: Num = { value: 0 };
    for (const e of es) {
      if (e.kind !== 'number') return fail('argument must be list, set, or tuple of number values', 0);
      const r = arithmetic('+', total, e);
      if ('error' in r) return fail(r.error);
      total = r;
    }
    return numberVal(total);
  }),
};
