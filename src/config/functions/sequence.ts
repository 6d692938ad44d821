import {
  equals,
  listVal,
  numberVal,
  setVal,
  tupleVal,
  typeName,
  unifyTypes,
  unknownVal,
  listType,
  setType,
  convert,
  isSequenceType,
  type Type,
  type Value,
} from '../value.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, elementsOf, fail, listOf, n, num, param, s, setOf, str } from './util.js';

/** Functions over lists, tuples and sets: building, searching, ordering, slicing. */

function concat(args: readonly Value[]): FunctionResult {
  if (args.length === 0) return fail('at least one argument is required');
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Value).type;
    if (t.kind !== 'list' && t.kind !== 'tuple' && t.kind !== 'dynamic') return fail(`all arguments must be lists or tuples; got ${typeName(t)}`, i);
  }
  const allLists = args.every((a) => a.type.kind === 'list');
  const element = allLists ? unifyTypes(args.map((a) => (a.type as { element: Type }).element)) : undefined;
  if (args.some((a) => a.kind === 'unknown')) return unknownVal(element !== undefined ? listType(element) : any);
  const items = args.flatMap((a) => elementsOf(a));
  if (element !== undefined) return listVal(items, element);
  return tupleVal(items);
}

function flattenInto(out: Value[], v: Value): boolean {
  for (const e of elementsOf(v)) {
    if (e.kind === 'unknown' && isSequenceType(e.type)) return false;
    if (e.kind === 'list' || e.kind === 'set' || e.kind === 'tuple') {
      if (!flattenInto(out, e)) return false;
    } else out.push(e);
  }
  return true;
}

/** Whole-number index from a number argument, or an error for it. */
function wholeIndex(v: Value | undefined, argIndex: number, what: string): number | FunctionResult {
  const x = n(v);
  if (!Number.isInteger(x)) return fail(`invalid ${what}: value must be a whole number`, argIndex);
  return x;
}

