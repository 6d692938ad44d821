import { newId } from '../crypto/secrets.js';
import { ErrorCode, conflict, fail, invalid, notFound, ok, type BackendError, type Result } from '../errors.js';
import type { Attachment, AttachmentCreate } from '../model/types.js';
import { checkScopeFits } from '../rules/attachment-rules.js';
import { attachmentFromRow, attachmentKey } from '../store/rows.js';
import type { ServiceContext } from './context.js';
import { findPolicy } from './policies.js';

type Row = Record<string, unknown>;

export function getAttachment(ctx: ServiceContext, id: string): Result<Attachment> {
  const row = ctx.db.statement('SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
  return row ? ok(attachmentFromRow(row)) : fail(notFound('attachment', id));
}

/** Every attachment of the account (one bulk call for refresh). */
export function listAttachments(ctx: ServiceContext): Attachment[] {
  return (ctx.db.statement('SELECT * FROM attachments ORDER BY created_at, id').all() as Row[]).map(attachmentFromRow);
}

function checkReferences(ctx: ServiceContext, input: AttachmentCreate): BackendError | undefined {
  const principal = input.principal;
  switch (principal.kind) {
    case 'group':
      if (!ctx.db.statement('SELECT 1 FROM groups WHERE id = ?').get(principal.groupId)) return notFound('group', principal.groupId, 'group');
      break;
    case 'user':
      if (!ctx.db.statement('SELECT 1 FROM users WHERE id = ?').get(principal.userId)) return notFound('user', principal.userId, 'user');
      break;
    default: {
      const unknown: never = principal;
      return invalid(ErrorCode.invalidParam, `Unknown principal ${JSON.stringify(unknown)}`);
    }
  }
  const scope = input.scope;
  if (scope.kind === 'project' && !ctx.db.statement('SELECT 1 FROM projects WHERE id = ?').get(scope.projectId)) {
    return notFound('project', scope.projectId, 'project');
  }
  if (scope.kind === 'enterprise_project' && !ctx.db.statement('SELECT 1 FROM enterprise_projects WHERE id = ?').get(scope.enterpriseProjectId)) {
    return notFound('enterprise project', scope.enterpriseProjectId, 'enterprise_project');
  }
  return undefined;
}

export function createAttachment(ctx: ServiceContext, input: AttachmentCreate): Result<Attachment> {
  return ctx.db.write(() => {
    const policy = findPolicy(ctx, input.policyId);
    if (!policy.ok || policy.value.id !== input.policyId) return fail<Attachment>(notFound('policy', input.policyId, 'policy'));
    const problem = checkReferences(ctx, input) ?? checkScopeFits(policy.value, input.scope);
    if (problem) return fail<Attachment>(problem);
    const key = attachmentKey(input.principal, input.policyId, input.scope);
    if (ctx.db.statement('SELECT 1 FROM attachments WHERE dedupe_key = ?').get(key)) {
      return fail<Attachment>(conflict(ErrorCode.conflict, `The policy "${policy.value.displayName}" is already attached there`, 'policy'));
    }
    const id = newId(ctx.random);
    const { principal, scope } = input;
    ctx.db
      .statement(
        `INSERT INTO attachments (id, group_id, user_id, policy_id, custom_policy_id, scope_kind, project_id, enterprise_project_id, dedupe_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        principal.kind === 'group' ? principal.groupId : null,
        principal.kind === 'user' ? principal.userId : null,
        input.policyId,
        policy.value.kind === 'custom' ? input.policyId : null,
        scope.kind,
        scope.kind === 'project' ? scope.projectId : null,
        scope.kind === 'enterprise_project' ? scope.enterpriseProjectId : null,
        key,
        ctx.now(),
      );
    const created = attachmentFromRow(ctx.db.statement('SELECT * FROM attachments WHERE id = ?').get(id) as Row);
    ctx.audit('create', 'attachment', id, null, created);
    return ok(created);
  });
}

export function deleteAttachment(ctx: ServiceContext, id: string): Result<Attachment> {
  return ctx.db.write(() => {
    const found = getAttachment(ctx, id);
    if (!found.ok) return found;
    ctx.db.statement('DELETE FROM attachments WHERE id = ?').run(id);
    ctx.audit('delete', 'attachment', id, found.value, null);
    return found;
  });
}
