/**
 * iamform's library API. The CLI is a thin shell over what is exported here.
 */
export * from './diag/index.js';
export * from './addr/index.js';
export * from './graph/index.js';
export * from './state/index.js';
export * from './state/file.js';
export * as policy from './backend/policy/index.js';
export { loadCatalog } from './backend/catalog/index.js';
export * as backend from './backend/index.js';
export { IamService, type IamServiceOptions } from './backend/index.js';
export * as schema from './schema/index.js';
export * as provider from './provider/index.js';
export { formatHcl } from './hcl/index.js';
export * as config from './config/index.js';
export { loadConfig, type LoadOptions, type LoadResult, type ConfigReader, type EvaluatedConfig, type ResourceInstance } from './config/index.js';
export * as render from './render/index.js';
export { renderPlanText, renderPlanJson, parsePlanJson, createApplyLog, renderApplyEventJson } from './render/index.js';
export { serializePlanFile, parsePlanFile, stalePlanReasons, stalePlanDiagnostic, type CurrentBasis, type PlanReadResult } from './plan/plan-file.js';
export * as engine from './engine/index.js';
export { Session, validateConfig, planOnce, applyOnce, type EngineHost, type PlanRequest, type PlanOutcome, type RunResult } from './engine/index.js';
export { nodeEngineHost } from './cli/engine-host.js';
