import { formatNumber, fromBigInt, numCompare, type Num } from './number.js';
import {
  boolType,
  compareStrings,
  dynamicType,
  listType,
  mapType,
  numberType,
  setType,
  stringType,
  tupleType,
  typeEquals,
  type ObjectType,
  type TupleType,
  type Type,
} from './types.js';
import { unifyTypes } from './unify.js';
import { convert } from './convert.js';

/**
 * A mark travels with a value through every operation: anything computed from a marked
 * value carries its marks. `sensitive` values are redacted wherever they are shown.
 */
export type Mark = 'sensitive';
export type Marks = ReadonlySet<Mark>;

/**
 * A config value. Every value has a `type`; a value may be null or unknown ("known after
 * apply") while still having a type (possibly `dynamic`). `marks` is absent on unmarked
 * values and never an empty set. Values are immutable.
 *
 * Invariants relied on across the code base:
 * - list, set and map elements all have exactly the collection's element type (a null or
 *   unknown element has that type too);
 * - set elements are unique and sorted (see `compareValues`); map entries and object
 *   attributes iterate in lexical key order;
 * - strings are NFC-normalised.
 */
export type Value =
  | NullValue
  | UnknownValue
  | StringValue
  | NumberValue
  | BoolValue
  | ListValue
  | SetValue
  | TupleValue
  | MapValue
  | ObjectValue;

interface Marked {
  readonly marks?: Marks;
}
export interface NullValue extends Marked {
  readonly kind: 'null';
  readonly type: Type;
}
export interface UnknownValue extends Marked {
  readonly kind: 'unknown';
  readonly type: Type;
}
export interface StringValue extends Marked {
  readonly kind: 'string';
  readonly type: Type;
  readonly value: string;
}
export interface NumberValue extends Marked, Num {
  readonly kind: 'number';
  readonly type: Type;
}
export interface BoolValue extends Marked {
  readonly kind: 'bool';
  readonly type: Type;
  readonly value: boolean;
}
export interface ListValue extends Marked {
  readonly kind: 'list';
  readonly type: Type & { kind: 'list' };
  readonly elements: readonly Value[];
}
export interface SetValue extends Marked {
  readonly kind: 'set';
  readonly type: Type & { kind: 'set' };
  readonly elements: readonly Value[];
}
export interface TupleValue extends Marked {
  readonly kind: 'tuple';
  readonly type: TupleType;
  readonly elements: readonly Value[];
}
export interface MapValue extends Marked {
  readonly kind: 'map';
  readonly type: Type & { kind: 'map' };
  readonly entries: ReadonlyMap<string, Value>;
}
export interface ObjectValue extends Marked {
  readonly kind: 'object';
  readonly type: ObjectType;
  readonly attributes: ReadonlyMap<string, Value>;
}

export type SequenceValue = ListValue | SetValue | TupleValue;
export type MappingValue = MapValue | ObjectValue;

// ---- constructors -------------------------------------------------------------------------

const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;

export function stringVal(value: string): StringValue {
  return { kind: 'string', type: stringType, value: NON_ASCII.test(value) ? value.normalize('NFC') : value };
}

/** A number from a double (see number.ts for precision) or from an exact `Num`/bigint. */
export function numberVal(value: number | bigint | Num): NumberValue {
  if (typeof value === 'bigint') return { kind: 'number', type: numberType, ...fromBigInt(value) };
  if (typeof value === 'number') return { kind: 'number', type: numberType, value: Object.is(value, -0) ? 0 : value };
  return value.big === undefined
    ? { kind: 'number', type: numberType, value: value.value }
    : { kind: 'number', type: numberType, value: value.value, big: value.big };
}

export const trueVal: BoolValue = Object.freeze({ kind: 'bool', type: boolType, value: true });
export const falseVal: BoolValue = Object.freeze({ kind: 'bool', type: boolType, value: false });

export function boolVal(value: boolean): BoolValue {
  return value ? trueVal : falseVal;
}

export function nullVal(type: Type = dynamicType): NullValue {
  return { kind: 'null', type };
}

export function unknownVal(type: Type = dynamicType): UnknownValue {
  return { kind: 'unknown', type };
}

