import type { Attachment, AttachmentScope, CustomPolicy, Principal } from '../../backend/index.js';
import { decodePolicyDocument, type PlainValue } from '../../schema/index.js';
import type { JsonObject } from '../../state/index.js';
import { decodeAttachmentId, encodeAttachmentId } from '../attachment-id.js';
import type { RemoteObject } from '../types.js';
import { boolAttr, compact, deleted, failure, isFailure, mapResult, remote, requiredString, stringAttr, type Failure, type KindContext, type KindHandler } from './common.js';

/** `iam_policy` (custom policies) and `iam_policy_attachment`. */

function policyObject(policy: CustomPolicy): RemoteObject {
  return remote(policy.id, {
    name: policy.displayName,
    description: policy.description,
    scope: policy.type === 'AX' ? 'global' : 'project',
    policy: policy.document as JsonObject,
  });
}

function policyType(values: JsonObject): 'AX' | 'XA' {
  return stringAttr(values, 'scope') === 'global' ? 'AX' : 'XA';
}

function documentOf(values: JsonObject): { ok: true; value: unknown } | Failure {
  const decoded = decodePolicyDocument((values['policy'] ?? null) as PlainValue);
  return decoded.ok ? { ok: true, value: decoded.value } : failure(400, 'IAM.0011', decoded.reason, 'policy');
}

export const policies: KindHandler = {
  list: (ctx) => ctx.memo('custom_policies', () => ctx.port.listCustomPolicies()).map(policyObject),
  create(ctx, values) {
    const name = requiredString(values, 'name');
    if (isFailure(name)) return name;
    const document = documentOf(values);
    if (!document.ok) return document;
    return mapResult(ctx.port.createCustomPolicy({ displayName: name, description: stringAttr(values, 'description') ?? '', type: policyType(values), document: document.value }), policyObject);
  },
  update(ctx, id, _prior, values) {
    const document = documentOf(values);
    if (!document.ok) return document;
    return mapResult(
      ctx.port.updateCustomPolicy(id, compact({ displayName: stringAttr(values, 'name'), description: stringAttr(values, 'description'), type: policyType(values), document: document.value })),
      policyObject,
    );
  },
  delete: (ctx, id) => deleted(ctx.port.deleteCustomPolicy(id)),
};

function attachmentAttributes(principal: Principal, policyId: string, scope: AttachmentScope): JsonObject {
  return {
    group: principal.kind === 'group' ? principal.groupId : null,
    user: principal.kind === 'user' ? principal.userId : null,
    policy: policyId,
    project: scope.kind === 'project' ? scope.projectId : null,
    all_projects: scope.kind === 'all_projects',
    global: scope.kind === 'global',
    enterprise_project: scope.kind === 'enterprise_project' ? scope.enterpriseProjectId : null,
  };
}

function attachmentObject(ctx: KindContext, a: Attachment): RemoteObject {
  const id = encodeAttachmentId(a);
  ctx.attachmentIds.set(id, a.id);
  return remote(id, attachmentAttributes(a.principal, a.policyId, a.scope));
}

/** The attachment a config describes; exactly one principal and one scope (the schema's rules). */
function attachmentInput(values: JsonObject): { principal: Principal; policyId: string; scope: AttachmentScope } | Failure {
  const group = stringAttr(values, 'group');
  const user = stringAttr(values, 'user');
  const policyId = requiredString(values, 'policy');
  if (isFailure(policyId)) return policyId;
  if ((group === undefined) === (user === undefined)) return failure(400, 'IAM.0007', 'Exactly one of "group" and "user" must be set', group === undefined ? 'group' : 'user');
  const principal: Principal = group !== undefined ? { kind: 'group', groupId: group } : { kind: 'user', userId: user as string };
  const scopes: AttachmentScope[] = [];
  const project = stringAttr(values, 'project');
  const enterprise = stringAttr(values, 'enterprise_project');
  if (project !== undefined) scopes.push({ kind: 'project', projectId: project });
  if (boolAttr(values, 'all_projects') === true) scopes.push({ kind: 'all_projects' });
  if (boolAttr(values, 'global') === true) scopes.push({ kind: 'global' });
  if (enterprise !== undefined) scopes.push({ kind: 'enterprise_project', enterpriseProjectId: enterprise });
  const [scope] = scopes;
  if (scope === undefined || scopes.length > 1) return failure(400, 'IAM.0007', 'Exactly one scope must be set: project, all_projects, global or enterprise_project', 'project');
  return { principal, policyId, scope };
}

/** The backend id of an attachment id: from the index, else after one bulk list. */
function backendAttachmentId(ctx: KindContext, id: string): string | undefined {
  const known = ctx.attachmentIds.get(id);
  if (known !== undefined) return known;
  for (const a of ctx.port.listAttachments()) ctx.attachmentIds.set(encodeAttachmentId(a), a.id);
  return ctx.attachmentIds.get(id);
}

/** Every attribute forces replacement, so there is no update. */
export const attachments: KindHandler = {
  list: (ctx) => ctx.memo('attachments', () => ctx.port.listAttachments()).map((a) => attachmentObject(ctx, a)),
  create(ctx, values) {
    const input = attachmentInput(values);
    if (isFailure(input)) return input;
    return mapResult(ctx.port.createAttachment(input), (a) => attachmentObject(ctx, a));
  },
  update: (_ctx, id) => failure(400, 'IAM.0007', `The attachment ${id} cannot be changed in place: every attribute forces replacement`),
  delete(ctx, id) {
    if (decodeAttachmentId(id) === undefined) return failure(400, 'IAM.0007', `"${id}" is not an attachment id (<principal>/<policy>/<scope>)`);
    const backendId = backendAttachmentId(ctx, id);
    if (backendId === undefined) return { ok: true, value: undefined };
    const result = ctx.port.deleteAttachment(backendId);
    ctx.attachmentIds.delete(id);
    return deleted(result);
  },
};
