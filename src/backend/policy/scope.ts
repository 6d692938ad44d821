/**
 * Which grants apply to a request (policy README, "Scopes"):
 * - a global-service action (IAM) is judged at global scope whatever scope the request names,
 *   and only grants on global services apply to it;
 * - a project-level action needs a project: grants on that very project (matched by id; a
 *   region project's grants do not reach its sub-projects) and all-projects grants apply;
 * - in an enterprise project only grants on that enterprise project apply, and only for
 *   actions the catalog marks enterprise-project capable and policies of Version 1.1.
 */
import type { NearMissReason, PolicyVersion, RequestScope, Scope, ServiceLevel } from './types.js';

/** Undefined when a grant at `grantScope` applies to the request; otherwise why it does not. */
export function applicability(grantScope: Scope, version: PolicyVersion, request: RequestScope, level: ServiceLevel, enterpriseProjectCapable: boolean): NearMissReason | undefined {
  if (level === 'global') return grantScope.kind === 'global' ? undefined : 'scope';
  switch (request.kind) {
    case 'project':
      if (grantScope.kind === 'all_projects') return undefined;
      return grantScope.kind === 'project' && grantScope.projectId === request.projectId ? undefined : 'scope';
    case 'global':
      return 'scope';
    case 'enterprise_project':
      if (grantScope.kind !== 'enterprise_project' || grantScope.enterpriseProjectId !== request.enterpriseProjectId) return 'scope';
      if (!enterpriseProjectCapable) return 'enterprise_project_action';
      return version === '1.1' ? undefined : 'enterprise_project_version';
    default:
      return unreachable(request);
  }
}

/** Whether a grant at `granted` covers the scope `needed` (used for role dependencies). */
export function scopeCovers(granted: Scope, needed: Scope): boolean {
  if (scopeKey(granted) === scopeKey(needed)) return true;
  return granted.kind === 'all_projects' && needed.kind === 'project';
}

/** A stable identity of a scope. */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'project':
      return `project:${scope.projectId}`;
    case 'all_projects':
      return 'all_projects';
    case 'global':
      return 'global';
    case 'enterprise_project':
      return `enterprise_project:${scope.enterpriseProjectId}`;
    default:
      return unreachable(scope);
  }
}

/** `eu-de`, `all projects`, `global services`, `enterprise project finance`. */
export function scopeLabel(scope: Scope | RequestScope): string {
  switch (scope.kind) {
    case 'project':
      return scope.projectName;
    case 'all_projects':
      return 'all projects';
    case 'global':
      return 'global services';
    case 'enterprise_project':
      return `enterprise project ${scope.name}`;
    default:
      return unreachable(scope);
  }
}

/** Sort rank: all projects, projects, global services, enterprise projects. */
export function scopeRank(scope: Scope): number {
  switch (scope.kind) {
    case 'all_projects':
      return 0;
    case 'project':
      return 1;
    case 'global':
      return 2;
    case 'enterprise_project':
      return 3;
    default:
      return unreachable(scope);
  }
}

function unreachable(value: never): never {
  throw new Error(`unexpected scope ${JSON.stringify(value)}`);
}
