import { z } from 'zod';
import { isUnknown, settable, type AttrType, type AttributeSpec, type BlockSpec, type ResourceSchema, type RuleContext, type UnknownValue } from './types.js';

/**
 * zod schemas built from the descriptors. Every value position accepts `UNKNOWN` as a first
 * union branch, so that a value known only after apply passes wherever a known value could.
 * Issues of the second (known) branch are the ones that explain a failure.
 */

export const unknownSchema: z.ZodType<UnknownValue> = z.custom<UnknownValue>((v) => isUnknown(v), { message: 'unknown' });

export function orUnknown<T extends z.ZodType>(base: T): z.ZodUnion<[z.ZodType<UnknownValue>, T]> {
  return z.union([unknownSchema, base]);
}

/** The zod schema of a value of `type` (enum when given), unknown accepted at every level. */
export function valueSchema(type: AttrType, enumValues?: readonly string[]): z.ZodType {
  switch (type.kind) {
    case 'string':
      return orUnknown(enumValues !== undefined && enumValues.length > 0 ? z.enum(enumValues as [string, ...string[]]) : z.string());
    case 'number':
      return orUnknown(z.number());
    case 'bool':
      return orUnknown(z.boolean());
    case 'dynamic':
      return z.unknown();
    case 'list':
    case 'set':
      return orUnknown(z.array(valueSchema(type.element)));
    case 'map':
      return orUnknown(z.record(z.string(), valueSchema(type.element)));
    case 'object': {
      const shape: Record<string, z.ZodType> = {};
      for (const [name, t] of type.attributes) shape[name] = valueSchema(t).nullable().optional();
      return orUnknown(z.object(shape));
    }
    default: {
      const never: never = type;
      throw new Error(`unhandled attribute type ${JSON.stringify(never)}`);
    }
  }
}

function attributeSchema(spec: AttributeSpec): z.ZodType {
  const value = valueSchema(spec.type, spec.enum);
  return spec.required === true ? value : value.nullable().optional();
}

function blockSchema(block: BlockSpec): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of block.attributes) if (settable(spec)) shape[name] = attributeSchema(spec);
  return orUnknown(z.array(orUnknown(z.strictObject(shape))).max(block.maxItems)).nullable().optional();
}

/**
 * The shape of the settable attributes and blocks: types, enums, required attributes, block
 * counts, no other keys. Cross-field rules are not part of it (see `zodSchemaFor`).
 */
export function structuralSchema(schema: ResourceSchema): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of schema.attributes) if (settable(spec)) shape[name] = attributeSchema(spec);
  for (const [name, block] of schema.blocks) shape[name] = blockSchema(block);
  return z.strictObject(shape);
}

/** The structural schema plus the cross-field rules' errors as custom issues. */
export function fullSchema(schema: ResourceSchema, context: RuleContext): z.ZodType {
  return structuralSchema(schema).superRefine((values, ctx) => {
    for (const rule of schema.rules) {
      for (const issue of rule(values as Record<string, never>, context)) {
        if (issue.severity !== 'error') continue;
        ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.detail, params: { code: issue.code, summary: issue.summary } });
      }
    }
  });
}
