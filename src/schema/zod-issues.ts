import { didYouMean } from '../diag/index.js';
import type { z } from 'zod';
import type { PlainValue, ResourceSchema, SchemaPath } from './types.js';

/**
 * Turns zod issues into findings with our stable codes. Unions built by `orUnknown` put the
 * unknown branch first, so the explanation of a failure is the second branch's issues.
 */
export interface Finding {
  /** A `schema.*` code, or `missing` for a value absent where one is required. */
  readonly code: string;
  readonly summary: string;
  readonly detail: string;
  readonly path: SchemaPath;
}

type Issue = z.core.$ZodIssue;

function valueAt(root: PlainValue, path: SchemaPath): PlainValue | undefined {
  let v: PlainValue | undefined = root;
  for (const step of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, PlainValue>)[step];
  }
  return v;
}

function describe(v: PlainValue | undefined): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `the bool ${v}`;
    default:
      return 'an object';
  }
}

const expectedWords: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'a bool', array: 'a list', object: 'an object', record: 'a map' };

function candidatesAt(schema: ResourceSchema, path: SchemaPath): string[] {
  const block = typeof path[0] === 'string' ? schema.blocks.get(path[0]) : undefined;
  return block ? [...block.attributes.keys()] : [...schema.attributes.keys(), ...schema.blocks.keys()];
}

function label(path: SchemaPath): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

export function zodIssueFindings(issues: readonly Issue[], root: PlainValue, schema: ResourceSchema, prefix: SchemaPath = []): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path: SchemaPath = [...prefix, ...(issue.path as (string | number)[])];
    const value = valueAt(root, path);
    switch (issue.code) {
      case 'invalid_union': {
        const known = issue.errors[issue.errors.length - 1] ?? [];
        out.push(...zodIssueFindings(known, root, schema, path));
        break;
      }
      case 'invalid_type':
        if (value === undefined || value === null) out.push({ code: 'missing', summary: 'Missing required argument', detail: `${label(path)} is required.`, path });
        else
          out.push({
            code: 'schema.invalid-type',
            summary: 'Incorrect attribute value type',
            detail: `Inappropriate value for attribute "${label(path)}": ${expectedWords[issue.expected] ?? issue.expected} is required, got ${describe(value)}.`,
            path,
          });
        break;
      case 'invalid_value':
        out.push({
          code: 'schema.invalid-value',
          summary: 'Invalid value',
          detail: `${label(path)} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(value)}.`,
          path,
        });
        break;
      case 'too_big':
        out.push({
          code: 'schema.too-many-blocks',
          summary: `Too many ${label(path)} blocks`,
          detail: `At most ${String(issue.maximum)} "${label(path)}" block is allowed.`,
          path: [...path, Number(issue.maximum)],
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({
            code: 'schema.unknown-attribute',
            summary: 'Unsupported argument',
            detail: `An argument named "${key}" is not expected here.${didYouMean(key, candidatesAt(schema, path))}`,
            path: [...path, key],
          });
        }
        break;
      default:
        out.push({ code: 'schema.invalid-value', summary: 'Invalid value', detail: `${label(path)}: ${issue.message}.`, path });
    }
  }
  return out;
}
