import { formatNumber, parseNumber } from './number.js';
import { hasDynamic, typeEquals, typeName, type ObjectType, type Type } from './types.js';
import { unifyTypes } from './unify.js';
import {
  boolVal,
  listVal,
  mapVal,
  mappingEntries,
  nullVal,
  numberVal,
  objectVal,
  setVal,
  stringVal,
  tupleVal,
  unknownVal,
  type Value,
} from './value.js';
import { propagateMarks } from './marks.js';

export type ConvertResult = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: string };

export interface ConvertOptions {
  /**
   * Refuse the conversions that can fail on some values of the source type: string to
   * number or bool, and list or set to tuple. Default false (Terraform converts unsafely for
   * variables, function arguments and resource attributes).
   */
  readonly safeOnly?: boolean;
}

/**
 * Converts `value` to `target` with HCL's rules: number and bool to string, string to number
 * (decimal syntax) and to bool (`"true"`, `"false"`, `"1"`, `"0"`), sequences to lists, sets
 * and tuples, objects and maps to maps and objects (extra object attributes are dropped;
 * missing ones are an error unless `optional`, which become null). `dynamic` inside the
 * target is filled in from the value (unifying element types for collections). Null and
 * unknown values convert to null and unknown of the target type. Marks are kept.
 *
 * Errors read like Terraform's: `element "alice": attribute "email" is required`.
 */
export function convert(value: Value, target: Type, options: ConvertOptions = {}): ConvertResult {
  const result = conv(value, target, options.safeOnly === true);
  return typeof result === 'string' ? { ok: false, error: result } : { ok: true, value: result };
}

/** True when some values of `from` convert to `to` (a type-level check). */
export function conversionExists(from: Type, to: Type, safeOnly = false): boolean {
  if (to.kind === 'dynamic' || from.kind === 'dynamic' || typeEquals(from, to)) return true;
  switch (to.kind) {
    case 'string':
      return from.kind === 'number' || from.kind === 'bool';
    case 'number':
    case 'bool':
      return from.kind === 'string' && !safeOnly;
    case 'list':
    case 'set':
      if (from.kind === 'list' || from.kind === 'set') return conversionExists(from.element, to.element, safeOnly);
      if (from.kind === 'tuple') return from.elements.every((e) => conversionExists(e, to.element, safeOnly));
      return false;
    case 'map':
      if (from.kind === 'map') return conversionExists(from.element, to.element, safeOnly);
      if (from.kind === 'object') return [...from.attributes.values()].every((a) => conversionExists(a, to.element, safeOnly));
      return false;
    case 'tuple':
      if (from.kind === 'tuple') return from.elements.length === to.elements.length && from.elements.every((e, i) => conversionExists(e, to.elements[i] as Type, safeOnly));
      if (from.kind === 'list' || from.kind === 'set') return !safeOnly && to.elements.every((e) => conversionExists(from.element, e, safeOnly));
      return false;
    case 'object':
      if (from.kind === 'object') {
        for (const [name, t] of to.attributes) {
          const source = from.attributes.get(name);
          if (source === undefined) {
            if (!to.optional?.has(name)) return false;
          } else if (!conversionExists(source, t, safeOnly)) return false;
        }
        return true;
      }
      if (from.kind === 'map') return !safeOnly && [...to.attributes.values()].every((t) => conversionExists(from.element, t, safeOnly));
      return false;
    default:
      return false;
  }
}

/** `target` with optional-attribute annotations removed: the type a converted value has. */
function concrete(target: Type): Type {
  switch (target.kind) {
    case 'object':
      if (target.optional === undefined && ![...target.attributes.values()].some(needsConcrete)) return target;
      return { kind: 'object', attributes: new Map([...target.attributes].map(([k, t]) => [k, concrete(t)])) };
    case 'list':
    case 'set':
    case 'map':
      return needsConcrete(target.element) ? { kind: target.kind, element: concrete(target.element) } : target;
    case 'tuple':
      return target.elements.some(needsConcrete) ? { kind: 'tuple', elements: target.elements.map(concrete) } : target;
    default:
      return target;
  }
}

function needsConcrete(t: Type): boolean {
  switch (t.kind) {
    case 'object':
      return t.optional !== undefined || [...t.attributes.values()].some(needsConcrete);
    case 'list':
    case 'set':
    case 'map':
      return needsConcrete(t.element);
    case 'tuple':
      return t.elements.some(needsConcrete);
    default:
      return false;
  }
}

function conv(value: Value, target: Type, safeOnly: boolean): Value | string {
  if (target.kind === 'dynamic') return value;
  if (typeEquals(value.type, target) && value.kind !== 'null' && value.kind !== 'unknown') return value;
  if (value.kind === 'null' || value.kind === 'unknown') {
    if (!conversionExists(value.type, target, safeOnly)) return mismatch(target);
    const t = concrete(target);
    return propagateMarks(value.kind === 'null' ? nullVal(t) : unknownVal(t), value);
  }
  const out = convKnown(value, target, safeOnly);
  return typeof out === 'string' ? out : propagateMarks(out, value);
}

