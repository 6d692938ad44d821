import { accessKeyFromRow, attachmentFromRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';

/**
 * Removal of dependent objects, each one audited. The foreign keys would cascade too; doing it
 * here first is what puts every removed membership, attachment and key into the audit log.
 */

type Row = Record<string, unknown>;

export function removeMemberships(ctx: ServiceContext, column: 'group_id' | 'user_id', id: string): void {
  const rows = ctx.db.statement(`SELECT group_id, user_id FROM memberships WHERE ${column} = ?`).all(id) as Row[];
  for (const row of rows) removeMembership(ctx, String(row['group_id']), String(row['user_id']));
}

export function removeMembership(ctx: ServiceContext, groupId: string, userId: string): boolean {
  const result = ctx.db.statement('DELETE FROM memberships WHERE group_id = ? AND user_id = ?').run(groupId, userId);
  if (Number(result.changes) === 0) return false;
  ctx.audit('delete', 'membership', `${groupId}/${userId}`, { groupId, userId }, null);
  return true;
}

export function removeAttachments(ctx: ServiceContext, column: 'group_id' | 'user_id' | 'project_id' | 'enterprise_project_id', id: string): void {
  const rows = ctx.db.statement(`SELECT * FROM attachments WHERE ${column} = ?`).all(id) as Row[];
  for (const row of rows) {
    const attachment = attachmentFromRow(row);
    ctx.db.statement('DELETE FROM attachments WHERE id = ?').run(attachment.id);
    ctx.audit('delete', 'attachment', attachment.id, attachment, null);
  }
}

export function removeAccessKeys(ctx: ServiceContext, userId: string): void {
  const rows = ctx.db.statement('SELECT * FROM access_keys WHERE user_id = ?').all(userId) as Row[];
  for (const row of rows) {
    const key = accessKeyFromRow(row);
    ctx.db.statement('DELETE FROM access_keys WHERE access_key_id = ?').run(key.accessKeyId);
    ctx.audit('delete', 'access_key', key.accessKeyId, key, null);
  }
}