function range(args: readonly Value[]): FunctionResult {
  if (args.length < 1 || args.length > 3) return fail('must have one, two, or three arguments');
  const [start, limit] = args.length === 1 ? [0, n(args[0])] : [n(args[0]), n(args[1])];
  const step = args.length === 3 ? n(args[2]) : limit < start ? -1 : 1;
  if (step === 0) return fail('step must not be zero', 2);
  if (step < 0 && limit > start) return fail('end must be less than start when step is negative', 1);
  if (step > 0 && limit < start) return fail('end must be greater than start when step is positive', 1);
  const out: Value[] = [];
  for (let x = start; step > 0 ? x < limit : x > limit; x += step) {
    if (out.length >= 1024) return fail('more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
    out.push(numberVal(x));
  }
  return listVal(out, num);
}

/** Code point order, as Go compares strings (UTF-8 byte order). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function sequenceCheck(v: Value, fn: string): FunctionResult | undefined {
  if (v.type.kind === 'set' && fn === 'slice') {
    return fail('cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important', 0);
  }
  if (v.type.kind !== 'list' && v.type.kind !== 'tuple') return fail(fn === 'slice' ? 'must be a list or tuple value' : `can only ${fn} list or tuple values, not ${typeName(v.type)}`, 0);
  return undefined;
}

function sameShape(v: Value, items: readonly Value[]): Value {
  return v.kind === 'list' ? listVal(items, v.type.element) : tupleVal(items);
}

function setOp(args: readonly Value[], op: 'union' | 'intersection' | 'subtract'): FunctionResult {
  const element = unifyTypes(args.map((a) => (a.type.kind === 'set' ? a.type.element : any)));
  if (element === undefined) return fail('given sets must all have compatible element types');
  const sets: Value[][] = [];
  for (const a of args) {
    const c = convert(a, setType(element));
    if (!c.ok) return fail('given sets must all have compatible element types');
    sets.push([...elementsOf(c.value)]);
  }
  const has = (list: readonly Value[], v: Value): boolean => list.some((e) => isTrue(equals(e, v)));
  let out: Value[];
  if (op === 'union') out = sets.flat();
  else if (op === 'intersection') out = (sets[0] ?? []).filter((v) => sets.every((set) => has(set, v)));
  else out = (sets[0] ?? []).filter((v) => !has(sets[1] ?? [], v));
  return setVal(out, element);
}

function setResultType(args: readonly Value[]): Type {
  return setType(unifyTypes(args.map((a) => (a.type.kind === 'set' ? a.type.element : any))) ?? any);
}

const isTrue = (v: Value): boolean => v.kind === 'bool' && v.value;

export const sequenceFunctions: Record<string, FunctionDef> = {
  concat: {
    description: 'Joins lists or tuples end to end.',
    params: [],
    variadic: param('seqs', any, { allowUnknown: true }),
    returnType: (a) => (a.every((x) => x.type.kind === 'list') ? listType(unifyTypes(a.map((x) => (x.type as { element: Type }).element)) ?? any) : any),
    call: concat,
  },
  distinct: {
    description: 'The list without duplicates, keeping first occurrences.',
    params: [param('list', listOf(any))],
    returnType: (a) => a[0]?.type ?? any,
    call(a) {
      const list = a[0] as Value;
      const out: Value[] = [];
      for (const e of elementsOf(list)) if (!out.some((o) => isTrue(equals(o, e)))) out.push(e);
      return list.kind === 'list' ? listVal(out, list.type.element) : listVal(out);
    },
  },
  flatten: {
    description: 'Replaces nested lists, sets and tuples by their elements, recursively.',
    params: [param('list', any, { allowUnknown: true })],
    returnType: () => any,
    call(a) {
      const v = a[0] as Value;
      if (!isSequenceType(v.type) && v.type.kind !== 'dynamic') return fail('can only flatten lists, sets and tuples', 0);
      const out: Value[] = [];
      if (v.kind === 'unknown' || !flattenInto(out, v)) return unknownVal(any);
      return tupleVal(out);
    },
  },
  range: {
    description: 'A list of numbers from start towards limit by step (at most 1024).',
    params: [],
    variadic: param('params', num),
    returnType: () => listOf(num),
    call: range,
  },
  element: {
    description: 'The element at an index, wrapping around the length of the list.',
    params: [param('list', any), param('index', num)],
    returnType: (a) => (a[0]?.type.kind === 'list' ? a[0].type.element : any),
    call(a) {
      const list = a[0] as Value;
      if (list.kind !== 'list' && list.kind !== 'tuple') return fail(`cannot read elements from ${typeName(list.type)}`, 0);
      const index = wholeIndex(a[1], 1, 'index');
      if (typeof index !== 'number') return index;
      if (list.elements.length === 0) return fail('cannot use element function with an empty list', 0);
      const len = list.elements.length;
      return list.elements[((index % len) + len) % len] as Value;
    },
  },
  index: {
    description: 'The index of the first element equal to a value.',
    params: [param('list', any), param('value', any)],
    returnType: () => num,
    call(a) {
      const list = a[0] as Value;
      if (list.type.kind !== 'list' && list.type.kind !== 'tuple') return fail('argument must be a list or tuple', 0);
      const i = elementsOf(list).findIndex((e) => isTrue(equals(e, a[1] as Value)));
      return i < 0 ? fail('item not found') : numberVal(i);
    },
  },
  sort: {
    description: 'The strings of a list in lexical order.',
    params: [param('list', listOf(str))],
    returnType: () => listOf(str),
    call(a) {
      const es = elementsOf(a[0]);
      const nullAt = es.findIndex((e) => e.kind === 'null');
      if (nullAt >= 0) return fail(`given list element ${nullAt} is null; a null string cannot be sorted`, 0);
      return listVal([...es].sort((x, y) => compareCodePoints(s(x), s(y))), str);
    },
  },
  reverse: {
    description: 'The list or tuple in reverse order.',
    params: [param('list', any)],
    returnType: (a) => (a[0]?.type.kind === 'set' ? listType(a[0].type.element) : (a[0]?.type ?? any)),
    call(a) {
      const v = a[0] as Value;
      if (v.kind === 'set') return listVal([...v.elements].reverse(), v.type.element);
      return sequenceCheck(v, 'reverse') ?? sameShape(v, [...elementsOf(v)].reverse());
    },
  },
  slice: {
    description: 'The elements from start (inclusive) to end (exclusive).',
    params: [param('list', any), param('start_index', num), param('end_index', num)],
    returnType: (a) => (a[0]?.type.kind === 'list' ? a[0].type : any),
    call(a) {
      const v = a[0] as Value;
      const bad = sequenceCheck(v, 'slice');
      if (bad) return bad;
      const len = elementsOf(v).length;
      const start = wholeIndex(a[1], 1, 'start index');
      if (typeof start !== 'number') return start;
      const end = wholeIndex(a[2], 2, 'end index');
      if (typeof end !== 'number') return end;
      if (start < 0) return fail('start index must not be less than zero', 1);
      if (start > len) return fail('start index must not be greater than the length of the list', 1);
      if (end < 0) return fail('end index must not be less than zero', 2);
      if (end > len) return fail('end index must not be greater than the length of the list', 2);
      if (start > end) return fail('start index must not be greater than end index', 1);
      return sameShape(v, elementsOf(v).slice(start, end));
    },
  },
  compact: {
    description: 'The list of strings without empty strings and nulls.',
    params: [param('list', listOf(str))],
    returnType: () => listOf(str),
    call: (a) => listVal(elementsOf(a[0]).filter((e) => e.kind === 'string' && e.value !== ''), str),
  },
  chunklist: {
    description: 'Splits a list into lists of at most size elements.',
    params: [param('list', listOf(any)), param('size', num)],
    returnType: (a) => listOf(a[0]?.type ?? any),
    call(a) {
      const list = a[0] as Value;
      const size = wholeIndex(a[1], 1, 'size');
      if (typeof size !== 'number') return size;
      if (size < 0) return fail('the size argument must be positive', 1);
      const es = elementsOf(list);
      const t = list.type.kind === 'list' ? list.type.element : any;
      if (size === 0) return listVal(es.length === 0 ? [] : [listVal(es, t)], listType(t));
      const chunks: Value[] = [];
      for (let i = 0; i < es.length; i += size) chunks.push(listVal(es.slice(i, i + size), t));
      return listVal(chunks, listType(t));
    },
  },
  setunion: {
    description: 'The set of elements in any of the given sets.',
    params: [param('first_set', setOf(any))],
    variadic: param('other_sets', setOf(any)),
    returnType: setResultType,
    call: (a) => setOp(a, 'union'),
  },
  setintersection: {
    description: 'The set of elements in all of the given sets.',
    params: [param('first_set', setOf(any))],
    variadic: param('other_sets', setOf(any)),
    returnType: setResultType,
    call: (a) => setOp(a, 'intersection'),
  },
  setsubtract: {
    description: 'The elements of the first set that are not in the second.',
    params: [param('a', setOf(any)), param('b', setOf(any))],
    returnType: setResultType,
    call: (a) => setOp(a, 'subtract'),
  },
};
