import { boolVal, nullVal, numberVal, objectVal, stringVal, toJs, tupleVal, unknownVal, type Value } from '../config/index.js';
import { isUnknown, UNKNOWN, type PlainObject, type PlainValue } from '../schema/index.js';
import type { AttributePath, JsonObject, JsonValue } from '../state/index.js';

/**
 * Conversions between config values, plain values (`UNKNOWN` where not yet known) and the
 * JSON values of plans and state. Marks are dropped here: callers collect sensitive paths
 * from the config value before converting.
 */

export function toPlain(value: Value): PlainValue {
  return toJs(value, { unknown: () => UNKNOWN as unknown as JsonValue }) as PlainValue;
}

export function toPlainObject(value: Value): PlainObject {
  const plain = toPlain(value);
  return plain !== null && typeof plain === 'object' && !Array.isArray(plain) && !isUnknown(plain) ? (plain as PlainObject) : {};
}

/** A plain value as a config value: arrays become tuples, `UNKNOWN` an unknown value. */
export function fromPlain(value: PlainValue | undefined): Value {
  if (value === undefined || value === null) return nullVal();
  if (isUnknown(value)) return unknownVal();
  switch (typeof value) {
    case 'string':
      return stringVal(value);
    case 'number':
      return numberVal(value);
    case 'boolean':
      return boolVal(value);
    default:
      break;
  }
  if (Array.isArray(value)) return tupleVal((value as readonly PlainValue[]).map(fromPlain));
  const record = value as PlainObject;
  return objectVal(Object.keys(record).map((k) => [k, fromPlain(record[k])] as const));
}

/**
 * Splits a planned object into its known part and the paths of its unknown parts. Unknown
 * object members are left out; unknown list elements become null (the list keeps its length).
 */
export function splitUnknown(value: PlainObject): { readonly known: JsonObject; readonly unknown: AttributePath[] } {
  const unknown: AttributePath[] = [];
  const walk = (v: PlainValue, path: (string | number)[]): JsonValue | undefined => {
    if (isUnknown(v)) {
      unknown.push(path);
      return undefined;
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return (v as readonly PlainValue[]).map((item, i) => walk(item, [...path, i]) ?? null);
    const out: JsonObject = {};
    const record = v as PlainObject;
    for (const k of Object.keys(record)) {
      const item = walk(record[k] as PlainValue, [...path, k]);
      if (item !== undefined) out[k] = item;
    }
    return out;
  };
  const known = walk(value, []) as JsonObject;
  return { known, unknown };
}

/** The plain value with every unknown part replaced by `fill(path)` (placeholders for apply). */
export function fillUnknown(value: PlainValue, fill: (path: AttributePath) => JsonValue, path: (string | number)[] = []): JsonValue {
  if (isUnknown(value)) return fill(path);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as readonly PlainValue[]).map((item, i) => fillUnknown(item, fill, [...path, i]));
  const out: JsonObject = {};
  const record = value as PlainObject;
  for (const k of Object.keys(record)) out[k] = fillUnknown(record[k] as PlainValue, fill, [...path, k]);
  return out;
}

/** Top-level attribute names of the paths, once each, in first-seen order. */
export function topLevel(paths: readonly AttributePath[]): AttributePath[] {
  const seen = new Set<string | number>();
  const out: AttributePath[] = [];
  for (const p of paths) {
    const head = p[0];
    if (head === undefined || seen.has(head)) continue;
    seen.add(head);
    out.push([head]);
  }
  return out;
}
