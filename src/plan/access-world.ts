import type { Catalog, Grant, GrantedPolicy, PolicyDocument, Scope } from '../backend/policy/index.js';
import type { JsonObject, JsonValue } from '../state/index.js';
import { canonicalPolicy } from './policy-document.js';

/**
 * The IAM objects that decide who may do what, as one side of the plan sees them: before
 * (the refreshed backend) or after (the backend with the plan's changes applied, objects to
 * be created carrying placeholder ids). Only the kinds that matter for access are kept.
 */
export const accessKinds = ['iam_user', 'iam_group', 'iam_group_membership', 'iam_policy', 'iam_policy_attachment', 'iam_project', 'iam_enterprise_project'] as const;
export type AccessKind = (typeof accessKinds)[number];

export function isAccessKind(type: string): type is AccessKind {
  return (accessKinds as readonly string[]).includes(type);
}

export type ObjectsByKind = Map<AccessKind, Map<string, JsonObject>>;

/** A string attribute that is set (not empty). */
export function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

type SystemPermission = Catalog['systemPermissions'][number];

const systemIndex = new WeakMap<Catalog, Map<string, SystemPermission>>();

export function systemById(catalog: Catalog): ReadonlyMap<string, SystemPermission> {
  let index = systemIndex.get(catalog);
  if (index === undefined) systemIndex.set(catalog, (index = new Map(catalog.systemPermissions.map((p) => [p.id, p]))));
  return index;
}

/** A system-defined policy or role as a grant holds it. */
export function systemPolicy(system: SystemPermission): GrantedPolicy {
  return { id: system.id, name: system.displayName, kind: system.kind, version: system.version, document: system.document, dependencies: system.dependencies };
}

/** Whom an attachment's attributes grant to, `group:<id>` or `user:<id>` (the group when both are set). */
export function attachmentPrincipal(attrs: JsonObject): string | undefined {
  const group = str(attrs['group']);
  if (group !== undefined) return `group:${group}`;
  const user = str(attrs['user']);
  return user !== undefined ? `user:${user}` : undefined;
}

/** The scope an attachment's attributes name; the callbacks name projects and enterprise projects by id. */
export function attachmentScope(attrs: JsonObject, projectName: (id: string) => string, enterpriseProjectName: (id: string) => string): Scope | undefined {
  if (attrs['all_projects'] === true) return { kind: 'all_projects' };
  if (attrs['global'] === true) return { kind: 'global' };
  const project = str(attrs['project']);
  if (project !== undefined) return { kind: 'project', projectId: project, projectName: projectName(project) };
  const ep = str(attrs['enterprise_project']);
  return ep !== undefined ? { kind: 'enterprise_project', enterpriseProjectId: ep, name: enterpriseProjectName(ep) } : undefined;
}

export class AccessWorld {
  private principals: Map<string, JsonObject[]> | undefined;
  private groupsOfUser: Map<string, Set<string>> | undefined;
  private names: Map<string, string> | undefined;
  private members: Map<string, string[]> | undefined;
  private readonly policies = new Map<string, GrantedPolicy | undefined>();

  constructor(
    readonly objects: ObjectsByKind,
    /** Region and other projects not managed as `iam_project` (from the data kind), by id. */
    private readonly extraProjects: ReadonlyMap<string, string>,
    private readonly catalog: Catalog,
  ) {}

  kind(kind: AccessKind): Map<string, JsonObject> {
    let m = this.objects.get(kind);
    if (m === undefined) this.objects.set(kind, (m = new Map()));
    return m;
  }

  /** `user:<name>` / `group:<name>` → id, the first object of that name. */
  idOf(subject: string): string | undefined {
    if (this.names === undefined) {
      this.names = new Map();
      for (const [prefix, kind] of [['user', 'iam_user'], ['group', 'iam_group']] as const) {
        for (const [id, attrs] of this.kind(kind)) {
          const name = str(attrs['name']);
          if (name !== undefined && !this.names.has(`${prefix}:${name}`)) this.names.set(`${prefix}:${name}`, id);
        }
      }
    }
    return this.names.get(subject);
  }

  /** The subject (`group:ops`) of a principal id, when the object is known. */
  subjectOf(kind: 'user' | 'group', id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    const name = str(this.kind(kind === 'user' ? 'iam_user' : 'iam_group').get(id)?.['name']);
    return name === undefined ? undefined : `${kind}:${name}`;
  }