/** A value of dynamic type that is unknown: "some value, of some type, known after apply". */
export const dynamicVal: UnknownValue = Object.freeze({ kind: 'unknown', type: dynamicType });

export function tupleVal(elements: readonly Value[]): TupleValue {
  return { kind: 'tuple', type: tupleType(elements.map((e) => e.type)), elements };
}

/**
 * An object; attributes are sorted by name whatever order they come in. A Map passed in
 * may be kept as the object's attributes: do not change it afterwards.
 */
export function objectVal(attributes: ReadonlyMap<string, Value> | Readonly<Record<string, Value>> | Iterable<readonly [string, Value]>): ObjectValue {
  const sorted = sortedEntries(attributes);
  const types = new Map<string, Type>();
  for (const [name, v] of sorted) types.set(name, v.type);
  return { kind: 'object', type: { kind: 'object', attributes: types }, attributes: sorted };
}

/**
 * A list. Without `elementType` the element type is unified from the elements (a mix of
 * strings and numbers becomes strings, as HCL does); an empty list needs `elementType`
 * (default dynamic). Mixing types that do not unify is a bug: use `tupleVal`.
 */
export function listVal(elements: readonly Value[], elementType?: Type): ListValue {
  const [t, es] = homogenise(elements, elementType, 'list');
  return { kind: 'list', type: listType(t) as ListValue['type'], elements: es };
}

/** A set: elements are converted to one type as in `listVal`, deduplicated and sorted. */
export function setVal(elements: readonly Value[], elementType?: Type): SetValue {
  const [t, es] = homogenise(elements, elementType, 'set');
  return { kind: 'set', type: setType(t) as SetValue['type'], elements: normaliseSet(es) };
}

/** A map: values are converted to one type as in `listVal`; keys are sorted. */
export function mapVal(entries: ReadonlyMap<string, Value> | Readonly<Record<string, Value>> | Iterable<readonly [string, Value]>, elementType?: Type): MapValue {
  const sorted = sortedEntries(entries);
  const input = [...sorted.values()];
  const [t, homogenised] = homogenise(input, elementType, 'map');
  const values = homogenised === input ? undefined : homogenised;
  if (values === undefined) return { kind: 'map', type: mapType(t) as MapValue['type'], entries: sorted };
  const out = new Map<string, Value>();
  let i = 0;
  for (const key of sorted.keys()) out.set(key, values[i++] as Value);
  return { kind: 'map', type: mapType(t) as MapValue['type'], entries: out };
}

function sortedEntries(
  source: ReadonlyMap<string, Value> | Readonly<Record<string, Value>> | Iterable<readonly [string, Value]>,
): ReadonlyMap<string, Value> {
  if (source instanceof Map) {
    let previous: string | undefined;
    let ordered = true;
    for (const key of (source as ReadonlyMap<string, Value>).keys()) {
      if (previous !== undefined && compareStrings(previous, key) >= 0) {
        ordered = false;
        break;
      }
      previous = key;
    }
    if (ordered) return source as ReadonlyMap<string, Value>;
  }
  let entries: (readonly [string, Value])[];
  if (source instanceof Map) entries = [...(source as ReadonlyMap<string, Value>)];
  else if (Symbol.iterator in (source as object)) entries = [...(source as Iterable<readonly [string, Value]>)];
  else entries = Object.entries(source as Readonly<Record<string, Value>>);
  let ordered = true;
  for (let i = 1; i < entries.length; i++) {
    if (compareStrings((entries[i - 1] as readonly [string, Value])[0], (entries[i] as readonly [string, Value])[0]) >= 0) {
      ordered = false;
      break;
    }
  }
  if (!ordered) entries.sort((a, b) => compareStrings(a[0], b[0]));
  return new Map(entries);
}

