import { describe, expect, it } from 'vitest';
import { unwrap, type IamService } from '../../src/backend/index.js';
import { serviceForEachTest, policyId, projectId } from './helpers.js';

let service: IamService;
serviceForEachTest((opened) => (service = opened));

describe('groups', () => {
  it('creates, renames and lists groups; names are unique case-insensitively', () => {
    const group = unwrap(service.createGroup({ name: 'ecs-viewers', description: 'read only' }));
    expect(group.id).toMatch(/^[0-9a-f]{32}$/);
    const dup = service.createGroup({ name: 'ECS-Viewers' });
    expect(dup.ok ? undefined : dup.error).toMatchObject({ status: 409, code: 'IAM.0005', field: 'name' });
    const renamed = unwrap(service.updateGroup(group.id, { name: 'viewers' }));
    expect(renamed).toMatchObject({ name: 'viewers', description: 'read only' });
    expect(service.listGroups().map((g) => g.name)).toEqual(['viewers']);
  });

  it.each<[string, { name: string; description?: string }, string, string]>([
    ['an empty name', { name: '' }, 'IAM.0073', 'name'],
    ['a blank name', { name: '   ' }, 'IAM.0073', 'name'],
    ['a 65-character name', { name: 'g'.repeat(65) }, 'IAM.0073', 'name'],
    ['a 256-character description', { name: 'g', description: 'd'.repeat(256) }, 'IAM.1117', 'description'],
  ])('refuses %s', (_what, input, code, field) => {
    const result = service.createGroup(input);
    expect(result.ok ? undefined : result.error).toMatchObject({ status: 400, code, field });
  });
});

describe('memberships', () => {
  it('adds, removes and sets members authoritatively', () => {
    const group = unwrap(service.createGroup({ name: 'team' }));
    const [a, b, c] = ['alice', 'bob', 'carol'].map((name) => unwrap(service.createUser({ name })));
    if (!a || !b || !c) throw new Error('users');
    unwrap(service.addMember(group.id, a.id));
    unwrap(service.addMember(group.id, a.id)); // idempotent
    expect(unwrap(service.groupMembers(group.id))).toEqual([a.id]);
    expect(unwrap(service.setMembers(group.id, [b.id, c.id])).sort()).toEqual([b.id, c.id].sort());
    unwrap(service.removeMember(group.id, b.id));
    expect(service.listMemberships()).toEqual([{ groupId: group.id, userId: c.id }]);
    const missing = service.removeMember(group.id, b.id);
    expect(missing.ok ? undefined : missing.error).toMatchObject({ status: 404, code: 'IAM.0004' });
  });

  it('setMembers with an unknown user changes nothing', () => {
    const group = unwrap(service.createGroup({ name: 'team' }));
    const a = unwrap(service.createUser({ name: 'alice' }));
    unwrap(service.addMember(group.id, a.id));
    const result = service.setMembers(group.id, ['f'.repeat(32)]);
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'IAM.0004', field: 'users' });
    expect(unwrap(service.groupMembers(group.id))).toEqual([a.id]);
  });

  it('adding to an unknown group or an unknown user is IAM.0004', () => {
    const a = unwrap(service.createUser({ name: 'alice' }));
    const group = unwrap(service.createGroup({ name: 'team' }));
    expect(service.addMember('0'.repeat(32), a.id).ok).toBe(false);
    const noUser = service.addMember(group.id, '0'.repeat(32));
    expect(noUser.ok ? undefined : noUser.error).toMatchObject({ code: 'IAM.0004', field: 'users' });
  });
});

describe('cascades', () => {
  it('deleting a group removes its memberships and attachments, not the users', () => {
    const group = unwrap(service.createGroup({ name: 'team' }));
    const other = unwrap(service.createGroup({ name: 'other' }));
    const a = unwrap(service.createUser({ name: 'alice' }));
    unwrap(service.setMembers(group.id, [a.id]));
    unwrap(service.setMembers(other.id, [a.id]));
    const ro = policyId(service, 'ECS ReadOnlyAccess');
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: ro, scope: { kind: 'project', projectId: projectId(service, 'eu-de') } }));
    const kept = unwrap(service.createAttachment({ principal: { kind: 'group', groupId: other.id }, policyId: ro, scope: { kind: 'all_projects' } }));
    unwrap(service.deleteGroup(group.id));
    expect(service.listMemberships()).toEqual([{ groupId: other.id, userId: a.id }]);
    expect(service.listAttachments().map((x) => x.id)).toEqual([kept.id]);
    expect(service.listUsers()).toHaveLength(1);
    const deletions = service.auditLog().filter((e) => e.operation === 'delete').map((e) => e.objectKind);
    expect(deletions).toEqual(['membership', 'attachment', 'group']);
  });

  it('deleting a user removes memberships, direct attachments and access keys', () => {
    const group = unwrap(service.createGroup({ name: 'team' }));
    const a = unwrap(service.createUser({ name: 'alice', accessMode: 'programmatic' }));
    const b = unwrap(service.createUser({ name: 'bob', accessMode: 'programmatic' }));
    unwrap(service.setMembers(group.id, [a.id, b.id]));
    const ro = policyId(service, 'ECS ReadOnlyAccess');
    unwrap(service.createAttachment({ principal: { kind: 'user', userId: a.id }, policyId: ro, scope: { kind: 'all_projects' } }));
    const groupGrant = unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: ro, scope: { kind: 'all_projects' } }));
    unwrap(service.createAccessKey({ userId: a.id }));
    const bobKey = unwrap(service.createAccessKey({ userId: b.id }));
    unwrap(service.deleteUser(a.id));
    expect(service.listMemberships()).toEqual([{ groupId: group.id, userId: b.id }]);
    expect(service.listAttachments().map((x) => x.id)).toEqual([groupGrant.id]);
    expect(service.listAccessKeys().map((k) => k.accessKeyId)).toEqual([bobKey.accessKeyId]);
    const deletions = service.auditLog().filter((e) => e.operation === 'delete').map((e) => e.objectKind);
    expect(deletions).toEqual(['membership', 'attachment', 'access_key', 'user']);
  });

  it('deleting a sub-project removes the attachments on it; region projects cannot be deleted', () => {
    const project = unwrap(service.createProject({ name: 'eu-de_team' }));
    const group = unwrap(service.createGroup({ name: 'team' }));
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(service, 'ECS FullAccess'), scope: { kind: 'project', projectId: project.id } }));
    unwrap(service.deleteProject(project.id));
    expect(service.listAttachments()).toEqual([]);
    const region = service.deleteProject(projectId(service, 'eu-de'));
    expect(region.ok ? undefined : region.error).toMatchObject({ status: 400, code: 'IAM.1107' });
  });
});