  /** The members of a group, by the `group` attribute of memberships (a new one has no id yet). */
  membersOf(groupId: string): readonly string[] {
    if (this.members === undefined) {
      this.members = new Map();
      for (const attrs of this.kind('iam_group_membership').values()) {
        const group = str(attrs['group']);
        const users = attrs['users'];
        if (group === undefined || !Array.isArray(users)) continue;
        const list = this.members.get(group) ?? [];
        for (const u of users) if (typeof u === 'string') list.push(u);
        this.members.set(group, list);
      }
    }
    return this.members.get(groupId) ?? [];
  }

  private attachmentsOf(principal: string): readonly JsonObject[] {
    if (this.principals === undefined) {
      this.principals = new Map();
      for (const [id, attrs] of this.kind('iam_policy_attachment')) {
        const key = attachmentPrincipal(attrs);
        if (key === undefined) continue;
        let list = this.principals.get(key);
        if (list === undefined) this.principals.set(key, (list = []));
        list.push({ ...attrs, id });
      }
    }
    return this.principals.get(principal) ?? [];
  }

  private groupsOf(userId: string): ReadonlySet<string> {
    if (this.groupsOfUser === undefined) {
      this.groupsOfUser = new Map();
      this.membersOf('');
      for (const [groupId, users] of this.members ?? []) {
        for (const user of users) {
          let set = this.groupsOfUser.get(user);
          if (set === undefined) this.groupsOfUser.set(user, (set = new Set()));
          set.add(groupId);
        }
      }
    }
    return this.groupsOfUser.get(userId) ?? new Set();
  }

  /** One object per policy id, so that the policy engine's per-document memo applies. */
  policy(id: string | undefined): GrantedPolicy | undefined {
    if (id === undefined) return undefined;
    if (this.policies.has(id)) return this.policies.get(id);
    const policy = this.readPolicy(id);
    this.policies.set(id, policy);
    return policy;
  }

  private readPolicy(id: string): GrantedPolicy | undefined {
    const system = systemById(this.catalog).get(id);
    if (system !== undefined) return systemPolicy(system);
    const custom = this.kind('iam_policy').get(id);
    if (custom === undefined) return undefined;
    const document = canonicalPolicy(custom['policy'] as JsonValue) as unknown as PolicyDocument;
    if (document === null || typeof document !== 'object' || !Array.isArray(document.Statement)) return undefined;
    return { id, name: str(custom['name']) ?? id, kind: 'custom', version: '1.1', document, dependencies: [] };
  }

  scopeOf(attrs: JsonObject): Scope | undefined {
    return attachmentScope(
      attrs,
      (id) => str(this.kind('iam_project').get(id)?.['name']) ?? this.extraProjects.get(id) ?? id,
      (id) => str(this.kind('iam_enterprise_project').get(id)?.['name']) ?? id,
    );
  }

  private grantsVia(principal: string, via: Grant['via']): Grant[] {
    const out: Grant[] = [];
    for (const a of this.attachmentsOf(principal)) {
      const policy = this.policy(str(a['policy']));
      const scope = this.scopeOf(a);
      if (policy !== undefined && scope !== undefined) out.push({ attachmentId: a['id'] as string, policy, scope, via });
    }
    return out;
  }

  /** The grants a subject holds: a group's own, or a user's direct and through groups. */
  grantsOf(subject: string): Grant[] {
    const id = this.idOf(subject);
    if (id === undefined) return [];
    if (subject.startsWith('group:')) return this.grantsVia(`group:${id}`, { kind: 'group', groupId: id, groupName: subject.slice(6) });
    const out = this.grantsVia(`user:${id}`, { kind: 'user' });
    for (const groupId of this.groupsOf(id)) {
      const groupName = str(this.kind('iam_group').get(groupId)?.['name']) ?? groupId;
      out.push(...this.grantsVia(`group:${groupId}`, { kind: 'group', groupId, groupName }));
    }
    return out;
  }

  /** Subjects holding an attachment of the policy. */
  holdersOf(policyId: string): string[] {
    const out: string[] = [];
    for (const [, a] of this.kind('iam_policy_attachment')) {
      if (a['policy'] !== policyId) continue;
      const s = this.subjectOf(str(a['group']) !== undefined ? 'group' : 'user', str(a['group']) ?? str(a['user']));
      if (s !== undefined) out.push(s);
    }
    return out;
  }
}