function homogenise(elements: readonly Value[], elementType: Type | undefined, what: string): [Type, readonly Value[]] {
  let target = elementType;
  if (target === undefined || (target.kind === 'dynamic' && elements.length > 0)) {
    if (elements.length === 0) return [dynamicType, elements];
    const unified = unifyTypes(elements.map((e) => e.type));
    if (unified === undefined) throw new Error(`${what} elements have types that do not unify; use a tuple or object`);
    target = unified;
  }
  let same = true;
  for (const e of elements) {
    if (!typeEquals(e.type, target)) {
      same = false;
      break;
    }
  }
  if (same) return [target, elements];
  const converted = elements.map((e) => {
    const result = convert(e, target);
    if (!result.ok) throw new Error(`${what} element does not convert to ${JSON.stringify(target)}: ${result.error}`);
    return result.value;
  });
  return [target, converted];
}

/** Sorts set elements by `compareValues` and drops duplicates (unknown elements are all kept). */
export function normaliseSet(elements: readonly Value[]): Value[] {
  const sorted = [...elements].sort(compareValues);
  const out: Value[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && e.kind !== 'unknown' && compareValues(last, e) === 0) continue;
    out.push(e);
  }
  return out;
}

// ---- ordering -----------------------------------------------------------------------------

const kindRank: Record<Value['kind'], number> = {
  bool: 0,
  number: 1,
  string: 2,
  list: 3,
  set: 4,
  tuple: 5,
  map: 6,
  object: 7,
  null: 8,
  unknown: 9,
};

/**
 * A total order on values used for set elements: false < true, numbers numerically, strings
 * lexically, collections element-wise, then by length; nulls and unknowns last. Marks are
 * ignored. Two values compare equal exactly when they are equal.
 */
export function compareValues(a: Value, b: Value): number {
  if (a.kind !== b.kind) return kindRank[a.kind] - kindRank[b.kind];
  switch (a.kind) {
    case 'bool':
      return Number(a.value) - Number((b as BoolValue).value);
    case 'number':
      return numCompare(a, b as NumberValue);
    case 'string':
      return compareStrings(a.value, (b as StringValue).value);
    case 'list':
    case 'set':
    case 'tuple': {
      const other = (b as SequenceValue).elements;
      const n = Math.min(a.elements.length, other.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(a.elements[i] as Value, other[i] as Value);
        if (c !== 0) return c;
      }
      return a.elements.length - other.length;
    }
    case 'map':
    case 'object': {
      const x = [...mappingEntries(a)];
      const y = [...mappingEntries(b as MappingValue)];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const [ka, va] = x[i] as [string, Value];
        const [kb, vb] = y[i] as [string, Value];
        const c = compareStrings(ka, kb) || compareValues(va, vb);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 'null':
    case 'unknown':
      return compareStrings(typeKey(a.type), typeKey(b.type));
  }
}

function typeKey(t: Type): string {
  return JSON.stringify(t, (_k, v: unknown) => (v instanceof Map ? [...(v as Map<string, unknown>)] : v instanceof Set ? [...(v as Set<unknown>)] : v));
}

// ---- access helpers -----------------------------------------------------------------------

export function isSequence(v: Value): v is SequenceValue {
  return v.kind === 'list' || v.kind === 'set' || v.kind === 'tuple';
}
export function isMapping(v: Value): v is MappingValue {
  return v.kind === 'map' || v.kind === 'object';
}
export function mappingEntries(v: MappingValue): ReadonlyMap<string, Value> {
  return v.kind === 'map' ? v.entries : v.attributes;
}

/** True unless the value itself is unknown (its elements may still be). */
export function isKnown(v: Value): boolean {
  return v.kind !== 'unknown';
}

/** True when neither the value nor anything inside it is unknown. */
export function isWhollyKnown(v: Value): boolean {
  switch (v.kind) {
    case 'unknown':
      return false;
    case 'list':
    case 'set':
    case 'tuple':
      return v.elements.every(isWhollyKnown);
    case 'map':
    case 'object':
      for (const e of mappingEntries(v).values()) if (!isWhollyKnown(e)) return false;
      return true;
    default:
      return true;
  }
}

export function isNull(v: Value): boolean {
  return v.kind === 'null';
}

/** The text of a string, number or bool as `tostring` and templates render it. */
export function primitiveText(v: StringValue | NumberValue | BoolValue): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return formatNumber(v);
    case 'bool':
      return v.value ? 'true' : 'false';
  }
}
