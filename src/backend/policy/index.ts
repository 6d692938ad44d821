/**
 * The policy engine: validation of policy documents, action matching, decisions with
 * explanations, effective access and role-dependency checks. Pure: no IO, no clock (the
 * request context carries the time).
 */
export type * from './types.js';
export { validatePolicyDocument, validateCustomPolicy } from './validate.js';
export { compileGrants } from './compile.js';
export { decide } from './decide.js';
export { allowedActions, effectiveAccess, type AllowedActions } from './effective-access.js';
export { checkRoleDependencies } from './dependencies.js';
export { actionMatches, matchingActions, findCatalogAction } from './catalog-index.js';
export { policyLimits } from './validate.js';
export { conditionLimits } from './validate-condition.js';
export { conditionOperators, globalConditionKeys } from './conditions.js';
export { scopeLabel, scopeKey } from './scope.js';
