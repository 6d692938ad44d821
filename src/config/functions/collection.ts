import {
  equals,
  listVal,
  mappingEntries,
  mapVal,
  nullVal,
  numberVal,
  objectVal,
  tupleVal,
  typeEquals,
  typeName,
  unifyTypes,
  unknownVal,
  boolVal,
  stringVal,
  convert,
  type Type,
  type Value,
} from '../value.js';
import type { FunctionDef, FunctionResult } from './types.js';
import { any, elementsOf, fail, graphemeCount, listOf, num, param, s, str, bool, mapOf } from './util.js';

/** Functions over maps, objects and whole collections. Sequence slicing is in sequence.ts. */

const whole = (v: Value | undefined): boolean => v !== undefined && v.kind === 'unknown';

function length(v: Value): FunctionResult {
  switch (v.kind) {
    case 'unknown':
      return unknownVal(num);
    case 'string':
      return numberVal(graphemeCount(v.value));
    case 'list':
    case 'tuple':
      return numberVal(v.elements.length);
    case 'set':
      return v.elements.some((e) => e.kind === 'unknown') ? unknownVal(num) : numberVal(v.elements.length);
    case 'map':
    case 'object':
      return numberVal(mappingEntries(v).size);
    case 'null':
    case 'number':
    case 'bool':
      return fail('argument must be a string, a collection type, or a structural type', 0);
  }
}

function mergeType(args: readonly Value[]): Type {
  const present = args.filter((a) => a.kind !== 'null');
  const first = present[0]?.type;
  if (first !== undefined && first.kind === 'map' && present.every((a) => typeEquals(a.type, first))) return first;
  return any;
}

function merge(args: readonly Value[]): FunctionResult {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Value;
    if (a.type.kind !== 'map' && a.type.kind !== 'object' && a.type.kind !== 'dynamic') return fail(`arguments must be maps or objects, got "${typeName(a.type)}"`, i);
  }
  if (args.some(whole)) return unknownVal(mergeType(args));
  const out = new Map<string, Value>();
  for (const a of args) if (a.kind === 'map' || a.kind === 'object') for (const [k, v] of mappingEntries(a)) out.set(k, v);
  const asMap = mergeType(args);
  if (asMap.kind === 'map') return mapVal(out, asMap.element);
  return objectVal(out);
}

function lookup(args: readonly Value[]): FunctionResult {
  const [m, key, ...rest] = args as [Value, Value, ...Value[]];
  if (rest.length > 1) return fail('lookup() with too many arguments', 3);
  if (m.type.kind !== 'map' && m.type.kind !== 'object' && m.type.kind !== 'dynamic') return fail('lookup() requires a map as the first argument', 0);
  const fallback = rest[0];
  if (m.kind === 'unknown' || key.kind === 'unknown') return unknownVal(m.type.kind === 'map' ? m.type.element : any);
  const found = m.kind === 'map' || m.kind === 'object' ? mappingEntries(m).get(s(key)) : undefined;
  if (found !== undefined) return found;
  if (fallback === undefined) return fail(`lookup failed to find key ${JSON.stringify(s(key))}`);
  if (m.type.kind === 'map' && fallback.kind !== 'null') {
    const unified = unifyTypes([m.type.element, fallback.type]);
    const converted = unified === undefined ? undefined : convert(fallback, unified);
    if (converted === undefined || !converted.ok) return fail('the default value must have the same type as the map elements', 2);
    return converted.value;
  }
  return fallback;
}

function keysOrValues(m: Value, which: 'keys' | 'values'): FunctionResult {
  if (m.kind === 'unknown') return unknownVal(which === 'keys' ? listOf(str) : m.type.kind === 'map' ? listOf(m.type.element) : any);
  if (m.kind !== 'map' && m.kind !== 'object') return fail(`${which}() requires a map as the first argument`, 0);
  const entries = mappingEntries(m);
  if (which === 'keys') {
    const keys = [...entries.keys()].map(stringVal);
    return m.kind === 'map' ? listVal(keys, str) : tupleVal(keys);
  }
  return m.kind === 'map' ? listVal([...entries.values()], m.type.element) : tupleVal([...entries.values()]);
}

function zipmap(keys: Value, values: Value): FunctionResult {
  const ks = elementsOf(keys);
  const vs = elementsOf(values);
  if (values.kind === 'unknown') return unknownVal(values.type.kind === 'list' ? mapOf(values.type.element) : any);
  if (values.kind !== 'list' && values.kind !== 'tuple') return fail('values argument must be a list or tuple value', 1);
  if (ks.length !== vs.length) return fail(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
  const out = new Map<string, Value>();
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i] as Value;
    if (k.kind === 'null') return fail(`keys list has null value at index ${i}`, 0);
    out.set(s(k), vs[i] as Value);
  }
  return values.kind === 'list' ? mapVal(out, values.type.element) : objectVal(out);
}

function contains(list: Value, value: Value): FunctionResult {
  if (!['list', 'set', 'tuple', 'dynamic'].includes(list.type.kind)) return fail('argument must be list, tuple, or set', 0);
  if (list.kind === 'unknown' || value.kind === 'unknown') return unknownVal(bool);
  let unknown = false;
  for (const e of elementsOf(list)) {
    const eq = equals(value, e);
    if (eq.kind === 'unknown') unknown = true;
    else if (eq.value) return boolVal(true);
  }
  return unknown ? unknownVal(bool) : boolVal(false);
}

