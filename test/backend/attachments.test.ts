import { describe, expect, it } from 'vitest';
import { unwrap, type AttachmentScope, type IamService } from '../../src/backend/index.js';
import { serviceForEachTest, policyId, projectId } from './helpers.js';

let service: IamService;
let groupId: string;
serviceForEachTest((opened) => {
  service = opened;
  groupId = unwrap(service.createGroup({ name: 'team' })).id;
});

function scopeOf(kind: AttachmentScope['kind']): AttachmentScope {
  switch (kind) {
    case 'project':
      return { kind, projectId: projectId(service, 'eu-de') };
    case 'enterprise_project':
      return { kind, enterpriseProjectId: '0' };
    case 'all_projects':
    case 'global':
      return { kind };
  }
}

describe('attachment scope rules', () => {
  it.each<[string, AttachmentScope['kind'], string | undefined, string | undefined]>([
    ['ECS ReadOnlyAccess', 'project', undefined, undefined],
    ['ECS ReadOnlyAccess', 'all_projects', undefined, undefined],
    ['ECS ReadOnlyAccess', 'enterprise_project', undefined, undefined],
    ['ECS ReadOnlyAccess', 'global', 'IAM.0007', 'scope'],
    ['Security Administrator', 'global', undefined, undefined],
    ['Security Administrator', 'project', 'IAM.0007', 'scope'],
    ['Security Administrator', 'all_projects', 'IAM.0007', 'scope'],
    ['Tenant Guest', 'global', undefined, undefined],
    ['Tenant Guest', 'project', undefined, undefined],
    ['Tenant Guest', 'all_projects', undefined, undefined],
    ['Tenant Guest', 'enterprise_project', 'IAM.0007', 'enterprise_project'],
    ['Server Administrator', 'enterprise_project', 'IAM.0007', 'enterprise_project'],
    ['IAM ReadOnlyAccess', 'global', undefined, undefined],
    ['IAM ReadOnlyAccess', 'enterprise_project', 'IAM.0007', 'scope'],
  ])('%s at %s → %s', (policy, kind, code, field) => {
    const result = service.createAttachment({ principal: { kind: 'group', groupId }, policyId: policyId(service, policy), scope: scopeOf(kind) });
    if (code === undefined) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok ? undefined : result.error).toMatchObject({ status: 400, code, field });
      if (!result.ok) expect(result.error.message).toContain(policy);
    }
  });

  it('refuses the same grant twice (409) but allows it at another scope or directly to a user', () => {
    const ro = policyId(service, 'ECS ReadOnlyAccess');
    const eu = projectId(service, 'eu-de');
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId }, policyId: ro, scope: { kind: 'project', projectId: eu } }));
    const dup = service.createAttachment({ principal: { kind: 'group', groupId }, policyId: ro, scope: { kind: 'project', projectId: eu } });
    expect(dup.ok ? undefined : dup.error).toMatchObject({ status: 409, code: 'IAM.0005' });
    const nl = projectId(service, 'eu-nl');
    expect(service.createAttachment({ principal: { kind: 'group', groupId }, policyId: ro, scope: { kind: 'project', projectId: nl } }).ok).toBe(true);
    const user = unwrap(service.createUser({ name: 'alice' }));
    expect(service.createAttachment({ principal: { kind: 'user', userId: user.id }, policyId: ro, scope: { kind: 'project', projectId: eu } }).ok).toBe(true);
    expect(service.listAttachments()).toHaveLength(3);
  });

  it.each<[string, () => Parameters<IamService['createAttachment']>[0], string]>([
    ['an unknown policy', () => ({ principal: { kind: 'group', groupId }, policyId: 'f'.repeat(32), scope: { kind: 'global' } }), 'policy'],
    ['an unknown group', () => ({ principal: { kind: 'group', groupId: 'f'.repeat(32) }, policyId: policyId(service, 'Tenant Guest'), scope: { kind: 'global' } }), 'group'],
    ['an unknown user', () => ({ principal: { kind: 'user', userId: 'f'.repeat(32) }, policyId: policyId(service, 'Tenant Guest'), scope: { kind: 'global' } }), 'user'],
    [
      'an unknown project',
      () => ({ principal: { kind: 'group', groupId }, policyId: policyId(service, 'Tenant Guest'), scope: { kind: 'project', projectId: 'f'.repeat(32) } }),
      'project',
    ],
    [
      'an unknown enterprise project',
      () => ({ principal: { kind: 'group', groupId }, policyId: policyId(service, 'ECS FullAccess'), scope: { kind: 'enterprise_project', enterpriseProjectId: 'nope' } }),
      'enterprise_project',
    ],
  ])('refuses %s with IAM.0004', (_what, input, field) => {
    const result = service.createAttachment(input());
    expect(result.ok ? undefined : result.error).toMatchObject({ status: 404, code: 'IAM.0004', field });
  });

  it('deletes an attachment; deleting it again is IAM.0004', () => {
    const a = unwrap(service.createAttachment({ principal: { kind: 'group', groupId }, policyId: policyId(service, 'Tenant Guest'), scope: { kind: 'global' } }));
    expect(unwrap(service.deleteAttachment(a.id))).toEqual(a);
    const again = service.deleteAttachment(a.id);
    expect(again.ok ? undefined : again.error.code).toBe('IAM.0004');
  });
});
