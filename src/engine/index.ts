/**
 * The engine: iamform's library API behind `src/index.ts`. It orchestrates load → lock →
 * read state → refresh → plan → apply → persist over the pure modules, with every bit of IO
 * (config files, state store, IAM backend, secrets, clock) injected through one `EngineHost`.
 * The CLI is a thin shell over it: it renders, prompts and decides exit codes.
 */
export type { EngineHost, LockRequest, PlanRequest, ProviderSettings, SecretBox, StateAccess } from './types.js';
export { Session, type ApplyRequest, type PlanOutcome } from './session.js';
export { loadWorkspace, type Workspace } from './workspace.js';
export { validateConfig, type ValidateResult } from './validate.js';
export { refreshKinds } from './refresh.js';
export { applyInputOf, exactDependencies, openOutputValue, SEALED_KEY } from './apply-input.js';
export { requestOfSavedPlan, savedPlanBasisReasons, savedPlanDifferences, stateForSavedPlan } from './saved-plan.js';
export { planOnce, applyOnce, type RunResult } from './run.js';
export { configGraph } from './config-graph.js';
