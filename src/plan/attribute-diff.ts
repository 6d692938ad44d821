import { equalValues, resourceSchema, tDynamic, type PlainObject, type PlainValue } from '../schema/index.js';
import type { AttributePath } from '../state/index.js';
import { canonicalPolicy } from './policy-document.js';

/**
 * Attribute-level comparison with the schema's meaning: sets ignore order, null equals
 * absent, and `json` attributes (policy documents) are compared in canonical form.
 */

/** The object with its document attributes in canonical form (a new object; input untouched). */
export function canonicalDocuments(type: string, mode: 'managed' | 'data', values: PlainObject): PlainObject {
  const schema = resourceSchema(type, mode);
  if (schema === undefined) return values;
  let out: Record<string, PlainValue> | undefined;
  for (const [name, spec] of schema.attributes) {
    if (spec.json !== true) continue;
    const v = values[name];
    if (v === undefined || v === null) continue;
    out ??= { ...values };
    out[name] = canonicalPolicy(v);
  }
  return out ?? values;
}

/**
 * Top-level paths whose values differ between `a` and `b` (both with documents canonical).
 * `names` limits the comparison; without it every schema attribute and block is compared,
 * or, for a type without a schema, every key of either object.
 */
export function differingPaths(type: string, mode: 'managed' | 'data', a: PlainObject, b: PlainObject, names?: readonly string[]): AttributePath[] {
  const schema = resourceSchema(type, mode);
  const keys = names ?? (schema !== undefined ? [...schema.attributes.keys(), ...schema.blocks.keys()] : [...new Set([...Object.keys(a), ...Object.keys(b)])]);
  const out: AttributePath[] = [];
  for (const name of keys) {
    const t = schema?.attributes.get(name)?.type ?? tDynamic;
    if (!equalValues(t, a[name], b[name])) out.push([name]);
  }
  return out;
}
