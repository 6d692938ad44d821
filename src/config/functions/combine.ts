import { convert, equals, listType, listVal, mappingEntries, mapVal, setType, setVal, stringVal, tupleType, tupleVal, unifyTypes, type Type, type Value } from '../value.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, elementsOf, fail, listOf, mapOf, param, RESULT_LIMIT, s, str } from './util.js';

/** Functions that combine several collections: `matchkeys`, `setproduct`, `transpose`. */

function matchkeys(values: Value, keys: Value, search: Value): FunctionResult {
  const vs = elementsOf(values);
  const ks = elementsOf(keys);
  if (vs.length !== ks.length) return fail('length of keys and values should be equal');
  const keyType = unifyTypes([keys.type.kind === 'list' ? keys.type.element : any, search.type.kind === 'list' ? search.type.element : any]);
  if (keyType === undefined) return fail('keys and searchset must be of the same type', 2);
  const wanted: Value[] = [];
  for (const x of elementsOf(search)) {
    const c = convert(x, keyType);
    if (!c.ok) return fail('keys and searchset must be of the same type', 2);
    wanted.push(c.value);
  }
  const out: Value[] = [];
  for (let i = 0; i < ks.length; i++) {
    const k = convert(ks[i] as Value, keyType);
    if (k.ok && wanted.some((w) => { const eq = equals(w, k.value); return eq.kind === 'bool' && eq.value; })) out.push(vs[i] as Value);
  }
  return listVal(out, values.type.kind === 'list' ? values.type.element : any);
}

function setproduct(args: readonly Value[]): FunctionResult {
  if (args.length < 2) return fail('at least two arguments are required');
  for (let i = 0; i < args.length; i++) {
    const k = (args[i] as Value).type.kind;
    if (k !== 'set' && k !== 'list') return fail('a set or a list is required', i);
  }
  const total = args.reduce((acc, a) => acc * elementsOf(a).length, 1);
  if (total > RESULT_LIMIT) return fail('the result is too large');
  const elementTypes = args.map((a) => (a.type as { element: Type }).element);
  let rows: Value[][] = [[]];
  for (const a of args) rows = rows.flatMap((row) => elementsOf(a).map((e) => [...row, e]));
  const tuples = rows.map((r) => tupleVal(r));
  const t = tupleType(elementTypes);
  return args.every((a) => a.type.kind === 'set') ? setVal(tuples, t) : listVal(tuples, t);
}

function transpose(m: Value): FunctionResult {
  const out = new Map<string, string[]>();
  if (m.kind !== 'map') return fail('input must be a map of lists of strings', 0);
  for (const [key, list] of mappingEntries(m)) {
    for (const e of elementsOf(list)) {
      if (e.kind === 'null') return fail('input lists must not contain null values', 0);
      const bucket = out.get(s(e)) ?? [];
      bucket.push(key);
      out.set(s(e), bucket);
    }
  }
  return mapVal(
    [...out].map(([k, ks]) => [k, listVal(ks.map(stringVal), str)] as const),
    listType(str),
  );
}

export const combineFunctions: Record<string, FunctionDef> = {
  matchkeys: {
    description: 'The elements of a list whose corresponding keys are in a search set.',
    params: [param('values', listOf(any)), param('keys', listOf(any)), param('searchset', listOf(any))],
    returnType: (a) => a[0]?.type ?? listOf(any),
    call: (a) => matchkeys(a[0] as Value, a[1] as Value, a[2] as Value),
  },
  setproduct: {
    description: 'Every combination of one element from each of the given sets or lists.',
    params: [],
    variadic: param('sets', any),
    returnType: (a) => {
      const ts = a.map((x) => (x.type.kind === 'set' || x.type.kind === 'list' ? x.type.element : any));
      return a.every((x) => x.type.kind === 'set') ? setType(tupleType(ts)) : listType(tupleType(ts));
    },
    call: setproduct,
  },
  transpose: {
    description: 'Swaps the keys and values of a map of lists of strings.',
    params: [param('values', mapOf(listOf(str)))],
    returnType: () => mapOf(listOf(str)),
    call: (a) => transpose(a[0] as Value),
  },
};
