import { loadCatalog, type Catalog } from '../catalog/index.js';
import { cryptoRandom, newId, type RandomSource } from '../crypto/secrets.js';
import type { Result } from '../errors.js';
import type * as M from '../model/types.js';
import type { Grant, SystemPermission } from '../policy/index.js';
import { readAudit, writeAudit, type AuditQuery } from '../store/audit.js';
import { Database } from '../store/database.js';
import * as keys from './access-keys.js';
import * as attachments from './attachments.js';
import { access, can, grants, type CanAnswer, type CanRequest, type UserAccess } from './authz.js';
import { makeContext, type ServiceContext } from './context.js';
import { GrantCache } from './grants.js';
import * as groups from './groups.js';
import * as policies from './policies.js';
import * as projects from './projects.js';
import * as users from './users.js';

export interface IamServiceOptions {
  /** A database file (created when missing) or `:memory:`. */
  readonly path: string;
  readonly clock?: () => Date;
  readonly random?: RandomSource;
  /** Who the audit log names for changes made through this service. */
  readonly actor?: string;
  readonly catalog?: Catalog;
  /** The account name, used only when the database is new. */
  readonly domainName?: string;
  readonly busyTimeoutMs?: number;
}

/**
 * The IAM backend's one entry point: what the embedded provider and the HTTP server call.
 * Calls are synchronous (SQLite in-process); each mutation is one transaction and one or more
 * audit entries; user errors come back as `Result` failures, never as exceptions. "List" calls
 * return every object of a kind in one call, for refresh.
 */
export class IamService {
  private readonly ctx: ServiceContext;
  private readonly grants: GrantCache;

  private constructor(ctx: ServiceContext, grants: GrantCache) {
    this.ctx = ctx;
    this.grants = grants;
  }

