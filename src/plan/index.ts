/**
 * The planner: refresh and drift, the diff of every instance, deletions, validation, outputs
 * and access changes, as one Plan model plus what the executor needs beyond it. Pure.
 */
export * from './types.js';
export type { ApplyPlan, PlanInput, PlanOptions, PlanResult, RefreshedObject, RefreshedObjects } from './input.js';
export { planChanges } from './plan-changes.js';
export { canonicalPolicy } from './policy-document.js';
export { placeholder, placeholdersIn, resolvePlaceholders, type PlaceholderLookup, type PlaceholderRef } from './placeholder.js';
