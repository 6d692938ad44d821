import type { JsonValue } from '../state/index.js';

/**
 * Placeholders stand, in `ApplyPlan.applyValues` and `ApplyPlan.writeOnly`, for attributes
 * that are known only after apply (`iam_group.ops.id` of a group being created). The planner
 * evaluates the config a second time with these strings in place of the unknown values, so
 * that each unknown part of a planned value names exactly the attribute it comes from. The
 * executor resolves them with `resolvePlaceholders` once those objects exist.
 *
 * A placeholder is `\u0000iamform:<address>#<attribute>\u0000`: NUL never occurs in config
 * strings that reach the backend, so it cannot be confused with real data. A value made by
 * transforming a placeholder (`upper(iam_user.a.id)`) no longer resolves and is reported.
 */
const open = '\u0000iamform:';
const close = '\u0000';
const nul = String.fromCharCode(0);
const body = `${nul}iamform:([^${nul}#]+)#([^${nul}]+)${nul}`;
const pattern = new RegExp(body, 'g');
const whole = new RegExp(`^${body}$`);

export function placeholder(address: string, attribute: string): string {
  return `${open}${address}#${attribute}${close}`;
}

export interface PlaceholderRef {
  readonly address: string;
  readonly attribute: string;
}

/** Every placeholder inside a value, once each, in order of appearance. */
export function placeholdersIn(value: JsonValue): PlaceholderRef[] {
  const out: PlaceholderRef[] = [];
  const seen = new Set<string>();
  const walk = (v: JsonValue): void => {
    if (typeof v === 'string') {
      if (!v.includes(open)) return;
      for (const m of v.matchAll(pattern)) {
        const key = `${m[1]}#${m[2]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ address: m[1] as string, attribute: m[2] as string });
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

export type PlaceholderLookup = (address: string, attribute: string) => JsonValue | undefined;

/**
 * The value with every placeholder replaced by what `lookup` returns. A string that is one
 * whole placeholder becomes the looked-up value itself (of any JSON type); placeholders inside
 * longer strings are replaced by the value's text. `missing` lists placeholders the lookup
 * could not answer (they stay in place).
 */
export function resolvePlaceholders(value: JsonValue, lookup: PlaceholderLookup): { readonly value: JsonValue; readonly missing: PlaceholderRef[] } {
  const missing: PlaceholderRef[] = [];
  const walk = (v: JsonValue): JsonValue => {
    if (typeof v === 'string') {
      if (!v.includes(open)) return v;
      const m = whole.exec(v);
      if (m !== null) {
        const found = lookup(m[1] as string, m[2] as string);
        if (found === undefined) missing.push({ address: m[1] as string, attribute: m[2] as string });
        return found ?? v;
      }
      return v.replace(pattern, (text, address: string, attribute: string) => {
        const found = lookup(address, attribute);
        if (found === undefined) {
          missing.push({ address, attribute });
          return text;
        }
        return typeof found === 'string' ? found : JSON.stringify(found);
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: { [key: string]: JsonValue } = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item);
      return out;
    }
    return v;
  };
  return { value: walk(value), missing };
}
