import { resourceSchema } from './registry.js';
import { isSensitive, settable, type AttrType, type AttributeSpec, type BlockSpec, type SchemaMode } from './types.js';

/**
 * What the config evaluator needs of a schema, as plain descriptors. They are structurally
 * the config module's `BodySchemaHook`/`AttributeHook` (attribute types are a subset of its
 * `Type`), so `schemaFor: bodySchemaHookFor` can be passed to `loadConfig`/`evaluateConfig`
 * as it is, without `schema` importing `config`.
 *
 * `required` is deliberately left out: missing required arguments are reported once, by
 * `validateInstance` (with the rest of the schema's findings), not also by the evaluator.
 * The evaluator still rejects unknown attributes and blocks, and read-only (computed-only)
 * attributes, and drops them from the instance's values.
 */
export interface AttributeHookDescriptor {
  readonly type?: AttrType;
  readonly computed?: boolean;
  readonly optional?: boolean;
  readonly sensitive?: boolean;
}

export interface BodyHookDescriptor {
  readonly attributes: ReadonlyMap<string, AttributeHookDescriptor>;
  readonly blocks?: ReadonlyMap<string, BodyHookDescriptor>;
}

function attributeHook(spec: AttributeSpec): AttributeHookDescriptor {
  return {
    type: spec.type,
    ...(spec.computed === true ? { computed: true } : {}),
    ...(settable(spec) && spec.required !== true ? { optional: true } : {}),
    ...(isSensitive(spec) ? { sensitive: true } : {}),
  };
}

function blockHook(block: BlockSpec): BodyHookDescriptor {
  return { attributes: new Map([...block.attributes].map(([name, spec]) => [name, attributeHook(spec)])) };
}

const cache = new Map<string, BodyHookDescriptor | undefined>();

/** The evaluator's view of a type; undefined for an unknown type (decoded generically). */
export function bodySchemaHookFor(type: string, mode: SchemaMode): BodyHookDescriptor | undefined {
  const key = `${mode}:${type}`;
  if (cache.has(key)) return cache.get(key);
  const schema = resourceSchema(type, mode);
  const hook =
    schema === undefined
      ? undefined
      : {
          attributes: new Map([...schema.attributes].map(([name, spec]) => [name, attributeHook(spec)])),
          blocks: new Map([...schema.blocks].map(([name, block]) => [name, blockHook(block)])),
        };
  cache.set(key, hook);
  return hook;
}
