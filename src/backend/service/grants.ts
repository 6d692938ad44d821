import type { Attachment, AttachmentScope, EnterpriseProject, Project, User } from '../model/types.js';
import {
  checkRoleDependencies,
  compileGrants,
  type CompiledGrants,
  type DependencyProblem,
  type Grant,
  type GrantVia,
  type RequestScope,
  type Scope,
} from '../policy/index.js';
import type { ServiceContext } from './context.js';
import { listAttachments } from './attachments.js';
import { listGroups, listMemberships } from './groups.js';
import { policyIndex, type PolicyInfo } from './policies.js';
import { listEnterpriseProjects, listProjects } from './projects.js';
import { listUsers } from './users.js';

/**
 * Everything needed to turn attachments into per-user grants, read from one database snapshot.
 * Valid until the next change (of this connection or another process); `GrantCache` decides
 * when to rebuild. Compiled grants are memoised per user inside the snapshot.
 */
export class GrantSnapshot {
  private readonly byGroup = new Map<string, Attachment[]>();
  private readonly byUser = new Map<string, Attachment[]>();
  private readonly groupsOfUser = new Map<string, string[]>();
  private readonly compiled = new Map<string, CompiledGrants>();
  private readonly dependencyProblems = new Map<string, readonly DependencyProblem[]>();
  /** Users by id and by lowercased name. */
  private readonly users = new Map<string, User>();
  /** Projects and enterprise projects by id and by name (enterprise projects: lowercased name). */
  readonly projects = new Map<string, Project>();
  readonly enterpriseProjects = new Map<string, EnterpriseProject>();
  readonly userList: readonly User[];
  private readonly policies: Map<string, PolicyInfo>;
  private readonly projectNames = new Map<string, string>();
  private readonly enterpriseProjectNames = new Map<string, string>();
  private readonly groupNames = new Map<string, string>();

  constructor(private readonly ctx: ServiceContext) {
    const snapshot = ctx.db.read(() => ({
      policies: policyIndex(ctx),
      users: listUsers(ctx),
      projects: listProjects(ctx),
      enterpriseProjects: listEnterpriseProjects(ctx),
      groups: listGroups(ctx),
      memberships: listMemberships(ctx),
      attachments: listAttachments(ctx),
    }));
    this.policies = snapshot.policies;
    this.userList = snapshot.users;
    for (const u of snapshot.users) {
      this.users.set(u.id, u);
      this.users.set(u.name.toLowerCase(), u);
    }
    for (const p of snapshot.projects) {
      this.projectNames.set(p.id, p.name);
      this.projects.set(p.id, p);
      this.projects.set(p.name, p);
    }
    for (const e of snapshot.enterpriseProjects) {
      this.enterpriseProjectNames.set(e.id, e.name);
      this.enterpriseProjects.set(e.id, e);
      this.enterpriseProjects.set(e.name.toLowerCase(), e);
    }
    for (const g of snapshot.groups) this.groupNames.set(g.id, g.name);
    for (const m of snapshot.memberships) push(this.groupsOfUser, m.userId, m.groupId);
    for (const a of snapshot.attachments) {
      if (a.principal.kind === 'group') push(this.byGroup, a.principal.groupId, a);
      else push(this.byUser, a.principal.userId, a);
    }
  }

  /** A user by id, or else by name (case-insensitive). */
  user(idOrName: string): User | undefined {
    return this.users.get(idOrName) ?? this.users.get(idOrName.toLowerCase());
  }

  /** The user's grants: direct attachments first, then those of each group the user is in. */
  grantsFor(userId: string): Grant[] {
    const grants: Grant[] = [];
    for (const attachment of this.byUser.get(userId) ?? []) this.addGrant(grants, attachment, { kind: 'user' });
    for (const groupId of this.groupsOfUser.get(userId) ?? []) {
      const via: GrantVia = { kind: 'group', groupId, groupName: this.groupNames.get(groupId) ?? groupId };
      for (const attachment of this.byGroup.get(groupId) ?? []) this.addGrant(grants, attachment, via);
    }
    return grants;
  }