  static open(options: IamServiceOptions): IamService {
    const db = Database.open(options.path, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
    const clock = options.clock ?? (() => new Date());
    const random = options.random ?? cryptoRandom;
    const actor = options.actor ?? 'iamform';
    const domain = ensureDomain(db, clock, random, actor, options.domainName ?? 'iamform');
    const generation = { bump: (): void => undefined };
    const ctx = makeContext({
      db,
      random,
      catalog: options.catalog ?? loadCatalog(),
      domain,
      clock,
      actor,
      onChange: () => generation.bump(),
    });
    const grants = new GrantCache(ctx);
    generation.bump = () => void grants.generation++;
    db.write(() => projects.ensureBuiltins(ctx));
    return new IamService(ctx, grants);
  }

  get domain(): M.Domain {
    return this.ctx.domain;
  }

  get catalog(): Catalog {
    return this.ctx.catalog;
  }

  close(): void {
    this.ctx.db.close();
  }

  /** The schema versions applied to the database, ascending. */
  schemaVersions(): number[] {
    return this.ctx.db.appliedVersions();
  }

  auditLog(query: AuditQuery = {}): M.AuditEntry[] {
    return readAudit(this.ctx.db, query);
  }

  // Users
  createUser = (input: M.UserCreate): Result<M.User> => users.createUser(this.ctx, input);
  getUser = (id: string): Result<M.User> => users.getUser(this.ctx, id);
  findUser = (idOrName: string): Result<M.User> => users.findUser(this.ctx, idOrName);
  listUsers = (): M.User[] => users.listUsers(this.ctx);
  updateUser = (id: string, input: M.UserUpdate): Result<M.User> => users.updateUser(this.ctx, id, input);
  deleteUser = (id: string): Result<M.User> => users.deleteUser(this.ctx, id);
  checkUserPassword = (id: string, password: string): Result<boolean> => users.checkUserPassword(this.ctx, id, password);

  // Groups and memberships
  createGroup = (input: M.GroupCreate): Result<M.Group> => groups.createGroup(this.ctx, input);
  getGroup = (id: string): Result<M.Group> => groups.getGroup(this.ctx, id);
  findGroup = (idOrName: string): Result<M.Group> => groups.findGroup(this.ctx, idOrName);
  listGroups = (): M.Group[] => groups.listGroups(this.ctx);
  updateGroup = (id: string, input: M.GroupUpdate): Result<M.Group> => groups.updateGroup(this.ctx, id, input);
  deleteGroup = (id: string): Result<M.Group> => groups.deleteGroup(this.ctx, id);
  listMemberships = (): M.Membership[] => groups.listMemberships(this.ctx);
  groupMembers = (groupId: string): Result<string[]> => groups.groupMembers(this.ctx, groupId);
  addMember = (groupId: string, userId: string): Result<M.Membership> => groups.addMember(this.ctx, groupId, userId);
  removeMember = (groupId: string, userId: string): Result<M.Membership> => groups.removeMember(this.ctx, groupId, userId);
  setMembers = (groupId: string, userIds: readonly string[]): Result<string[]> => groups.setMembers(this.ctx, groupId, userIds);

  // Projects and enterprise projects
  listProjects = (): M.Project[] => projects.listProjects(this.ctx);
  findProject = (idOrName: string): Result<M.Project> => projects.findProject(this.ctx, idOrName);
  createProject = (input: M.ProjectCreate): Result<M.Project> => projects.createProject(this.ctx, input);
  updateProject = (id: string, input: M.ProjectUpdate): Result<M.Project> => projects.updateProject(this.ctx, id, input);
  deleteProject = (id: string): Result<M.Project> => projects.deleteProject(this.ctx, id);
  listEnterpriseProjects = (): M.EnterpriseProject[] => projects.listEnterpriseProjects(this.ctx);
  findEnterpriseProject = (idOrName: string): Result<M.EnterpriseProject> => projects.findEnterpriseProject(this.ctx, idOrName);
  createEnterpriseProject = (input: M.EnterpriseProjectCreate): Result<M.EnterpriseProject> => projects.createEnterpriseProject(this.ctx, input);
  deleteEnterpriseProject = (id: string): Result<M.EnterpriseProject> => projects.deleteEnterpriseProject(this.ctx, id);

  // Policies
  listSystemPolicies = (): readonly SystemPermission[] => policies.listSystemPolicies(this.ctx);
  findPolicy = (idOrName: string): Result<policies.PolicyInfo> => policies.findPolicy(this.ctx, idOrName);
  createCustomPolicy = (input: M.CustomPolicyCreate): Result<M.CustomPolicy> => policies.createCustomPolicy(this.ctx, input);
  getCustomPolicy = (id: string): Result<M.CustomPolicy> => policies.getCustomPolicy(this.ctx, id);
  listCustomPolicies = (): M.CustomPolicy[] => policies.listCustomPolicies(this.ctx);
  updateCustomPolicy = (id: string, input: M.CustomPolicyUpdate): Result<M.CustomPolicy> => policies.updateCustomPolicy(this.ctx, id, input);
  deleteCustomPolicy = (id: string): Result<M.CustomPolicy> => policies.deleteCustomPolicy(this.ctx, id);

  // Attachments
  createAttachment = (input: M.AttachmentCreate): Result<M.Attachment> => attachments.createAttachment(this.ctx, input);
  getAttachment = (id: string): Result<M.Attachment> => attachments.getAttachment(this.ctx, id);
  listAttachments = (): M.Attachment[] => attachments.listAttachments(this.ctx);
  deleteAttachment = (id: string): Result<M.Attachment> => attachments.deleteAttachment(this.ctx, id);

  // Access keys
  createAccessKey = (input: M.AccessKeyCreate): Result<M.AccessKeyCreated> => keys.createAccessKey(this.ctx, input);
  getAccessKey = (accessKeyId: string): Result<M.AccessKey> => keys.getAccessKey(this.ctx, accessKeyId);
  listAccessKeys = (userId?: string): M.AccessKey[] => keys.listAccessKeys(this.ctx, userId);
  updateAccessKey = (accessKeyId: string, input: M.AccessKeyUpdate): Result<M.AccessKey> => keys.updateAccessKey(this.ctx, accessKeyId, input);
  deleteAccessKey = (accessKeyId: string): Result<M.AccessKey> => keys.deleteAccessKey(this.ctx, accessKeyId);

  // Authorization
  can = (request: CanRequest): Result<CanAnswer> => can(this.ctx, this.grants, request);
  access = (user?: string): Result<UserAccess[]> => access(this.ctx, this.grants, user);
  /** A user's grants (id or name): direct attachments, then those of each group. */
  grantsOf = (user: string): Result<Grant[]> => grants(this.grants, user);

  /** Runs several reads on one consistent snapshot, even while another process writes. */
  read<T>(fn: (service: IamService) => T): T {
    return this.ctx.db.read(() => fn(this));
  }

  /** Runs several calls in one transaction: all of them take effect, or (on a throw) none. */
  batch<T>(fn: (service: IamService) => T): T {
    return this.ctx.db.write(() => fn(this));
  }
}

function ensureDomain(db: Database, clock: () => Date, random: RandomSource, actor: string, name: string): M.Domain {
  return db.write(() => {
    const existing = db.statement('SELECT id, name, created_at FROM domain').get() as { id: string; name: string; created_at: string } | undefined;
    if (existing) return { id: existing.id, name: existing.name, createdAt: existing.created_at };
    const domain: M.Domain = { id: newId(random), name, createdAt: clock().toISOString() };
    db.statement('INSERT INTO domain (id, name, created_at) VALUES (?, ?, ?)').run(domain.id, domain.name, domain.createdAt);
    writeAudit(db, { at: domain.createdAt, actor, operation: 'create', objectKind: 'domain', objectId: domain.id, before: null, after: domain });
    return domain;
  });
}
