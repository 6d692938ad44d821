import { fail, notFound, ok, type Result } from '../errors.js';
import type { User } from '../model/types.js';
import { decide, effectiveAccess, type Decision, type DependencyProblem, type RequestScope, type ScopeAccess } from '../policy/index.js';
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
  const user = snapshot.users.get(idOrName) ?? snapshot.users.get(idOrName.toLowerCase());
  return user ? ok(user) : fail(notFound('user', idOrName, 'user'));
}

function resolveTarget(snapshot: GrantSnapshot, target: CanTarget): Result<RequestScope> {
  switch (target.kind) {
    case 'project': {
      const project = snapshot.projects.get(target.project);
      return project ? ok({ kind: 'project', projectId: project.id, projectName: project.name }) : fail(notFound('project', target.project, 'project'));
    }
    case 'global':
      return ok({ kind: 'global' });
    case 'enterprise_project': {
      const ep = snapshot.enterpriseProjects.get(target.enterpriseProject) ?? snapshot.enterpriseProjects.get(target.enterpriseProject.toLowerCase());
      return ep
        ? ok({ kind: 'enterprise_project', enterpriseProjectId: ep.id, name: ep.name })
        : fail(notFound('enterprise project', target.enterpriseProject, 'enterprise_project'));
    }
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
  const user = resolveUser(snapshot, request.user);
  if (!user.ok) return fail(user.error);
  const scope = resolveTarget(snapshot, request.target);
  if (!scope.ok) return fail(scope.error);
  const decision = decide(
    {
      action: request.action,
      scope: scope.value,
      context: {
        userId: user.value.id,
        userName: user.value.name,
        domainName: ctx.domain.name,
        currentTime: ctx.clock(),
        ...(request.mfaPresent === undefined ? {} : { mfaPresent: request.mfaPresent }),
        ...(request.sourceIp === undefined ? {} : { sourceIp: request.sourceIp }),
      },
    },
    snapshot.compiledFor(user.value.id),
  );
  return ok({ user: user.value, action: request.action, scope: scope.value, decision, dependencyProblems: snapshot.dependencyProblemsFor(user.value.id) });
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
