/**
 * Effective access: for every scope the grants name, the catalog actions allowed and the ones
 * explicitly denied, each with the statements behind it. A project scope includes the
 * all-projects grants; global services list global actions; an enterprise project lists only
 * enterprise-project-capable actions from Version 1.1 policies. An action is allowed when an
 * applicable Allow names it and no unconditional Deny does (conditional statements are listed
 * with `conditional: true`, since they hold only for some requests). The result is memoized
 * per `CompiledGrants`, which `compileGrants` shares between identical grant lists.
 */
import { internal, type CompiledStatement } from './compile.js';
import { applicability, scopeKey, scopeLabel, scopeRank } from './scope.js';
import type { AccessSource, ActionAccess, Catalog, CatalogAction, CompiledGrants, RequestScope, Scope, ScopeAccess } from './types.js';

const memo = new WeakMap<CompiledGrants, ScopeAccess[]>();

/** Per granted scope, the catalog actions allowed and denied, with their sources. */
export function effectiveAccess(compiled: CompiledGrants, _catalog?: Catalog): ScopeAccess[] {
  const known = memo.get(compiled);
  if (known) return known;
  const c = internal(compiled);
  const scopes = new Map<string, Scope>();
  for (const grant of c.grants) if (!scopes.has(scopeKey(grant.scope))) scopes.set(scopeKey(grant.scope), grant.scope);
  const ordered = [...scopes.values()].sort((a, b) => scopeRank(a) - scopeRank(b) || scopeLabel(a).localeCompare(scopeLabel(b)));
  const result = ordered.map((scope) => accessIn(scope, c.statements, c.index.byKey));
  memo.set(compiled, result);
  return result;
}

function accessIn(scope: Scope, statements: readonly CompiledStatement[], byKey: ReadonlyMap<string, CatalogAction>): ScopeAccess {
  // An all-projects scope is shown as what any project receives from all-projects grants alone.
  const request: RequestScope = scope.kind === 'all_projects' ? { kind: 'project', projectId: '\u0000all', projectName: 'all projects' } : scope;
  const allowed = new Map<string, AccessSource[]>();
  const denied = new Map<string, AccessSource[]>();
  const hardDenied = new Set<string>();
  for (const { grant, plan } of statements) {
    if (scope.kind === 'all_projects' && grant.scope.kind !== 'all_projects') continue;
    const conditional = plan.conditions !== undefined;
    const target = plan.effect === 'Deny' ? denied : allowed;
    for (const [key, info] of plan.matches) {
      const action = byKey.get(key);
      if (!action) continue;
      if (scope.kind === 'global' ? action.level !== 'global' : action.level !== 'project') continue;
      if (applicability(grant.scope, grant.policy.version, request, action.level, action.enterpriseProject) !== undefined) continue;
      const source: AccessSource = {
        policy: { id: grant.policy.id, name: grant.policy.name },
        statementIndex: plan.statementIndex,
        pattern: info.throughAlias === undefined ? info.pattern : `${info.pattern} (alias ${info.throughAlias})`,
        via: grant.via,
        attachmentId: grant.attachmentId,
        conditional,
      };
      const list = target.get(key);
      if (list) list.push(source);
      else target.set(key, [source]);
      if (plan.effect === 'Deny' && !conditional) hardDenied.add(key);
    }
  }
  const toList = (map: Map<string, AccessSource[]>, skip?: Set<string>): ActionAccess[] =>
    [...map.entries()]
      .filter(([key]) => !skip?.has(key))
      .map(([key, sources]) => ({ action: (byKey.get(key) as CatalogAction).name, sources }))
      .sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
  return { scope, allowed: toList(allowed, hardDenied), denied: toList(denied) };
}
