import type { Group } from '../../backend/index.js';
import type { JsonObject } from '../../state/index.js';
import { compact, deleted, failure, isFailure, mapResult, remote, requiredString, stringAttr, type KindHandler } from './common.js';

/** `iam_group` and `iam_group_membership` (whose id is its group's id). */

function groupObject(group: Group): { id: string; attributes: JsonObject } {
  return remote(group.id, { name: group.name, description: group.description });
}

export const groups: KindHandler = {
  list: (ctx) => ctx.memo('groups', () => ctx.port.listGroups()).map(groupObject),
  create(ctx, values) {
    const name = requiredString(values, 'name');
    if (isFailure(name)) return name;
    return mapResult(ctx.port.createGroup({ name, description: stringAttr(values, 'description') }), groupObject);
  },
  update: (ctx, id, _prior, values) => mapResult(ctx.port.updateGroup(id, compact({ name: stringAttr(values, 'name'), description: stringAttr(values, 'description') })), groupObject),
  delete: (ctx, id) => deleted(ctx.port.deleteGroup(id)),
};

function membershipObject(groupId: string, userIds: readonly string[]): { id: string; attributes: JsonObject } {
  return remote(groupId, { group: groupId, users: [...userIds].sort() });
}

function userIds(values: JsonObject): string[] | undefined {
  const users = values['users'];
  if (users === undefined || users === null) return [];
  if (!Array.isArray(users) || users.some((u) => typeof u !== 'string')) return undefined;
  return users as string[];
}

/**
 * Authoritative: create and update make the listed users exactly the group's members, delete
 * empties the group. Every group has a membership object in a refresh (possibly empty), so
 * that members removed outside iamform show as a change, not as a deleted object.
 */
export const memberships: KindHandler = {
  list(ctx) {
    const byGroup = new Map<string, string[]>();
    for (const group of ctx.memo('groups', () => ctx.port.listGroups())) byGroup.set(group.id, []);
    for (const m of ctx.memo('memberships', () => ctx.port.listMemberships())) byGroup.get(m.groupId)?.push(m.userId);
    return [...byGroup].map(([groupId, ids]) => membershipObject(groupId, ids));
  },
  create(ctx, values) {
    const group = requiredString(values, 'group');
    if (isFailure(group)) return group;
    const ids = userIds(values);
    if (ids === undefined) return failure(400, 'IAM.0073', '"users" must be a list of user ids', 'users');
    return mapResult(ctx.port.setMembers(group, ids), (members) => membershipObject(group, members));
  },
  update(ctx, id, _prior, values) {
    const ids = userIds(values);
    if (ids === undefined) return failure(400, 'IAM.0073', '"users" must be a list of user ids', 'users');
    return mapResult(ctx.port.setMembers(id, ids), (members) => membershipObject(id, members));
  },
  delete: (ctx, id) => deleted(ctx.port.setMembers(id, [])),
};