/** For parameters whose function looks at unknown values itself (at any depth). */
const open = { allowUnknown: true } as const;

export const collectionFunctions: Record<string, FunctionDef> = {
  length: {
    description: 'The number of elements, attributes or characters.',
    params: [param('value', any, open)],
    returnType: () => num,
    call: (a) => length(a[0] as Value),
  },
  merge: {
    description: 'Merges maps or objects; later arguments win; null arguments are ignored.',
    params: [],
    variadic: param('maps', any, { allowNull: true, allowUnknown: true }),
    returnType: mergeType,
    call: merge,
  },
  lookup: {
    description: 'The value of a key in a map, or a default.',
    params: [param('inputMap', any, open), param('key', str, open)],
    variadic: param('default', any, { allowNull: true, allowUnknown: true }),
    returnType: (a) => (a[0]?.type.kind === 'map' ? a[0].type.element : any),
    call: lookup,
  },
  keys: {
    description: 'The keys of a map or object, in lexical order.',
    params: [param('inputMap', any, open)],
    returnType: () => listOf(str),
    call: (a) => keysOrValues(a[0] as Value, 'keys'),
  },
  values: {
    description: 'The values of a map or object, in the lexical order of their keys.',
    params: [param('mapping', any, open)],
    returnType: (a) => (a[0]?.type.kind === 'map' ? listOf(a[0].type.element) : any),
    call: (a) => keysOrValues(a[0] as Value, 'values'),
  },
  zipmap: {
    description: 'A map (or object) from a list of keys and a list of values.',
    params: [param('keys', listOf(str)), param('values', any, open)],
    returnType: (a) => (a[1]?.type.kind === 'list' ? mapOf(a[1].type.element) : any),
    call: (a) => zipmap(a[0] as Value, a[1] as Value),
  },
  contains: {
    description: 'Whether a list, set or tuple contains a value.',
    params: [param('list', any, open), param('value', any, { allowNull: true, allowUnknown: true })],
    returnType: () => bool,
    call: (a) => contains(a[0] as Value, a[1] as Value),
  },
  coalesce: {
    description: 'The first argument that is neither null nor an empty string.',
    params: [],
    variadic: param('vals', any, { allowNull: true, allowUnknown: true }),
    returnType: (a) => unifyTypes(a.map((v) => v.type)) ?? any,
    call(a) {
      const t = unifyTypes(a.map((v) => v.type));
      if (t === undefined) return fail('all arguments must have the same type');
      for (const v of a) {
        if (v.kind === 'unknown') return unknownVal(t);
        if (v.kind === 'null' || (v.kind === 'string' && v.value === '')) continue;
        const c = convert(v, t);
        return c.ok ? c.value : fail('all arguments must have the same type');
      }
      return fail('no non-null, non-empty-string arguments');
    },
  },
  coalescelist: {
    description: 'The first list or tuple argument that is not empty.',
    params: [],
    variadic: param('vals', any, { allowNull: true, allowUnknown: true }),
    returnType: () => any,
    call(a) {
      if (a.length === 0) return fail('at least one argument is required');
      for (let i = 0; i < a.length; i++) {
        const v = a[i] as Value;
        if (!['list', 'tuple', 'dynamic'].includes(v.type.kind)) return fail('coalescelist arguments must be lists or tuples', i);
      }
      for (const v of a) {
        if (v.kind === 'unknown') return unknownVal(v.type);
        if (v.kind !== 'null' && elementsOf(v).length > 0) return v;
      }
      return fail('no non-null arguments');
    },
  },
  one: {
    description: 'null for an empty collection, its element for one element, an error otherwise.',
    params: [param('list', any, open)],
    returnType: (a) => (a[0] && (a[0].type.kind === 'list' || a[0].type.kind === 'set') ? a[0].type.element : any),
    call(a) {
      const v = a[0] as Value;
      if (!['list', 'set', 'tuple', 'dynamic'].includes(v.type.kind)) return fail('must be a list, set, or tuple value', 0);
      if (v.kind === 'unknown') return unknownVal(v.type.kind === 'list' || v.type.kind === 'set' ? v.type.element : any);
      const es = elementsOf(v);
      if (es.length > 1) return fail('must be a list, set, or tuple value with either zero or one elements', 0);
      return es[0] ?? nullVal(v.type.kind === 'list' || v.type.kind === 'set' ? v.type.element : any);
    },
  },
  alltrue: {
    description: 'Whether every element is true (true for an empty collection).',
    params: [param('list', listOf(bool))],
    returnType: () => bool,
    call: (a) => boolVal(elementsOf(a[0]).every((e) => e.kind === 'bool' && e.value)),
  },
  anytrue: {
    description: 'Whether any element is true (false for an empty collection).',
    params: [param('list', listOf(bool))],
    returnType: () => bool,
    call: (a) => boolVal(elementsOf(a[0]).some((e) => e.kind === 'bool' && e.value)),
  },
};