function mismatch(target: Type): string {
  return `${typeName(target)} required`;
}

function convKnown(value: Value, target: Type, safeOnly: boolean): Value | string {
  switch (target.kind) {
    case 'string':
      if (value.kind === 'number') return stringVal(formatNumber(value));
      if (value.kind === 'bool') return stringVal(value.value ? 'true' : 'false');
      return mismatch(target);
    case 'number': {
      if (value.kind !== 'string' || safeOnly) return value.kind === 'string' ? mismatch(target) : 'number required';
      const parsed = parseNumber(value.value.trim() === value.value ? value.value : '');
      return parsed === undefined ? 'a number is required' : numberVal(parsed);
    }
    case 'bool': {
      if (value.kind !== 'string' || safeOnly) return mismatch(target);
      switch (value.value) {
        case 'true':
        case '1':
          return boolVal(true);
        case 'false':
        case '0':
          return boolVal(false);
        default:
          return ['true', 'false'].includes(value.value.toLowerCase())
            ? `a bool is required; to convert from string, use lowercase "${value.value.toLowerCase()}"`
            : 'a bool is required';
      }
    }
    case 'list':
    case 'set': {
      if (value.kind !== 'list' && value.kind !== 'set' && value.kind !== 'tuple') return mismatch(target);
      const elements = convertElements(value.elements, target.element, safeOnly);
      if (typeof elements === 'string') return elements;
      const [elementType, converted] = elements;
      return target.kind === 'list' ? listVal(converted, elementType) : setVal(converted, elementType);
    }
    case 'map': {
      if (value.kind !== 'map' && value.kind !== 'object') return mismatch(target);
      const entries = mappingEntries(value);
      const keys = [...entries.keys()];
      const elements = convertElements([...entries.values()], target.element, safeOnly, keys);
      if (typeof elements === 'string') return elements;
      const [elementType, converted] = elements;
      return mapVal(
        keys.map((k, i) => [k, converted[i] as Value] as const),
        elementType,
      );
    }
    case 'tuple': {
      if (value.kind === 'tuple' || ((value.kind === 'list' || value.kind === 'set') && !safeOnly)) {
        if (value.elements.length !== target.elements.length) {
          return value.kind === 'tuple' ? mismatch(target) : `incorrect list length: tuple with ${target.elements.length} elements required`;
        }
        const out: Value[] = [];
        for (let i = 0; i < target.elements.length; i++) {
          const r = conv(value.elements[i] as Value, target.elements[i] as Type, safeOnly);
          if (typeof r === 'string') return `element ${i}: ${r}`;
          out.push(r);
        }
        return tupleVal(out);
      }
      return mismatch(target);
    }
    case 'object':
      return convertObject(value, target, safeOnly);
    default:
      return mismatch(target);
  }
}

function convertObject(value: Value, target: ObjectType, safeOnly: boolean): Value | string {
  if (value.kind !== 'object' && !(value.kind === 'map' && !safeOnly)) return mismatch(target);
  const source = mappingEntries(value);
  const out = new Map<string, Value>();
  for (const [name, t] of target.attributes) {
    const v = source.get(name);
    if (v === undefined) {
      if (target.optional?.has(name)) {
        out.set(name, nullVal(concrete(t)));
        continue;
      }
      return `attribute ${JSON.stringify(name)} is required`;
    }
    const r = conv(v, t, safeOnly);
    if (typeof r === 'string') return `attribute ${JSON.stringify(name)}: ${r}`;
    out.set(name, r);
  }
  return objectVal(out);
}

/**
 * Converts collection members to `elementType`; when it contains `dynamic`, first unifies the
 * members' types. `keys` names map members in errors.
 */
function convertElements(
  elements: readonly Value[],
  elementType: Type,
  safeOnly: boolean,
  keys?: readonly string[],
): [Type, Value[]] | string {
  let target = elementType;
  if (target.kind === 'dynamic') {
    const unified = unifyTypes(elements.map((e) => e.type));
    if (unified === undefined) return keys === undefined ? 'all list elements must have the same type' : 'all map elements must have the same type';
    target = unified;
  }
  const out: Value[] = [];
  for (let i = 0; i < elements.length; i++) {
    const r = conv(elements[i] as Value, target, safeOnly);
    if (typeof r === 'string') return `element ${keys === undefined ? i : JSON.stringify(keys[i])}: ${r}`;
    out.push(r);
  }
  if (target.kind !== 'dynamic' && hasDynamic(target)) {
    // Element types such as object({a=any}) are settled per element; unify what came out.
    const settled = unifyTypes(out.map((e) => e.type));
    if (settled === undefined) return 'all elements must have the same type';
    const final: Value[] = [];
    for (const e of out) {
      const r = typeEquals(e.type, settled) ? e : conv(e, settled, safeOnly);
      if (typeof r === 'string') return 'all elements must have the same type';
      final.push(r);
    }
    return [settled, final];
  }
  return [concrete(target), out];
}
