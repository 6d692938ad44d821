/**
 * Role dependencies: a role (e.g. Server Administrator) whose dependency (Tenant Guest) is not
 * granted in the same scope is reported. A dependency granted on all projects covers every
 * project. The grants passed are one subject's (a user's effective grants, or one group's);
 * dependencies come from the grant and, for system permissions, from the catalog.
 */
import { scopeCovers, scopeLabel } from './scope.js';
import type { Catalog, DependencyProblem, Grant } from './types.js';

/** Roles whose dependencies are not granted in the same scope, in grant order. */
export function checkRoleDependencies(grants: readonly Grant[], catalog: Catalog): DependencyProblem[] {
  const systemDependencies = new Map(catalog.systemPermissions.map((p) => [p.id, p.dependencies]));
  const problems: DependencyProblem[] = [];
  for (const grant of grants) {
    const needed = new Set([...grant.policy.dependencies, ...(systemDependencies.get(grant.policy.id) ?? [])]);
    for (const missing of needed) {
      const granted = grants.some((other) => other.policy.name === missing && scopeCovers(other.scope, grant.scope));
      if (granted) continue;
      const where = scopeLabel(grant.scope);
      problems.push({
        code: 'IAM.DEPENDENCY_MISSING',
        policy: { id: grant.policy.id, name: grant.policy.name },
        attachmentId: grant.attachmentId,
        via: grant.via,
        scope: grant.scope,
        missing,
        message: `${grant.policy.name} in ${where} needs ${missing} in ${where}`,
      });
    }
  }
  return problems;
}
