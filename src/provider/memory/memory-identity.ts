import type * as M from '../../backend/index.js';
import { ok, type Result } from '../../backend/index.js';
import { regionOfSubProject } from '../../backend/model/regions.js';
import { checkPasswordStrength } from '../../backend/rules/password-policy.js';
import { checkDescription, checkObjectName, checkSubProjectName } from '../../backend/rules/name-rules.js';
import { checkUserDraft, normalizedPhone, userFieldsFromCreate, userFieldsFromUpdate } from '../../backend/rules/user-rules.js';
import { sha256Hex } from '../../schema/index.js';
import { conflict, fail, findByIdOrName, invalid, newId, notFound, removeAttachmentsWhere, sortedBy, type MemoryState } from './memory-state.js';

/** Users, groups, memberships and projects of the memory backend. */

function userTaken(state: MemoryState, user: M.User, selfId: string | null): Result<never> | undefined {
  for (const other of state.users.values()) {
    if (other.id === selfId) continue;
    if (other.name.toLowerCase() === user.name.toLowerCase()) return conflict('IAM.1109', `The user name "${user.name}" already exists`, 'name');
    if (user.email !== null && other.email?.toLowerCase() === user.email.toLowerCase()) return conflict('IAM.1110', `The email "${user.email}" is already used by another user`, 'email');
    if (user.phone !== null && other.phone !== null && normalizedPhone(other.phone) === normalizedPhone(user.phone)) {
      return conflict('IAM.1111', `The phone ${user.phone.countryCode} ${user.phone.number} is already used by another user`, 'phone');
    }
  }
  return undefined;
}

function storeUser(state: MemoryState, user: M.User, password: string | undefined, selfId: string | null): Result<M.User> {
  const problem = checkUserDraft(user) ?? (password === undefined ? undefined : checkPasswordStrength(password, user.name));
  if (problem) return fail(problem);
  if (password !== undefined && selfId !== null && state.passwords.get(selfId) === sha256Hex(password)) {
    return invalid('IAM.1108', 'The new password must differ from the current one', 'password');
  }
  const taken = userTaken(state, user, selfId);
  if (taken) return taken;
  state.users.set(user.id, user);
  if (password !== undefined) state.passwords.set(user.id, sha256Hex(password));
  return ok(user);
}

export function createUser(state: MemoryState, input: M.UserCreate): Result<M.User> {
  const now = state.now();
  const user: M.User = {
    id: newId(state),
    ...userFieldsFromCreate(input),
    createdAt: now,
    updatedAt: now,
  };
  return storeUser(state, user, input.password, null);
}

export function checkUserPassword(state: MemoryState, id: string, password: string): Result<boolean> {
  if (!state.users.has(id)) return notFound('user', id);
  return ok(state.passwords.get(id) === sha256Hex(password));
}

export function updateUser(state: MemoryState, id: string, input: M.UserUpdate): Result<M.User> {
  const before = state.users.get(id);
  if (before === undefined) return notFound('user', id);
  const user: M.User = {
    ...before,
    ...userFieldsFromUpdate(before, input),
    updatedAt: state.now(),
  };
  return storeUser(state, user, input.password, id);
}

/** Removes the user's memberships, direct attachments and access keys too. */
export function deleteUser(state: MemoryState, id: string): Result<M.User> {
  const user = state.users.get(id);
  if (user === undefined) return notFound('user', id);
  for (const members of state.members.values()) members.delete(id);
  removeAttachmentsWhere(state, (a) => a.principal.kind === 'user' && a.principal.userId === id);
  for (const [keyId, key] of state.accessKeys) if (key.userId === id) state.accessKeys.delete(keyId);
  state.users.delete(id);
  state.passwords.delete(id);
  return ok(user);
}

export const listUsers = (state: MemoryState): M.User[] => sortedBy(state.users.values(), (u) => u.name.toLowerCase());
export const findUser = (state: MemoryState, idOrName: string): Result<M.User> => findByIdOrName(state.users, 'user', idOrName);

function groupNameTaken(state: MemoryState, name: string, selfId: string | null): boolean {
  for (const g of state.groups.values()) if (g.id !== selfId && g.name.toLowerCase() === name.toLowerCase()) return true;
  return false;
}

export function createGroup(state: MemoryState, input: M.GroupCreate): Result<M.Group> {
  const description = input.description ?? '';
  const problem = checkObjectName('group', input.name) ?? checkDescription(description);
  if (problem) return fail(problem);
  if (groupNameTaken(state, input.name, null)) return conflict('IAM.0005', `A group named "${input.name}" already exists`, 'name');
  const now = state.now();
  const group: M.Group = { id: newId(state), name: input.name, description, createdAt: now, updatedAt: now };
  state.groups.set(group.id, group);
  state.members.set(group.id, new Set());
  return ok(group);
}

export function updateGroup(state: MemoryState, id: string, input: M.GroupUpdate): Result<M.Group> {
  const before = state.groups.get(id);
  if (before === undefined) return notFound('group', id);
  const group: M.Group = { ...before, name: input.name ?? before.name, description: input.description ?? before.description, updatedAt: state.now() };
  const problem = checkObjectName('group', group.name) ?? checkDescription(group.description);
  if (problem) return fail(problem);
  if (groupNameTaken(state, group.name, id)) return conflict('IAM.0005', `A group named "${group.name}" already exists`, 'name');
  state.groups.set(id, group);
  return ok(group);
}

