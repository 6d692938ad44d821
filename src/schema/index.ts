/**
 * Resource schemas: every resource and data source type of the config language, with the
 * attribute flags the planner needs (required/optional/computed, defaults, forces
 * replacement, sensitive, write-only, secret), cross-field rules, zod schemas over plain
 * values (`UNKNOWN` for values known after apply), diagnostics with ranges, and the
 * descriptors the config evaluator takes as `schemaFor`.
 */
export * from './types.js';
export {
  resourceSchema,
  allResourceTypes,
  attributeSpec,
  writeOnlyPaths,
  sensitivePaths,
  secretPaths,
  forcesReplacementPaths,
  zodSchemaFor,
  defaultRegions,
  defaultRuleContext,
} from './registry.js';
export { validateInstance, formatPath, isWhollyKnown, type ValidateOptions } from './validate.js';
export { plannedValues, equalValues, replacePaths } from './values.js';
export { bodySchemaHookFor, type AttributeHookDescriptor, type BodyHookDescriptor } from './hook.js';
export { makeKeeper, keeperOf, writeOnlyChange, type Keeper, type KeeperPrivate } from './keeper.js';
export { sha256Bytes, sha256Hex, hmacSha256Hex, toHex } from './sha256.js';
export { decodePolicyDocument, policyScopes, attachmentPrincipals, attachmentScopes, accessKeyStatuses } from './resources-grants.js';
export { accessModes, loginProtections } from './resources-identity.js';
export { policyKinds } from './data-sources.js';
