import { isUnknown, type PlainValue } from '../schema/index.js';

/**
 * Semantic form of a policy document, so that the diff sees meaning rather than spelling:
 * JSON text is parsed (whitespace disappears), object keys are put in code-unit order, and
 * the `Action`/`NotAction` lists of every statement are sorted and de-duplicated. Statement
 * order is kept: a person reads statements by position, and the renderers diff them so.
 *
 * Invariants: two documents that differ only in key order, whitespace, action order or
 * repeated actions have equal canonical forms; unknown parts stay unknown; text that is not
 * JSON is returned unchanged (validation reports it).
 */
export function canonicalPolicy(value: PlainValue): PlainValue {
  let doc: PlainValue = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value) as PlainValue;
    } catch {
      return value;
    }
  }
  return canonicalNode(doc, false);
}

const actionKeys = new Set(['Action', 'NotAction']);

function canonicalNode(value: PlainValue, actionList: boolean): PlainValue {
  if (value === null || typeof value !== 'object' || isUnknown(value)) return value;
  if (Array.isArray(value)) {
    const items = (value as readonly PlainValue[]).map((v) => canonicalNode(v, false));
    if (!actionList || !items.every((i) => typeof i === 'string')) return items;
    return [...new Set(items as string[])].sort();
  }
  const record = value as { readonly [key: string]: PlainValue };
  const out: { [key: string]: PlainValue } = {};
  for (const key of Object.keys(record).sort()) {
    const item = record[key] as PlainValue;
    // A single action given as a string means the one-element list.
    const listed = actionKeys.has(key) && typeof item === 'string' ? [item] : item;
    out[key] = canonicalNode(listed, actionKeys.has(key));
  }
  return out;
}
