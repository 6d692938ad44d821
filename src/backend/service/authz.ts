import { fail, notFound, ok, type Result } from '../errors.js';
import type { User } from '../model/types.js';
import { decide, effectiveAccess, type Decision, type Grant, type DependencyProblem, type RequestScope, type ScopeAccess } from '../policy/index.js';
import type { ServiceContext } from './context.js';
import type { GrantCache, GrantSnapshot } from './grants.js';

/** Where a `can` question is asked: projects and enterprise projects by id or name. */
export type CanTarget =
  | { readonly kind: 'project'; readonly project: string }
  | { readonly kind: 'global' }
  | { readonly kind: 'enterprise_project'; readonly enterpriseProject: string };

export interface CanRequest {
  /** User id or name. */
  readonly user: string;
  readonly action: string;
  readonly target: CanTarget;
  readonly mfaPresent?: boolean;
  readonly sourceIp?: string;
}

export interface CanAnswer {
  readonly user: User;
  readonly action: string;
  readonly scope: RequestScope;
  readonly decision: Decision;
  /** Roles among the user's grants whose dependencies are not granted in the same scope. */
  readonly dependencyProblems: readonly DependencyProblem[];
}

export interface UserAccess {
  readonly user: User;
  readonly scopes: readonly ScopeAccess[];
  readonly dependencyProblems: readonly DependencyProblem[];
}

function resolveUser(snapshot: GrantSnapshot, idOrName: string): Result<User> {
  const user = snapshot.user(idOrName);
  return user ? ok(user) : fail(notFound('user', idOrName, 'user'));
}

const globalScope: RequestScope = { kind: 'global' };

/** The request scope of a target; project scopes are made once per snapshot and shared. */
function resolveTarget(snapshot: GrantSnapshot, target: CanTarget): RequestScope | undefined {
  switch (target.kind) {
    case 'project':
      return snapshot.projectScope(target.project);
    case 'global':
      return globalScope;
    case 'enterprise_project':
      return snapshot.enterpriseProjectScope(target.enterpriseProject);
    default: {
      const unknown: never = target;
      throw new Error(`unknown target ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Resolves the user and the scope, then decides with the user's compiled grants (cached until
 * the database changes). Unknown users and projects are errors, not denials.
 */
export function can(ctx: ServiceContext, cache: GrantCache, request: CanRequest): Result<CanAnswer> {
  const snapshot = cache.current();
  const user = snapshot.user(request.user);
  if (user === undefined) return fail(notFound('user', request.user, 'user'));
  const scope = resolveTarget(snapshot, request.target);
  if (scope === undefined) {
    return fail(
      request.target.kind === 'project'
        ? notFound('project', request.target.project, 'project')
        : notFound('enterprise project', request.target.kind === 'enterprise_project' ? request.target.enterpriseProject : '', 'enterprise_project'),
    );
  }
  const context =
    request.mfaPresent === undefined && request.sourceIp === undefined
      ? { userId: user.id, userName: user.name, domainName: ctx.domain.name, currentTime: ctx.clock() }
      : {
          userId: user.id,
          userName: user.name,
          domainName: ctx.domain.name,
          currentTime: ctx.clock(),
          ...(request.mfaPresent === undefined ? {} : { mfaPresent: request.mfaPresent }),
          ...(request.sourceIp === undefined ? {} : { sourceIp: request.sourceIp }),
        };
  const decision = decide({ action: request.action, scope, context }, snapshot.compiledFor(user.id));
  return { ok: true, value: { user, action: request.action, scope, decision, dependencyProblems: snapshot.dependencyProblemsFor(user.id) } };
}

/** Effective access of one user (id or name), or of every user when `user` is undefined. */
export function access(ctx: ServiceContext, cache: GrantCache, user?: string): Result<UserAccess[]> {
  const snapshot = cache.current();
  let users: readonly User[];
  if (user === undefined) {
    users = snapshot.userList;
  } else {
    const found = resolveUser(snapshot, user);
    if (!found.ok) return fail(found.error);
    users = [found.value];
  }
  return ok(
    users.map((u) => ({
      user: u,
      scopes: effectiveAccess(snapshot.compiledFor(u.id), ctx.catalog),
      dependencyProblems: snapshot.dependencyProblemsFor(u.id),
    })),
  );
}

/** The user's grants (direct, then through each group) as the policy engine sees them. */
export function grants(cache: GrantCache, user: string): Result<Grant[]> {
  const snapshot = cache.current();
  const found = resolveUser(snapshot, user);
  return found.ok ? ok(snapshot.grantsFor(found.value.id)) : fail(found.error);
}
