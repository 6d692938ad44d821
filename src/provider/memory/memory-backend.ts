import type * as M from '../../backend/index.js';
import { ok, type PolicyInfo, type Result } from '../../backend/index.js';
import { loadCatalog, type Catalog } from '../../backend/catalog/index.js';
import type { SystemPermission } from '../../backend/policy/index.js';
import type { BackendPort } from '../port.js';
import * as grants from './memory-grants.js';
import * as identity from './memory-identity.js';
import { findByIdOrName, newMemoryState, notFound, sortedBy, type MemoryState } from './memory-state.js';

export interface MemoryBackendOptions {
  readonly catalog?: Catalog;
  /** ISO timestamps of changes; default a fixed instant so that runs are reproducible. */
  readonly now?: () => string;
}

/**
 * An IAM backend in maps, for tests: the same observable rules as the embedded backend for
 * what the provider conformance suite checks (validation of names, uniqueness of names,
 * emails and phones, not-found, two keys per user, authoritative memberships, cascades on
 * deletes, scope fit of attachments). No audit log, no persistence, no authorization.
 */
export class MemoryBackend implements BackendPort {
  private readonly state: MemoryState;
  private readonly catalog: Catalog;

  constructor(options: MemoryBackendOptions = {}) {
    this.catalog = options.catalog ?? loadCatalog();
    this.state = newMemoryState(options.now ?? (() => '2024-01-01T00:00:00.000Z'));
  }

  listUsers = (): M.User[] => identity.listUsers(this.state);
  findUser = (idOrName: string): Result<M.User> => identity.findUser(this.state, idOrName);
  createUser = (input: M.UserCreate): Result<M.User> => identity.createUser(this.state, input);
  updateUser = (id: string, input: M.UserUpdate): Result<M.User> => identity.updateUser(this.state, id, input);
  checkUserPassword = (id: string, password: string): Result<boolean> => identity.checkUserPassword(this.state, id, password);
  deleteUser = (id: string): Result<M.User> => identity.deleteUser(this.state, id);

  listGroups = (): M.Group[] => identity.listGroups(this.state);
  findGroup = (idOrName: string): Result<M.Group> => identity.findGroup(this.state, idOrName);
  createGroup = (input: M.GroupCreate): Result<M.Group> => identity.createGroup(this.state, input);
  updateGroup = (id: string, input: M.GroupUpdate): Result<M.Group> => identity.updateGroup(this.state, id, input);
  deleteGroup = (id: string): Result<M.Group> => identity.deleteGroup(this.state, id);

  listMemberships = (): M.Membership[] => identity.listMemberships(this.state);
  groupMembers = (groupId: string): Result<string[]> => identity.groupMembers(this.state, groupId);
  setMembers = (groupId: string, userIds: readonly string[]): Result<string[]> => identity.setMembers(this.state, groupId, userIds);

  listProjects = (): M.Project[] => sortedBy(this.state.projects.values(), (p) => p.name);
  findProject = (idOrName: string): Result<M.Project> => findByIdOrName(this.state.projects, 'project', idOrName, false);
  createProject = (input: M.ProjectCreate): Result<M.Project> => identity.createProject(this.state, input);
  updateProject = (id: string, input: M.ProjectUpdate): Result<M.Project> => identity.updateProject(this.state, id, input);
  deleteProject = (id: string): Result<M.Project> => identity.deleteProject(this.state, id);

  listEnterpriseProjects = (): M.EnterpriseProject[] => sortedBy(this.state.enterpriseProjects.values(), (p) => p.name.toLowerCase());
  findEnterpriseProject = (idOrName: string): Result<M.EnterpriseProject> => findByIdOrName(this.state.enterpriseProjects, 'enterprise project', idOrName);
  createEnterpriseProject = (input: M.EnterpriseProjectCreate): Result<M.EnterpriseProject> => identity.createEnterpriseProject(this.state, input);
  deleteEnterpriseProject = (id: string): Result<M.EnterpriseProject> => identity.deleteEnterpriseProject(this.state, id);

  listSystemPolicies = (): readonly SystemPermission[] => this.catalog.systemPermissions;
  findPolicy = (idOrName: string): Result<PolicyInfo> => grants.findPolicy(this.state, this.catalog, idOrName);
  listCustomPolicies = (): M.CustomPolicy[] =>
    sortedBy(this.state.customPolicies.keys(), (id) => this.state.customPolicies.get(id)?.displayName.toLowerCase() ?? '').map((id) => grants.customPolicy(this.state, id) as M.CustomPolicy);
  getCustomPolicy = (id: string): Result<M.CustomPolicy> => {
    const p = grants.customPolicy(this.state, id);
    return p === undefined ? notFound('custom policy', id) : ok(p);
  };
  createCustomPolicy = (input: M.CustomPolicyCreate): Result<M.CustomPolicy> => grants.createCustomPolicy(this.state, this.catalog, input);
  updateCustomPolicy = (id: string, input: M.CustomPolicyUpdate): Result<M.CustomPolicy> => grants.updateCustomPolicy(this.state, this.catalog, id, input);
  deleteCustomPolicy = (id: string): Result<M.CustomPolicy> => grants.deleteCustomPolicy(this.state, id);

  listAttachments = (): M.Attachment[] => grants.listAttachments(this.state);
  createAttachment = (input: M.AttachmentCreate): Result<M.Attachment> => grants.createAttachment(this.state, this.catalog, input);
  deleteAttachment = (id: string): Result<M.Attachment> => grants.deleteAttachment(this.state, id);

  listAccessKeys = (userId?: string): M.AccessKey[] => grants.listAccessKeys(this.state, userId);
  createAccessKey = (input: M.AccessKeyCreate): Result<M.AccessKeyCreated> => grants.createAccessKey(this.state, input);
  updateAccessKey = (accessKeyId: string, input: M.AccessKeyUpdate): Result<M.AccessKey> => grants.updateAccessKey(this.state, accessKeyId, input);
  deleteAccessKey = (accessKeyId: string): Result<M.AccessKey> => grants.deleteAccessKey(this.state, accessKeyId);
}
