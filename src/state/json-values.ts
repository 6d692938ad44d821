import type { AttributePath, JsonValue } from './types.js';

/**
 * A deep copy of `value` with object keys in code-unit order, so that equal values serialize
 * to equal text. Arrays keep their order: it is meaningful.
 */
export function canonicalJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) out[key] = canonicalJson(value[key] as JsonValue);
    return out;
  }
  return value;
}

/** Orders paths step by step; numbers before strings, a prefix before its extensions. */
export function comparePaths(a: AttributePath, b: AttributePath): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** True when `prefix` equals `path` or is an ancestor of it. */
export function pathCovers(prefix: AttributePath, path: AttributePath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((step, i) => step === path[i]);
}

/** `tags.team`, `keys[0].secret`, `tags["a b"]` — how paths appear in messages. */
export function formatPath(path: AttributePath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
