import { describe, expect, it } from 'vitest';
import { unwrap, type IamService } from '../../src/backend/index.js';
import { serviceForEachTest, policyId, projectId } from './helpers.js';

/**
 * The seed's process flow (ECS user guide, "Creating a User and Granting ECS Permissions")
 * against a real database file, and the FullAccess-plus-Deny and role-dependency cases.
 */
let service: IamService;
serviceForEachTest((opened) => (service = opened));

function seedViewer(): { userId: string; groupId: string; attachmentId: string } {
  const group = unwrap(service.createGroup({ name: 'ecs-viewers' }));
  const attachment = unwrap(
    service.createAttachment({
      principal: { kind: 'group', groupId: group.id },
      policyId: policyId(service, 'ECS ReadOnlyAccess'),
      scope: { kind: 'project', projectId: projectId(service, 'eu-de') },
    }),
  );
  const user = unwrap(service.createUser({ name: 'alice', email: 'alice@example.com', accessMode: 'console' }));
  unwrap(service.setMembers(group.id, [user.id]));
  return { userId: user.id, groupId: group.id, attachmentId: attachment.id };
}

describe('the seed process flow: ECS ReadOnlyAccess in eu-de through a group', () => {
  it('allows ecs:servers:list in eu-de, explained by the policy, attachment, group and scope', () => {
    const seeded = seedViewer();
    const answer = unwrap(service.can({ user: 'alice', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-de' } }));
    expect(answer.decision.decision).toBe('allow');
    expect(answer.decision.explicit).toBe(false);
    expect(answer.decision.matched.length).toBeGreaterThan(0);
    const m = answer.decision.matched[0];
    expect(m).toMatchObject({
      effect: 'Allow',
      policy: { name: 'ECS ReadOnlyAccess' },
      via: { kind: 'group', groupId: seeded.groupId, groupName: 'ecs-viewers' },
      scope: { kind: 'project', projectName: 'eu-de' },
      attachmentId: seeded.attachmentId,
    });
    expect(m?.pattern).toBe('ecs:*:list*');
  });

  it.each([
    ['ecs:servers:create', 'eu-de'],
    ['ecs:cloudServers:create', 'eu-de'],
    ['ecs:servers:list', 'eu-nl'],
  ])('denies %s in %s, with the reason', (action, project) => {
    seedViewer();
    const answer = unwrap(service.can({ user: 'alice', action, target: { kind: 'project', project } }));
    expect(answer.decision).toMatchObject({ decision: 'deny', explicit: false, matched: [] });
    expect(answer.decision.reason).toContain(action);
    expect(answer.decision.reason).toContain(project);
  });

  it('a grant in eu-de shows as a near miss when asking about eu-nl', () => {
    seedViewer();
    const answer = unwrap(service.can({ user: 'alice', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-nl' } }));
    expect(answer.decision.nearMisses.map((n) => [n.policy.name, n.why])).toContainEqual(['ECS ReadOnlyAccess', 'scope']);
  });

  it('the user loses the permission when removed from the group, and the cache notices', () => {
    const seeded = seedViewer();
    const ask = () => unwrap(service.can({ user: seeded.userId, action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-de' } })).decision.decision;
    expect(ask()).toBe('allow');
    unwrap(service.removeMember(seeded.groupId, seeded.userId));
    expect(ask()).toBe('deny');
  });

  it('all projects covers projects created later', () => {
    const group = unwrap(service.createGroup({ name: 'everywhere' }));
    const user = unwrap(service.createUser({ name: 'bob' }));
    unwrap(service.setMembers(group.id, [user.id]));
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(service, 'ECS ReadOnlyAccess'), scope: { kind: 'all_projects' } }));
    unwrap(service.createProject({ name: 'eu-nl_later' }));
    const answer = unwrap(service.can({ user: 'bob', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-nl_later' } }));
    expect(answer.decision.decision).toBe('allow');
  });

  it('direct user grants count like group grants', () => {
    const user = unwrap(service.createUser({ name: 'carol' }));
    unwrap(service.createAttachment({ principal: { kind: 'user', userId: user.id }, policyId: policyId(service, 'ECS ReadOnlyAccess'), scope: { kind: 'project', projectId: projectId(service, 'eu-nl') } }));
    const answer = unwrap(service.can({ user: 'carol', action: 'ecs:servers:get', target: { kind: 'project', project: 'eu-nl' } }));
    expect(answer.decision.decision).toBe('allow');
    expect(answer.decision.matched[0]?.via).toEqual({ kind: 'user' });
  });

  it('unknown users and projects are errors, not denials', () => {
    seedViewer();
    const noUser = service.can({ user: 'mallory', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-de' } });
    expect(noUser.ok ? undefined : noUser.error).toMatchObject({ status: 404, code: 'IAM.0004', field: 'user' });
    const noProject = service.can({ user: 'alice', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-xx' } });
    expect(noProject.ok ? undefined : noProject.error).toMatchObject({ status: 404, code: 'IAM.0004', field: 'project' });
  });
});

describe('ECS FullAccess with a custom Deny', () => {
  it('denies deleting (explicitly) and allows starting', () => {
    const group = unwrap(service.createGroup({ name: 'operators' }));
    const user = unwrap(service.createUser({ name: 'dave' }));
    unwrap(service.setMembers(group.id, [user.id]));
    const eu = projectId(service, 'eu-de');
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(service, 'ECS FullAccess'), scope: { kind: 'project', projectId: eu } }));
    const deny = unwrap(
      service.createCustomPolicy({
        displayName: 'no-ecs-delete',
        description: 'operators may not delete servers',
        type: 'XA',
        document: { Version: '1.1', Statement: [{ Effect: 'Deny', Action: ['ecs:cloudServers:delete*'] }] },
      }),
    );
    expect(deny.name).toMatch(/^custom_[0-9a-f]{32}_1$/);
    const attachment = unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: deny.id, scope: { kind: 'project', projectId: eu } }));
    expect(unwrap(service.getCustomPolicy(deny.id)).references).toBe(1);

    const del = unwrap(service.can({ user: 'dave', action: 'ecs:cloudServers:delete', target: { kind: 'project', project: 'eu-de' } }));
    expect(del.decision).toMatchObject({ decision: 'deny', explicit: true });
    expect(del.decision.matched.map((m) => [m.effect, m.policy.name, m.attachmentId])).toEqual([['Deny', 'no-ecs-delete', attachment.id]]);

    const start = unwrap(service.can({ user: 'dave', action: 'ecs:cloudServers:start', target: { kind: 'project', project: 'eu-de' } }));
    expect(start.decision).toMatchObject({ decision: 'allow', explicit: false });
    expect(start.decision.matched[0]?.policy.name).toBe('ECS FullAccess');
  });
});

describe('role dependencies', () => {
  it('reports Server Administrator without Tenant Guest in the same project, and not once it is there', () => {
    const group = unwrap(service.createGroup({ name: 'admins' }));
    const user = unwrap(service.createUser({ name: 'erin' }));
    unwrap(service.setMembers(group.id, [user.id]));
    const eu = projectId(service, 'eu-de');
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(service, 'Server Administrator'), scope: { kind: 'project', projectId: eu } }));
    const nl = unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(service, 'Tenant Guest'), scope: { kind: 'project', projectId: projectId(service, 'eu-nl') } }));
    const answer = unwrap(service.can({ user: 'erin', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-de' } }));
    expect(answer.dependencyProblems).toHaveLength(1);
    expect(answer.dependencyProblems[0]).toMatchObject({ missing: 'Tenant Guest', policy: { name: 'Server Administrator' } });
    expect(answer.dependencyProblems[0]?.message).toContain('eu-de');
    const access = unwrap(service.access('erin'));
    expect(access[0]?.dependencyProblems).toHaveLength(1);

    unwrap(service.deleteAttachment(nl.id));
    unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(service, 'Tenant Guest'), scope: { kind: 'project', projectId: eu } }));
    expect(unwrap(service.can({ user: 'erin', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-de' } })).dependencyProblems).toEqual([]);
  });
});

describe('effective access', () => {
  it('lists the catalog actions per scope with the patterns and groups behind them', () => {
    seedViewer();
    const [entry] = unwrap(service.access('alice'));
    expect(entry?.scopes.map((s) => s.scope)).toEqual([{ kind: 'project', projectId: projectId(service, 'eu-de'), projectName: 'eu-de' }]);
    const allowed = entry?.scopes[0]?.allowed ?? [];
    const list = allowed.find((a) => a.action === 'ecs:servers:list');
    expect(list?.sources[0]).toMatchObject({ pattern: 'ecs:*:list*', policy: { name: 'ECS ReadOnlyAccess' }, via: { kind: 'group', groupName: 'ecs-viewers' } });
    expect(allowed.some((a) => a.action === 'ecs:servers:create')).toBe(false);
  });

  it('without a user: every user, a user without grants has no scopes', () => {
    seedViewer();
    unwrap(service.createUser({ name: 'zed' }));
    const all = unwrap(service.access());
    expect(all.map((a) => [a.user.name, a.scopes.length])).toEqual([
      ['alice', 1],
      ['zed', 0],
    ]);
  });
});
