import type * as M from '../../backend/index.js';
import { ok, type PolicyInfo, type Result } from '../../backend/index.js';
import type { Catalog } from '../../backend/catalog/index.js';
import { checkAccessKeyStatus, checkNewAccessKey } from '../../backend/rules/access-key-rules.js';
import { checkScopeFits } from '../../backend/rules/attachment-rules.js';
import { checkCustomPolicy } from '../../backend/rules/custom-policy-rules.js';
import { checkDescription } from '../../backend/rules/name-rules.js';
import { customPolicyInfo, systemPolicyInfo } from '../../backend/service/policies.js';
import { encodeAttachmentId } from '../attachment-id.js';
import { conflict, fail, newId, notFound, sortedBy, type MemoryState } from './memory-state.js';

/** Policies, attachments and access keys of the memory backend. */

export function customPolicy(state: MemoryState, id: string): M.CustomPolicy | undefined {
  const p = state.customPolicies.get(id);
  if (p === undefined) return undefined;
  let references = 0;
  for (const a of state.attachments.values()) if (a.policyId === id) references++;
  return { ...p, references };
}

export function findPolicy(state: MemoryState, catalog: Catalog, idOrName: string): Result<PolicyInfo> {
  const system = catalog.systemPermissions.find((p) => p.id === idOrName) ?? catalog.systemPermissions.find((p) => p.displayName === idOrName);
  if (system) return ok(systemPolicyInfo(system));
  const custom = state.customPolicies.get(idOrName) ?? [...state.customPolicies.values()].find((p) => p.displayName.toLowerCase() === idOrName.toLowerCase());
  return custom === undefined ? notFound('policy', idOrName) : ok(customPolicyInfo(custom));
}

function checkCustom(state: MemoryState, catalog: Catalog, input: M.CustomPolicyCreate, selfId: string | null): Result<never> | undefined {
  const problem = checkCustomPolicy(input, catalog);
  if (problem) return fail(problem);
  for (const p of state.customPolicies.values()) {
    if (p.id !== selfId && p.displayName.toLowerCase() === input.displayName.toLowerCase()) return conflict('IAM.0005', `A custom policy named "${input.displayName}" already exists`, 'name');
  }
  return undefined;
}

export function createCustomPolicy(state: MemoryState, catalog: Catalog, input: M.CustomPolicyCreate): Result<M.CustomPolicy> {
  const problem = checkCustom(state, catalog, input, null);
  if (problem) return problem;
  const id = newId(state);
  const now = state.now();
  state.customPolicies.set(id, { id, name: `custom_${state.domainId}_${state.customPolicies.size + 1}`, ...input, createdAt: now, updatedAt: now });
  return ok(customPolicy(state, id) as M.CustomPolicy);
}

export function updateCustomPolicy(state: MemoryState, catalog: Catalog, id: string, input: M.CustomPolicyUpdate): Result<M.CustomPolicy> {
  const before = customPolicy(state, id);
  if (before === undefined) return notFound('custom policy', id);
  const merged: M.CustomPolicyCreate = {
    displayName: input.displayName ?? before.displayName,
    description: input.description ?? before.description,
    type: input.type ?? before.type,
    document: input.document ?? before.document,
  };
  const problem = checkCustom(state, catalog, merged, id);
  if (problem) return problem;
  if (merged.type !== before.type && before.references > 0) {
    return conflict('IAM.0005', `The custom policy "${before.displayName}" has ${before.references} attachment(s); detach it before changing its scope`, 'scope');
  }
  const { references: _references, ...rest } = before;
  state.customPolicies.set(id, { ...rest, ...merged, updatedAt: state.now() });
  return ok(customPolicy(state, id) as M.CustomPolicy);
}

export function deleteCustomPolicy(state: MemoryState, id: string): Result<M.CustomPolicy> {
  const before = customPolicy(state, id);
  if (before === undefined) return notFound('custom policy', id);
  if (before.references > 0) return conflict('IAM.0005', `The custom policy "${before.displayName}" is still attached ${before.references} time(s); delete its attachments first`);
  state.customPolicies.delete(id);
  return ok(before);
}

