import { formatAddress, type ResourceAddress } from '../addr/index.js';
import { pathCovers } from './json-values.js';
import type { AttributePath, InstanceState, JsonValue } from './types.js';

const SENSITIVE = '(sensitive value)';
const INDENT = '    ';

/**
 * One instance as `iamform state show` prints it, in Terraform's shape:
 *
 *     # iam_user.alice:
 *     resource "iam_user" "alice" {
 *         id   = "u-1"
 *         name = "alice"
 *     }
 *
 * Attributes are sorted by name and `=` signs aligned per block; a value at or under a
 * sensitive path is `(sensitive value)`. `id` is the backend object id when the attributes
 * have none. Ends with a newline.
 */
export function renderInstance(address: ResourceAddress, instance: InstanceState): string {
  const attributes: Record<string, JsonValue> = { ...instance.attributes };
  if (!('id' in attributes)) attributes['id'] = instance.id;
  const keyword = address.mode === 'data' ? 'data' : 'resource';
  const lines = [`# ${formatAddress(address)}:`, `${keyword} ${JSON.stringify(address.type)} ${JSON.stringify(address.name)} {`];
  lines.push(...objectBody(attributes, [], instance.sensitivePaths, INDENT, false));
  lines.push('}');
  return lines.join('\n') + '\n';
}

function isSensitive(path: AttributePath, sensitive: readonly AttributePath[]): boolean {
  return sensitive.some((prefix) => pathCovers(prefix, path));
}

function objectBody(value: { [key: string]: JsonValue }, path: AttributePath, sensitive: readonly AttributePath[], indent: string, quoteKeys: boolean): string[] {
  const keys = Object.keys(value).sort();
  const shownKeys = keys.map((key) => (quoteKeys || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? JSON.stringify(key) : key));
  const width = Math.max(0, ...shownKeys.map((key) => key.length));
  return keys.map((key, i) => {
    const shown = (shownKeys[i] as string).padEnd(width);
    return `${indent}${shown} = ${renderValue(value[key] as JsonValue, [...path, key], sensitive, indent)}`;
  });
}

function renderValue(value: JsonValue, path: AttributePath, sensitive: readonly AttributePath[], indent: string): string {
  if (isSensitive(path, sensitive)) return SENSITIVE;
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + INDENT;
    const items = value.map((item, i) => `${inner}${renderValue(item, [...path, i], sensitive, inner)},`);
    return ['[', ...items, `${indent}]`].join('\n');
  }
  if (typeof value === 'object') {
    if (Object.keys(value).length === 0) return '{}';
    return ['{', ...objectBody(value, path, sensitive, indent + INDENT, true), `${indent}}`].join('\n');
  }
  return JSON.stringify(value);
}