  compiledFor(userId: string): CompiledGrants {
    let compiled = this.compiled.get(userId);
    if (compiled === undefined) {
      compiled = compileGrants(this.grantsFor(userId), this.ctx.catalog);
      this.compiled.set(userId, compiled);
    }
    return compiled;
  }

  private readonly requestScopes = new Map<string, RequestScope | undefined>();

  /** The request scope of a project (by id or name), made once and shared; undefined if unknown. */
  projectScope(idOrName: string): RequestScope | undefined {
    const key = `p:${idOrName}`;
    if (this.requestScopes.has(key)) return this.requestScopes.get(key);
    const project = this.projects.get(idOrName);
    const scope: RequestScope | undefined = project ? { kind: 'project', projectId: project.id, projectName: project.name } : undefined;
    this.requestScopes.set(key, scope);
    return scope;
  }

  enterpriseProjectScope(idOrName: string): RequestScope | undefined {
    const key = `e:${idOrName}`;
    if (this.requestScopes.has(key)) return this.requestScopes.get(key);
    const ep = this.enterpriseProjects.get(idOrName) ?? this.enterpriseProjects.get(idOrName.toLowerCase());
    const scope: RequestScope | undefined = ep ? { kind: 'enterprise_project', enterpriseProjectId: ep.id, name: ep.name } : undefined;
    this.requestScopes.set(key, scope);
    return scope;
  }

  dependencyProblemsFor(userId: string): readonly DependencyProblem[] {
    let problems = this.dependencyProblems.get(userId);
    if (problems === undefined) {
      problems = checkRoleDependencies(this.compiledFor(userId).grants, this.ctx.catalog);
      this.dependencyProblems.set(userId, problems);
    }
    return problems;
  }

  private addGrant(grants: Grant[], attachment: Attachment, via: GrantVia): void {
    const policy = this.policies.get(attachment.policyId);
    if (policy === undefined) return; // a system permission that a newer catalog dropped grants nothing
    grants.push({
      attachmentId: attachment.id,
      policy: {
        id: policy.id,
        name: policy.displayName,
        kind: policy.kind,
        version: policy.version,
        document: policy.document,
        dependencies: policy.dependencies,
      },
      scope: this.scopeOf(attachment.scope),
      via,
    });
  }

  private scopeOf(scope: AttachmentScope): Scope {
    switch (scope.kind) {
      case 'project':
        return { kind: 'project', projectId: scope.projectId, projectName: this.projectNames.get(scope.projectId) ?? scope.projectId };
      case 'enterprise_project':
        return {
          kind: 'enterprise_project',
          enterpriseProjectId: scope.enterpriseProjectId,
          name: this.enterpriseProjectNames.get(scope.enterpriseProjectId) ?? scope.enterpriseProjectId,
        };
      case 'all_projects':
      case 'global':
        return { kind: scope.kind };
      default: {
        const unknown: never = scope;
        throw new Error(`unknown scope ${JSON.stringify(unknown)}`);
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Keeps one `GrantSnapshot` while nothing changes. A change by this service bumps
 * `generation` and is seen by the next call; a commit by another connection changes SQLite's
 * `data_version`, which is polled at most every `pollMs` milliseconds (asking SQLite costs more
 * than a decision), so another process's change is seen within that time.
 */
export class GrantCache {
  private snapshot: GrantSnapshot | undefined;
  private seenGeneration = -1;
  private seenDataVersion = -1;
  private polledAt = -Infinity;
  generation = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly pollMs = 2,
  ) {}

  current(): GrantSnapshot {
    if (this.snapshot !== undefined && this.seenGeneration === this.generation) {
      const now = performance.now();
      if (now - this.polledAt < this.pollMs) return this.snapshot;
      this.polledAt = now;
      if (this.ctx.db.dataVersion() === this.seenDataVersion) return this.snapshot;
    }
    this.seenDataVersion = this.ctx.db.dataVersion();
    this.polledAt = performance.now();
    this.snapshot = new GrantSnapshot(this.ctx);
    this.seenGeneration = this.generation;
    return this.snapshot;
  }
}
