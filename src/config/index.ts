/**
 * The config: loading a directory through an injected reader, decoding its blocks,
 * evaluating expressions and variables, and expanding resources into instances.
 */
export * from './value.js';
export type { Config, VariableDecl, LocalDecl, ResourceDecl, OutputDecl, ImportDecl, MovedDecl, Settings, StateSettings, ProviderDecl, Lifecycle } from './model.js';
export type { ResourceInstance, LifecycleSettings, ExpandedResource, OutputValue } from './instance.js';
export type { Reference } from './references.js';
export { referencesIn, referencesInBody } from './references.js';
export type { BodySchemaHook, AttributeHook } from './resource-body.js';
export type { ResourceHooks } from './config-scope.js';
export type { EvaluatedConfig, EvaluateOptions } from './evaluate-config.js';
export { evaluateConfig } from './evaluate-config.js';
export { decodeConfig } from './decode.js';
export { loadConfig, confinedPath, makeFunctionContext, type ConfigReader, type LoadOptions, type LoadResult, type VariableArg } from './load.js';
export { evaluate, type EvalResult } from './eval/evaluate.js';
export { isolatedContext, type EvalContext, type Resolved, type Bindings } from './eval/context.js';
export { parseTypeConstraint, applyDefaults, type TypeDefaults, type TypeConstraint } from './type-expr.js';
