import { error, knownString } from './rules.js';
import { tString, type AttrType, type AttributeSpec, type BlockSpec, type CrossFieldRule, type ResourceSchema, type SchemaMode } from './types.js';

/** Small builders that keep the resource definitions readable. */

type Flags = Omit<AttributeSpec, 'type' | 'description'>;

export function attr(type: AttrType, description: string, flags: Flags = {}): AttributeSpec {
  return { type, description, ...flags };
}

export const idAttr: AttributeSpec = attr(tString, 'The backend object id.', { computed: true });

export function schema(
  type: string,
  mode: SchemaMode,
  description: string,
  attributes: Record<string, AttributeSpec>,
  rules: readonly CrossFieldRule[] = [],
  blocks: Record<string, BlockSpec> = {},
): ResourceSchema {
  return Object.freeze({
    type,
    mode,
    description,
    attributes: new Map(Object.entries({ id: idAttr, ...attributes })),
    blocks: new Map(Object.entries(blocks)),
    rules,
  });
}

/** A name of 1–`max` characters that is not blank (and matches `pattern` when given). */
export function nameRule(attribute: string, what: string, max: number, pattern?: { readonly re: RegExp; readonly says: string }): CrossFieldRule {
  return (values) => {
    const name = knownString(values[attribute]);
    if (name === undefined) return [];
    if (name.trim() === '' || name.length > max) {
      return [error('schema.invalid-name', `Invalid ${what} name`, `A ${what} name has 1–${max} characters and is not blank; got ${JSON.stringify(name)}.`, [attribute])];
    }
    if (pattern !== undefined && !pattern.re.test(name)) {
      return [error('schema.invalid-name', `Invalid ${what} name`, `${JSON.stringify(name)} is not a valid ${what} name: ${pattern.says}`, [attribute])];
    }
    return [];
  };
}

/** At most `max` characters. */
export function lengthRule(attribute: string, max: number): CrossFieldRule {
  return (values) => {
    const text = knownString(values[attribute]);
    if (text === undefined || text.length <= max) return [];
    return [error('schema.too-long', `Value of ${attribute} too long`, `${attribute} has at most ${max} characters; got ${text.length}.`, [attribute])];
  };
}
