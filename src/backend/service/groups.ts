import { newId } from '../crypto/secrets.js';
import { ErrorCode, conflict, fail, notFound, ok, type Result } from '../errors.js';
import type { Group, GroupCreate, GroupUpdate, Membership } from '../model/types.js';
import { checkDescription, checkObjectName } from '../rules/name-rules.js';
import { groupFromRow } from '../store/rows.js';
import { removeAttachments, removeMembership, removeMemberships } from './cascade.js';
import type { ServiceContext } from './context.js';
import { getUserRow } from './users.js';

type Row = Record<string, unknown>;

function getGroupRow(ctx: ServiceContext, id: string): Row | undefined {
  return ctx.db.statement('SELECT * FROM groups WHERE id = ?').get(id) as Row | undefined;
}

export function getGroup(ctx: ServiceContext, id: string): Result<Group> {
  const row = getGroupRow(ctx, id);
  return row ? ok(groupFromRow(row)) : fail(notFound('group', id));
}

export function findGroup(ctx: ServiceContext, idOrName: string): Result<Group> {
  const row = getGroupRow(ctx, idOrName) ?? (ctx.db.statement('SELECT * FROM groups WHERE name_key = ?').get(idOrName.toLowerCase()) as Row | undefined);
  return row ? ok(groupFromRow(row)) : fail(notFound('group', idOrName));
}

export function listGroups(ctx: ServiceContext): Group[] {
  return (ctx.db.statement('SELECT * FROM groups ORDER BY name_key').all() as Row[]).map(groupFromRow);
}

function nameTaken(ctx: ServiceContext, name: string, selfId: string | null): boolean {
  const row = ctx.db.statement('SELECT id FROM groups WHERE name_key = ?').get(name.toLowerCase()) as { id: string } | undefined;
  return row !== undefined && row.id !== selfId;
}

export function createGroup(ctx: ServiceContext, input: GroupCreate): Result<Group> {
  const description = input.description ?? '';
  const problem = checkObjectName('group', input.name) ?? checkDescription(description);
  if (problem) return fail(problem);
  return ctx.db.write(() => {
    if (nameTaken(ctx, input.name, null)) return fail<Group>(conflict(ErrorCode.conflict, `A group named "${input.name}" already exists`, 'name'));
    const id = newId(ctx.random);
    const now = ctx.now();
    ctx.db
      .statement('INSERT INTO groups (id, name, name_key, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.name, input.name.toLowerCase(), description, now, now);
    const group = groupFromRow(getGroupRow(ctx, id) as Row);
    ctx.audit('create', 'group', id, null, group);
    return ok(group);
  });
}

export function updateGroup(ctx: ServiceContext, id: string, input: GroupUpdate): Result<Group> {
  return ctx.db.write(() => {
    const row = getGroupRow(ctx, id);
    if (!row) return fail<Group>(notFound('group', id));
    const before = groupFromRow(row);
    const name = input.name ?? before.name;
    const description = input.description ?? before.description;
    const problem = checkObjectName('group', name) ?? checkDescription(description);
    if (problem) return fail<Group>(problem);
    if (nameTaken(ctx, name, id)) return fail<Group>(conflict(ErrorCode.conflict, `A group named "${name}" already exists`, 'name'));
    ctx.db
      .statement('UPDATE groups SET name = ?, name_key = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(name, name.toLowerCase(), description, ctx.now(), id);
    const after = groupFromRow(getGroupRow(ctx, id) as Row);
    ctx.audit('update', 'group', id, before, after);
    return ok(after);
  });
}

/** Deleting a group removes its memberships and attachments, as the real service does. */
export function deleteGroup(ctx: ServiceContext, id: string): Result<Group> {
  return ctx.db.write(() => {
    const row = getGroupRow(ctx, id);
    if (!row) return fail<Group>(notFound('group', id));
    const before = groupFromRow(row);
    removeMemberships(ctx, 'group_id', id);
    removeAttachments(ctx, 'group_id', id);
    ctx.db.statement('DELETE FROM groups WHERE id = ?').run(id);
    ctx.audit('delete', 'group', id, before, null);
    return ok(before);
  });
}

/** Every membership of the account (one bulk call for refresh), ordered by group then user. */
export function listMemberships(ctx: ServiceContext): Membership[] {
  const rows = ctx.db.statement('SELECT group_id, user_id FROM memberships ORDER BY group_id, user_id').all() as Row[];
  return rows.map((r) => ({ groupId: String(r['group_id']), userId: String(r['user_id']) }));
}

export function groupMembers(ctx: ServiceContext, groupId: string): Result<string[]> {
  if (!getGroupRow(ctx, groupId)) return fail(notFound('group', groupId));
  const rows = ctx.db.statement('SELECT user_id FROM memberships WHERE group_id = ? ORDER BY user_id').all(groupId) as Row[];
  return ok(rows.map((r) => String(r['user_id'])));
}

export function addMember(ctx: ServiceContext, groupId: string, userId: string): Result<Membership> {
  return ctx.db.write(() => {
    if (!getGroupRow(ctx, groupId)) return fail<Membership>(notFound('group', groupId, 'group'));
    if (!getUserRow(ctx, userId)) return fail<Membership>(notFound('user', userId, 'users'));
    const result = ctx.db.statement('INSERT OR IGNORE INTO memberships (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
    if (Number(result.changes) > 0) ctx.audit('create', 'membership', `${groupId}/${userId}`, null, { groupId, userId });
    return ok({ groupId, userId });
  });
}

export function removeMember(ctx: ServiceContext, groupId: string, userId: string): Result<Membership> {
  return ctx.db.write(() => {
    if (!getGroupRow(ctx, groupId)) return fail<Membership>(notFound('group', groupId, 'group'));
    if (!removeMembership(ctx, groupId, userId)) return fail<Membership>(notFound('membership', `${groupId}/${userId}`, 'users'));
    return ok({ groupId, userId });
  });
}

/**
 * Makes `userIds` exactly the group's members (the authoritative `iam_group_membership`).
 * All or nothing: an unknown user id fails the whole call and changes nothing.
 */
export function setMembers(ctx: ServiceContext, groupId: string, userIds: readonly string[]): Result<string[]> {
  return ctx.db.write(() => {
    if (!getGroupRow(ctx, groupId)) return fail<string[]>(notFound('group', groupId, 'group'));
    const wanted = new Set(userIds);
    for (const userId of wanted) if (!getUserRow(ctx, userId)) return fail<string[]>(notFound('user', userId, 'users'));
    const current = groupMembers(ctx, groupId);
    if (!current.ok) return current;
    for (const userId of current.value) if (!wanted.has(userId)) removeMembership(ctx, groupId, userId);
    for (const userId of wanted) addMember(ctx, groupId, userId);
    return groupMembers(ctx, groupId);
  });
}
