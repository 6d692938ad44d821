/**
 * The IAM backend: domain model, rules, SQLite store and the service the providers call.
 * Only `IamService` and the model types are meant for other modules; the policy engine is
 * exported from `backend/policy` and the catalog from `backend/catalog`.
 */
export type * from './model/types.js';
export type { BackendError, Result } from './errors.js';
export { ErrorCode, ok, fail, unwrap } from './errors.js';
export { IamService, type IamServiceOptions } from './service/iam-service.js';
export type { CanAnswer, CanRequest, CanTarget, UserAccess } from './service/authz.js';
export type { PolicyInfo } from './service/policies.js';
export type { AuditQuery } from './store/audit.js';
export { latestSchemaVersion, migrations } from './store/migrations.js';
export { builtinProjects, regionNames, defaultEnterpriseProject } from './model/regions.js';
export { passwordPolicy } from './rules/password-policy.js';
export { maxAccessKeysPerUser } from './rules/access-key-rules.js';
