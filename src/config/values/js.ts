import { formatNumber } from './number.js';
import { nullVal, numberVal, objectVal, stringVal, boolVal, tupleVal, mappingEntries, type Value } from './value.js';

/** A plain JSON-like value. */
export type JsValue = null | boolean | number | string | JsValue[] | { [key: string]: JsValue };

export interface ToJsOptions {
  /** What an unknown value becomes; default null. */
  readonly unknown?: (value: Value) => JsValue;
  /**
   * Numbers beyond ±2^53 become their exact decimal text when true (JSON encoders that must
   * not lose digits); default false, the nearest double.
   */
  readonly exactBigNumbers?: boolean;
}

/**
 * The value as plain data: lists, sets and tuples become arrays; maps and objects become
 * objects with own properties only (a key `__proto__` stays an ordinary key). Marks are
 * dropped: callers that must redact check marks first.
 */
export function toJs(value: Value, options: ToJsOptions = {}): JsValue {
  switch (value.kind) {
    case 'null':
      return null;
    case 'unknown':
      return options.unknown ? options.unknown(value) : null;
    case 'string':
    case 'bool':
      return value.value;
    case 'number':
      return value.big !== undefined && options.exactBigNumbers === true ? formatNumber(value) : value.value;
    case 'list':
    case 'set':
    case 'tuple':
      return value.elements.map((e) => toJs(e, options));
    case 'map':
    case 'object': {
      const out: { [key: string]: JsValue } = {};
      for (const [k, v] of mappingEntries(value)) Object.defineProperty(out, k, { value: toJs(v, options), enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}

/**
 * Plain data as a value: arrays become tuples, objects become objects, `null` a null of
 * dynamic type. Non-JSON inputs (undefined, functions, non-finite numbers) become null.
 */
export function fromJs(data: unknown): Value {
  if (data === null || data === undefined) return nullVal();
  switch (typeof data) {
    case 'string':
      return stringVal(data);
    case 'number':
      return Number.isFinite(data) ? numberVal(data) : nullVal();
    case 'bigint':
      return numberVal(data);
    case 'boolean':
      return boolVal(data);
    case 'object':
      if (Array.isArray(data)) return tupleVal(data.map(fromJs));
      return objectVal(Object.keys(data).map((k) => [k, fromJs((data as Record<string, unknown>)[k])] as const));
    default:
      return nullVal();
  }
}