/** Removes the group's memberships and attachments too, as the real service does. */
export function deleteGroup(state: MemoryState, id: string): Result<M.Group> {
  const group = state.groups.get(id);
  if (group === undefined) return notFound('group', id);
  state.members.delete(id);
  removeAttachmentsWhere(state, (a) => a.principal.kind === 'group' && a.principal.groupId === id);
  state.groups.delete(id);
  return ok(group);
}

export const listGroups = (state: MemoryState): M.Group[] => sortedBy(state.groups.values(), (g) => g.name.toLowerCase());
export const findGroup = (state: MemoryState, idOrName: string): Result<M.Group> => findByIdOrName(state.groups, 'group', idOrName);

export function listMemberships(state: MemoryState): M.Membership[] {
  const out: M.Membership[] = [];
  for (const groupId of [...state.members.keys()].sort()) for (const userId of [...(state.members.get(groupId) ?? [])].sort()) out.push({ groupId, userId });
  return out;
}

export function groupMembers(state: MemoryState, groupId: string): Result<string[]> {
  const members = state.members.get(groupId);
  return members === undefined ? notFound('group', groupId) : ok([...members].sort());
}

/** All or nothing: an unknown user fails the call and changes nothing. */
export function setMembers(state: MemoryState, groupId: string, userIds: readonly string[]): Result<string[]> {
  const members = state.members.get(groupId);
  if (members === undefined) return notFound('group', groupId, 'group');
  for (const userId of userIds) if (!state.users.has(userId)) return notFound('user', userId, 'users');
  members.clear();
  for (const userId of userIds) members.add(userId);
  return ok([...members].sort());
}

export function createProject(state: MemoryState, input: M.ProjectCreate): Result<M.Project> {
  const description = input.description ?? '';
  const problem = checkSubProjectName(input.name) ?? checkDescription(description);
  if (problem) return fail(problem);
  for (const p of state.projects.values()) if (p.name === input.name) return conflict('IAM.0005', `A project named "${input.name}" already exists`, 'name');
  const parent = [...state.projects.values()].find((p) => p.name === regionOfSubProject(input.name));
  if (parent === undefined) return notFound('project', regionOfSubProject(input.name) ?? input.name, 'name');
  const project: M.Project = { id: newId(state), name: input.name, kind: 'sub_project', parentId: parent.id, description, enabled: true, createdAt: state.now() };
  state.projects.set(project.id, project);
  return ok(project);
}

export function updateProject(state: MemoryState, id: string, input: M.ProjectUpdate): Result<M.Project> {
  const before = state.projects.get(id);
  if (before === undefined) return notFound('project', id);
  if (before.kind !== 'sub_project') return invalid('IAM.0007', `The project "${before.name}" is built in and cannot be changed`, 'name');
  const project: M.Project = { ...before, name: input.name ?? before.name, description: input.description ?? before.description };
  const problem = checkSubProjectName(project.name) ?? checkDescription(project.description);
  if (problem) return fail(problem);
  if (regionOfSubProject(project.name) !== regionOfSubProject(before.name)) return invalid('IAM.0073', `The region prefix of project "${before.name}" cannot change (got "${project.name}")`, 'name');
  for (const p of state.projects.values()) if (p.id !== id && p.name === project.name) return conflict('IAM.0005', `A project named "${project.name}" already exists`, 'name');
  state.projects.set(id, project);
  return ok(project);
}

export function deleteProject(state: MemoryState, id: string): Result<M.Project> {
  const project = state.projects.get(id);
  if (project === undefined) return notFound('project', id);
  if (project.kind !== 'sub_project') return invalid('IAM.1107', `The project "${project.name}" is built in and cannot be deleted; only sub-projects can`);
  removeAttachmentsWhere(state, (a) => a.scope.kind === 'project' && a.scope.projectId === id);
  state.projects.delete(id);
  return ok(project);
}

export function createEnterpriseProject(state: MemoryState, input: M.EnterpriseProjectCreate): Result<M.EnterpriseProject> {
  const description = input.description ?? '';
  const problem = checkObjectName('enterprise project', input.name) ?? checkDescription(description);
  if (problem) return fail(problem);
  for (const ep of state.enterpriseProjects.values()) {
    if (ep.name.toLowerCase() === input.name.toLowerCase()) return conflict('IAM.0005', `An enterprise project named "${input.name}" already exists`, 'name');
  }
  const ep: M.EnterpriseProject = { id: newId(state), name: input.name, description, createdAt: state.now() };
  state.enterpriseProjects.set(ep.id, ep);
  return ok(ep);
}

export function deleteEnterpriseProject(state: MemoryState, id: string): Result<M.EnterpriseProject> {
  const ep = state.enterpriseProjects.get(id);
  if (ep === undefined) return notFound('enterprise project', id);
  if (id === '0') return invalid('IAM.0007', 'The default enterprise project cannot be deleted');
  removeAttachmentsWhere(state, (a) => a.scope.kind === 'enterprise_project' && a.scope.enterpriseProjectId === id);
  state.enterpriseProjects.delete(id);
  return ok(ep);
}
