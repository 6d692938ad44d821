import { numEquals } from './number.js';
import { unionMarks } from './marks.js';
import { typeEquals } from './types.js';
import { boolVal, mappingEntries, unknownVal, type BoolValue, type MappingValue, type NumberValue, type SequenceValue, type UnknownValue, type Value } from './value.js';
import { boolType } from './types.js';

/**
 * Structural identity: same type, same nullness and unknownness, same contents, same marks
 * at every depth. For tests and caches, not for the `==` operator.
 */
export function rawEquals(a: Value, b: Value): boolean {
  if (!sameMarks(a, b) || a.kind !== b.kind || !typeEquals(a.type, b.type)) return false;
  switch (a.kind) {
    case 'null':
    case 'unknown':
      return true;
    case 'string':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'number':
      return numEquals(a, b as NumberValue);
    case 'list':
    case 'set':
    case 'tuple': {
      const other = (b as SequenceValue).elements;
      return a.elements.length === other.length && a.elements.every((e, i) => rawEquals(e, other[i] as Value));
    }
    case 'map':
    case 'object': {
      const x = mappingEntries(a);
      const y = mappingEntries(b as MappingValue);
      if (x.size !== y.size) return false;
      for (const [k, v] of x) {
        const w = y.get(k);
        if (w === undefined || !rawEquals(v, w)) return false;
      }
      return true;
    }
  }
}

function sameMarks(a: Value, b: Value): boolean {
  const x = a.marks;
  const y = b.marks;
  if (x === y) return true;
  if (x === undefined || y === undefined || x.size !== y.size) return false;
  for (const m of x) if (!y.has(m)) return false;
  return true;
}

/**
 * HCL's `==`: no conversion (values of different types are unequal, so `1 == "1"` is false);
 * null equals only null; an unknown anywhere that could decide the answer makes the result
 * unknown. The result carries the marks of both operands.
 */
export function equals(a: Value, b: Value): BoolValue | UnknownValue {
  const r = eq(a, b);
  const result = r === undefined ? unknownVal(boolType) : boolVal(r);
  const marks = unionMarks(a.marks, b.marks);
  return marks === undefined ? result : { ...result, marks };
}

/** true, false, or undefined for "unknown". */
function eq(a: Value, b: Value): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') {
    return undefined;
  }
  if (a.kind === 'null' || b.kind === 'null') return a.kind === b.kind;
  if (!typeEquals(a.type, b.type)) return false;
  switch (a.kind) {
    case 'string':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'number':
      return numEquals(a, b as NumberValue);
    case 'list':
    case 'set':
    case 'tuple': {
      const other = (b as SequenceValue).elements;
      if (a.elements.length !== other.length) return false;
      let unknown = false;
      for (let i = 0; i < a.elements.length; i++) {
        const r = eq(a.elements[i] as Value, other[i] as Value);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'map':
    case 'object': {
      const x = mappingEntries(a);
      const y = mappingEntries(b as MappingValue);
      if (x.size !== y.size) return false;
      let unknown = false;
      for (const [k, v] of x) {
        const w = y.get(k);
        if (w === undefined) return false;
        const r = eq(v, w);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
  }
}
