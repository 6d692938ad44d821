import type { z } from 'zod';
import { dataIamGroup, dataIamPolicy, dataIamProject, dataIamUser } from './data-sources.js';
import { iamEnterpriseProject, iamGroup, iamGroupMembership, iamProject, iamUser } from './resources-identity.js';
import { iamAccessKey, iamPolicy, iamPolicyAttachment } from './resources-grants.js';
import { isSensitive, type AttributeSpec, type ResourceSchema, type RuleContext, type SchemaMode, type SchemaPath } from './types.js';
import { fullSchema, structuralSchema } from './zod-build.js';

/**
 * The registry of every resource and data source type. Schemas are immutable and shared;
 * lookups are by `(type, mode)` because `iam_policy` names both a resource and a data source.
 */

const managed: readonly ResourceSchema[] = [iamProject, iamEnterpriseProject, iamUser, iamGroup, iamGroupMembership, iamPolicy, iamPolicyAttachment, iamAccessKey];
const data: readonly ResourceSchema[] = [dataIamPolicy, dataIamProject, dataIamUser, dataIamGroup];

const byMode: Readonly<Record<SchemaMode, ReadonlyMap<string, ResourceSchema>>> = {
  managed: new Map(managed.map((s) => [s.type, s])),
  data: new Map(data.map((s) => [s.type, s])),
};

/**
 * The region projects every backend has (the backend's `regionNames`), used when a caller
 * passes no regions of its own. A test keeps the two lists equal.
 */
export const defaultRegions: readonly string[] = Object.freeze(['eu-de', 'eu-nl']);

export const defaultRuleContext: RuleContext = Object.freeze({ regions: defaultRegions });

/** The schema of a type, or undefined for a type that does not exist in that mode. */
export function resourceSchema(type: string, mode: SchemaMode = 'managed'): ResourceSchema | undefined {
  return byMode[mode].get(type);
}

/** Every type of a mode in documentation order (for suggestions and docs). */
export function allResourceTypes(mode: SchemaMode = 'managed'): readonly string[] {
  return [...byMode[mode].keys()];
}

/** The attribute spec at a top-level name or inside a nested block (`["phone", 0, "number"]`). */
export function attributeSpec(type: string, mode: SchemaMode, path: SchemaPath): AttributeSpec | undefined {
  const schema = resourceSchema(type, mode);
  if (schema === undefined) return undefined;
  const [first, , third] = path;
  if (typeof first !== 'string') return undefined;
  if (path.length === 1) return schema.attributes.get(first);
  const block = schema.blocks.get(first);
  return typeof third === 'string' ? block?.attributes.get(third) : undefined;
}

/** The flagged top-level paths of one schema, computed on first use and shared (frozen). */
interface FlaggedPaths {
  readonly writeOnly: readonly SchemaPath[];
  readonly sensitive: readonly SchemaPath[];
  readonly secret: readonly SchemaPath[];
  readonly forcesReplacement: readonly SchemaPath[];
}

const flaggedCache = new Map<ResourceSchema, FlaggedPaths>();
const noPaths: readonly SchemaPath[] = Object.freeze([]);

function pathsWhere(schema: ResourceSchema, test: (spec: AttributeSpec) => boolean, blocks: readonly string[] = []): readonly SchemaPath[] {
  const paths: SchemaPath[] = [];
  for (const [name, spec] of schema.attributes) if (test(spec)) paths.push(Object.freeze([name]));
  for (const name of blocks) paths.push(Object.freeze([name]));
  return Object.freeze(paths);
}

/** The flagged paths of a type; undefined for a type that does not exist in that mode. */
function flaggedPaths(type: string, mode: SchemaMode = 'managed'): FlaggedPaths | undefined {
  const schema = resourceSchema(type, mode);
  if (schema === undefined) return undefined;
  let flagged = flaggedCache.get(schema);
  if (flagged === undefined) {
    const forcingBlocks = [...schema.blocks].filter(([, block]) => block.forcesReplacement === true).map(([name]) => name);
    flagged = {
      writeOnly: pathsWhere(schema, (s) => s.writeOnly === true),
      sensitive: pathsWhere(schema, isSensitive),
      secret: pathsWhere(schema, (s) => s.secret === true),
      forcesReplacement: pathsWhere(schema, (s) => s.forcesReplacement === true, forcingBlocks),
    };
    flaggedCache.set(schema, flagged);
  }
  return flagged;
}

/** Attributes never stored in state or plan (the user's `password`). */
export function writeOnlyPaths(type: string, mode: SchemaMode = 'managed'): SchemaPath[] {
  return [...(flaggedPaths(type, mode)?.writeOnly ?? noPaths)];
}

/** Attributes shown as `(sensitive value)`: write-only and secret ones included. */
export function sensitivePaths(type: string, mode: SchemaMode = 'managed'): SchemaPath[] {
  return [...(flaggedPaths(type, mode)?.sensitive ?? noPaths)];
}

/** Attributes the backend returns once at creation and never again (an access key's `secret`). */
export function secretPaths(type: string, mode: SchemaMode = 'managed'): SchemaPath[] {
  return [...(flaggedPaths(type, mode)?.secret ?? noPaths)];
}

/** Attributes (and blocks) whose change replaces the object. */
export function forcesReplacementPaths(type: string, mode: SchemaMode = 'managed'): SchemaPath[] {
  return [...(flaggedPaths(type, mode)?.forcesReplacement ?? noPaths)];
}

const zodCache = new Map<string, z.ZodType>();

/**
 * The zod schema of a type: structure plus cross-field errors (warnings are not zod's
 * business; `validateInstance` reports them). Unknown values pass wherever they could.
 */
export function zodSchemaFor(type: string, mode: SchemaMode = 'managed', context: RuleContext = defaultRuleContext): z.ZodType | undefined {
  const schema = resourceSchema(type, mode);
  if (schema === undefined) return undefined;
  if (context !== defaultRuleContext) return fullSchema(schema, context);
  const key = `${mode}:${type}`;
  let cached = zodCache.get(key);
  if (cached === undefined) {
    cached = fullSchema(schema, context);
    zodCache.set(key, cached);
  }
  return cached;
}

const structuralCache = new Map<ResourceSchema, z.ZodType>();

export function structuralSchemaOf(schema: ResourceSchema): z.ZodType {
  let cached = structuralCache.get(schema);
  if (cached === undefined) {
    cached = structuralSchema(schema);
    structuralCache.set(schema, cached);
  }
  return cached;
}