export function createAttachment(state: MemoryState, catalog: Catalog, input: M.AttachmentCreate): Result<M.Attachment> {
  const policy = findPolicy(state, catalog, input.policyId);
  if (!policy.ok || policy.value.id !== input.policyId) return notFound('policy', input.policyId, 'policy');
  const p = input.principal;
  if (p.kind === 'group' && !state.groups.has(p.groupId)) return notFound('group', p.groupId, 'group');
  if (p.kind === 'user' && !state.users.has(p.userId)) return notFound('user', p.userId, 'user');
  const s = input.scope;
  if (s.kind === 'project' && !state.projects.has(s.projectId)) return notFound('project', s.projectId, 'project');
  if (s.kind === 'enterprise_project' && !state.enterpriseProjects.has(s.enterpriseProjectId)) return notFound('enterprise project', s.enterpriseProjectId, 'enterprise_project');
  const misfit = checkScopeFits(policy.value, s);
  if (misfit) return fail(misfit);
  const key = encodeAttachmentId(input);
  for (const a of state.attachments.values()) if (encodeAttachmentId(a) === key) return conflict('IAM.0005', `The policy "${policy.value.displayName}" is already attached there`, 'policy');
  const attachment: M.Attachment = { id: newId(state), principal: p, policyId: input.policyId, scope: s, createdAt: state.now() };
  state.attachments.set(attachment.id, attachment);
  return ok(attachment);
}

export function deleteAttachment(state: MemoryState, id: string): Result<M.Attachment> {
  const a = state.attachments.get(id);
  if (a === undefined) return notFound('attachment', id);
  state.attachments.delete(id);
  return ok(a);
}

export const listAttachments = (state: MemoryState): M.Attachment[] => sortedBy(state.attachments.values(), (a) => `${a.createdAt} ${a.id}`);

function keyId(state: MemoryState): string {
  return `AK${newId(state).slice(-18).toUpperCase()}`;
}

export function createAccessKey(state: MemoryState, input: M.AccessKeyCreate): Result<M.AccessKeyCreated> {
  const description = input.description ?? '';
  const status = input.status ?? 'active';
  const problem = checkDescription(description) ?? checkAccessKeyStatus(status);
  if (problem) return fail(problem);
  const user = state.users.get(input.userId);
  if (user === undefined) return notFound('user', input.userId, 'user');
  const count = [...state.accessKeys.values()].filter((k) => k.userId === input.userId).length;
  const refused = checkNewAccessKey(user, count);
  if (refused) return fail(refused);
  const key: M.AccessKey = { accessKeyId: keyId(state), userId: input.userId, description, status, createdAt: state.now() };
  state.accessKeys.set(key.accessKeyId, key);
  return ok({ ...key, secret: `${newId(state)}${newId(state)}`.slice(0, 40) });
}

export function updateAccessKey(state: MemoryState, accessKeyId: string, input: M.AccessKeyUpdate): Result<M.AccessKey> {
  const before = state.accessKeys.get(accessKeyId);
  if (before === undefined) return notFound('access key', accessKeyId);
  const key: M.AccessKey = { ...before, description: input.description ?? before.description, status: input.status ?? before.status };
  const problem = checkDescription(key.description) ?? checkAccessKeyStatus(key.status);
  if (problem) return fail(problem);
  state.accessKeys.set(accessKeyId, key);
  return ok(key);
}

export function deleteAccessKey(state: MemoryState, accessKeyId: string): Result<M.AccessKey> {
  const key = state.accessKeys.get(accessKeyId);
  if (key === undefined) return notFound('access key', accessKeyId);
  state.accessKeys.delete(accessKeyId);
  return ok(key);
}

export function listAccessKeys(state: MemoryState, userId?: string): M.AccessKey[] {
  const keys = [...state.accessKeys.values()].filter((k) => userId === undefined || k.userId === userId);
  return sortedBy(keys, (k) => `${k.userId} ${k.createdAt} ${k.accessKeyId}`);
}
