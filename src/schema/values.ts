import { forcesReplacementPaths, resourceSchema } from './registry.js';
import { decodePolicyDocument } from './resources-grants.js';
import { isUnknown, settable, tDynamic, UNKNOWN, type AttrType, type AttributeSpec, type BlockSpec, type CopyDefault, type PlainObject, type PlainValue, type SchemaMode, type SchemaPath } from './types.js';

/**
 * Value helpers for the planner: the planned object of an instance (defaults applied,
 * computed values carried over or unknown), schema-aware equality, and replacement paths.
 */

function isObject(v: PlainValue | undefined): v is PlainObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);
}

function compareForSort(a: PlainValue, b: PlainValue): number {
  if (isUnknown(a) || isUnknown(b)) return isUnknown(a) ? (isUnknown(b) ? 0 : 1) : -1;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Decodes JSON text of `json` attributes and orders sets (unknown elements last). */
function normalize(spec: Pick<AttributeSpec, 'type' | 'json'>, value: PlainValue): PlainValue {
  if (spec.json === true && typeof value === 'string') {
    const decoded = decodePolicyDocument(value);
    return decoded.ok ? decoded.value : value;
  }
  const t = spec.type;
  if (t.kind === 'set' && Array.isArray(value)) {
    const element = t.element;
    const unique: PlainValue[] = [];
    for (const v of value as readonly PlainValue[]) if (isUnknown(v) || !unique.some((u) => equalValues(element, u, v))) unique.push(v);
    return unique.sort(compareForSort);
  }
  return value;
}

function isCopyDefault(d: AttributeSpec['default']): d is CopyDefault {
  return d !== null && d !== undefined && typeof d === 'object' && !Array.isArray(d) && !isUnknown(d) && (d as { kind?: unknown }).kind === 'copy';
}

function plannedBlock(block: BlockSpec, value: PlainValue | undefined): PlainValue {
  if (value === undefined || value === null) return [];
  if (isUnknown(value) || !Array.isArray(value)) return value;
  return (value as readonly PlainValue[]).map((item) => {
    if (!isObject(item)) return item;
    const out: Record<string, PlainValue> = {};
    for (const [name, spec] of block.attributes) {
      const v = item[name];
      out[name] = v === undefined || v === null ? null : normalize(spec, v);
    }
    return out;
  });
}

/**
 * The planned attributes of an instance: what the config sets (JSON text decoded, sets
 * ordered), defaults for what it leaves unset, nested blocks as lists (`[]` when absent),
 * and for computed attributes the prior value or `UNKNOWN`. Write-only and secret attributes
 * are left out: they never appear in a planned value.
 */
export function plannedValues(type: string, mode: SchemaMode, config: PlainObject, prior?: PlainObject): PlainObject {
  const schema = resourceSchema(type, mode);
  if (schema === undefined) return config;
  const out: Record<string, PlainValue> = {};
  const copies: [string, string][] = [];
  for (const [name, spec] of schema.attributes) {
    if (spec.writeOnly === true || spec.secret === true) continue;
    const given = config[name];
    if (settable(spec) && given !== undefined && given !== null) {
      out[name] = normalize(spec, given);
    } else if (isCopyDefault(spec.default)) {
      copies.push([name, spec.default.from]);
    } else if (spec.default !== undefined) {
      out[name] = spec.default as PlainValue;
    } else if (spec.computed === true) {
      out[name] = mode === 'managed' && prior !== undefined && prior[name] !== undefined ? (prior[name] as PlainValue) : UNKNOWN;
    } else {
      out[name] = null;
    }
  }
  for (const [name, from] of copies) out[name] = out[from] ?? null;
  for (const [name, block] of schema.blocks) out[name] = plannedBlock(block, config[name]);
  return out;
}

/**
 * Equality as the schema means it: sets ignore order, objects ignore key order, null equals
 * absent. A value that is (partly) unknown equals nothing: it may turn out different.
 */
export function equalValues(type: AttrType, a: PlainValue | undefined, b: PlainValue | undefined): boolean {
  const na = a ?? null;
  const nb = b ?? null;
  if (isUnknown(na) || isUnknown(nb)) return false;
  if (na === null || nb === null) return na === nb;
  if (type.kind === 'set' && Array.isArray(na) && Array.isArray(nb)) {
    const xs = na as readonly PlainValue[];
    const ys = nb as readonly PlainValue[];
    return xs.every((x) => ys.some((y) => equalValues(type.element, x, y))) && ys.every((y) => xs.some((x) => equalValues(type.element, x, y)));
  }
  return deepEqual(na, nb);
}

function deepEqual(a: PlainValue, b: PlainValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const xs = a as readonly PlainValue[];
    const ys = b as readonly PlainValue[];
    return xs.length === ys.length && xs.every((x, i) => deepEqual(x, ys[i] as PlainValue));
  }
  const oa = a as PlainObject;
  const ob = b as PlainObject;
  const keys = new Set([...Object.keys(oa), ...Object.keys(ob)]);
  for (const k of keys) if (!deepEqual(oa[k] ?? null, ob[k] ?? null)) return false;
  return true;
}

/**
 * The forces-replacement paths whose value differs between `before` (the refreshed object)
 * and `after` (the planned one). An unknown planned value counts as a change. Empty when
 * there is no `before` (a create) or no `after` (a delete).
 */
export function replacePaths(type: string, before: PlainObject | null, after: PlainObject | null, mode: SchemaMode = 'managed'): SchemaPath[] {
  if (before === null || after === null) return [];
  const schema = resourceSchema(type, mode);
  if (schema === undefined) return [];
  const paths: SchemaPath[] = [];
  for (const path of forcesReplacementPaths(type, mode)) {
    const name = path[0] as string;
    if (!equalValues(schema.attributes.get(name)?.type ?? tDynamic, before[name], after[name])) paths.push(path);
  }
  return paths;
}
