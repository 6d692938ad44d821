import type * as M from '../backend/index.js';
import type { PolicyInfo, Result } from '../backend/index.js';
import type { SystemPermission } from '../backend/policy/index.js';

/**
 * The calls a provider makes on an IAM backend: the part of `IamService` that managing
 * resources needs. `IamService` satisfies it as it is (the embedded provider); the memory
 * provider implements it with maps. List calls return every object of a kind at once, which
 * is what makes refresh bulk.
 */
export interface BackendPort {
  listUsers(): M.User[];
  findUser(idOrName: string): Result<M.User>;
  createUser(input: M.UserCreate): Result<M.User>;
  updateUser(id: string, input: M.UserUpdate): Result<M.User>;
  /** Whether `password` is the user's current password (false when none is set). */
  checkUserPassword(id: string, password: string): Result<boolean>;
  deleteUser(id: string): Result<M.User>;

  listGroups(): M.Group[];
  findGroup(idOrName: string): Result<M.Group>;
  createGroup(input: M.GroupCreate): Result<M.Group>;
  updateGroup(id: string, input: M.GroupUpdate): Result<M.Group>;
  deleteGroup(id: string): Result<M.Group>;

  listMemberships(): M.Membership[];
  groupMembers(groupId: string): Result<string[]>;
  setMembers(groupId: string, userIds: readonly string[]): Result<string[]>;

  listProjects(): M.Project[];
  findProject(idOrName: string): Result<M.Project>;
  createProject(input: M.ProjectCreate): Result<M.Project>;
  updateProject(id: string, input: M.ProjectUpdate): Result<M.Project>;
  deleteProject(id: string): Result<M.Project>;

  listEnterpriseProjects(): M.EnterpriseProject[];
  findEnterpriseProject(idOrName: string): Result<M.EnterpriseProject>;
  createEnterpriseProject(input: M.EnterpriseProjectCreate): Result<M.EnterpriseProject>;
  deleteEnterpriseProject(id: string): Result<M.EnterpriseProject>;

  listSystemPolicies(): readonly SystemPermission[];
  findPolicy(idOrName: string): Result<PolicyInfo>;
  listCustomPolicies(): M.CustomPolicy[];
  getCustomPolicy(id: string): Result<M.CustomPolicy>;
  createCustomPolicy(input: M.CustomPolicyCreate): Result<M.CustomPolicy>;
  updateCustomPolicy(id: string, input: M.CustomPolicyUpdate): Result<M.CustomPolicy>;
  deleteCustomPolicy(id: string): Result<M.CustomPolicy>;

  listAttachments(): M.Attachment[];
  createAttachment(input: M.AttachmentCreate): Result<M.Attachment>;
  deleteAttachment(id: string): Result<M.Attachment>;

  listAccessKeys(userId?: string): M.AccessKey[];
  createAccessKey(input: M.AccessKeyCreate): Result<M.AccessKeyCreated>;
  updateAccessKey(accessKeyId: string, input: M.AccessKeyUpdate): Result<M.AccessKey>;
  deleteAccessKey(accessKeyId: string): Result<M.AccessKey>;
}
