import { describe, expect, it } from 'vitest';
import { unwrap, type CustomPolicyCreate, type IamService } from '../../src/backend/index.js';
import { serviceForEachTest, policyId, projectId } from './helpers.js';

let service: IamService;
serviceForEachTest((opened) => (service = opened));

const valid: CustomPolicyCreate = {
  displayName: 'ecs-starter',
  description: 'start and stop servers',
  type: 'XA',
  document: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ecs:cloudServers:start', 'ecs:cloudServers:stop'] }] },
};

describe('custom policies', () => {
  it('creates, reads, lists and updates a Version 1.1 policy', () => {
    const policy = unwrap(service.createCustomPolicy(valid));
    expect(policy).toMatchObject({ displayName: 'ecs-starter', type: 'XA', references: 0, document: valid.document });
    expect(policy.id).toMatch(/^[0-9a-f]{32}$/);
    expect(service.listCustomPolicies()).toEqual([policy]);
    const updated = unwrap(service.updateCustomPolicy(policy.id, { description: 'start servers' }));
    expect(updated).toMatchObject({ description: 'start servers', name: policy.name });
    expect(unwrap(service.findPolicy('ecs-starter'))).toMatchObject({ id: policy.id, kind: 'custom', version: '1.1', type: 'XA' });
  });

  it.each<[string, Partial<CustomPolicyCreate>, number, string, string]>([
    ['an empty name', { displayName: '' }, 400, 'IAM.0073', 'name'],
    ['a 65-character name', { displayName: 'p'.repeat(65) }, 400, 'IAM.0073', 'name'],
    ['no description', { description: '' }, 400, 'IAM.0072', 'description'],
    ['a 257-character description', { description: 'd'.repeat(257) }, 400, 'IAM.1117', 'description'],
    ['type AA', { type: 'AA' as never }, 400, 'IAM.1009', 'scope'],
    ['Version 1.0', { document: { Version: '1.0', Statement: [{ Effect: 'Allow', Action: ['ecs:servers:list'] }] } }, 400, 'IAM.1024', 'policy.Version'],
  ])('refuses %s', (_what, change, status, code, field) => {
    const result = service.createCustomPolicy({ ...valid, ...change });
    expect(result.ok ? undefined : result.error).toMatchObject({ status, code, field });
    expect(service.listCustomPolicies()).toEqual([]);
  });

  it('passes on the engine’s findings: an unregistered action with a suggestion, and every problem', () => {
    const result = service.createCustomPolicy({
      ...valid,
      document: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ecs:cloudServers:strat'] }, { Effect: 'Maybe', Action: ['ecs:servers:list'] }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.code).toMatch(/^IAM\.10\d\d$/);
    expect(result.error.field).toMatch(/^policy\.Statement\[/);
    expect(result.error.problems?.length).toBeGreaterThanOrEqual(2);
    const unregistered = result.error.problems?.find((p) => p.field.includes('Action'));
    expect(unregistered?.message).toContain('ecs:cloudServers:start');
  });

  it('names are unique case-insensitively', () => {
    unwrap(service.createCustomPolicy(valid));
    const dup = service.createCustomPolicy({ ...valid, displayName: 'ECS-Starter' });
    expect(dup.ok ? undefined : dup.error).toMatchObject({ status: 409, code: 'IAM.0005', field: 'name' });
  });

  it('an attached policy cannot be deleted or change scope; detached it can', () => {
    const policy = unwrap(service.createCustomPolicy(valid));
    const group = unwrap(service.createGroup({ name: 'g' }));
    const a = unwrap(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policy.id, scope: { kind: 'project', projectId: projectId(service, 'eu-de') } }));
    const del = service.deleteCustomPolicy(policy.id);
    expect(del.ok ? undefined : del.error).toMatchObject({ status: 409, code: 'IAM.0005' });
    const retype = service.updateCustomPolicy(policy.id, { type: 'AX' });
    expect(retype.ok ? undefined : retype.error).toMatchObject({ status: 409, code: 'IAM.0005', field: 'scope' });
    unwrap(service.deleteAttachment(a.id));
    unwrap(service.deleteCustomPolicy(policy.id));
    expect(service.listCustomPolicies()).toEqual([]);
  });

  it('an AX custom policy attaches globally and not to a project', () => {
    const policy = unwrap(
      service.createCustomPolicy({ displayName: 'iam-reader', description: 'read IAM', type: 'AX', document: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['iam:users:listUsers'] }] } }),
    );
    const group = unwrap(service.createGroup({ name: 'g' }));
    expect(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policy.id, scope: { kind: 'global' } }).ok).toBe(true);
    const onProject = service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policy.id, scope: { kind: 'project', projectId: projectId(service, 'eu-de') } });
    expect(onProject.ok ? undefined : onProject.error).toMatchObject({ code: 'IAM.0007', field: 'scope' });
  });
});

describe('enterprise project grants', () => {
  it('apply only to actions that support enterprise projects', () => {
    const ep = unwrap(service.createEnterpriseProject({ name: 'web-shop' }));
    const user = unwrap(service.createUser({ name: 'frank' }));
    unwrap(service.createAttachment({ principal: { kind: 'user', userId: user.id }, policyId: policyId(service, 'ECS FullAccess'), scope: { kind: 'enterprise_project', enterpriseProjectId: ep.id } }));
    const ask = (action: string) => unwrap(service.can({ user: 'frank', action, target: { kind: 'enterprise_project', enterpriseProject: 'web-shop' } })).decision.decision;
    expect(ask('ecs:cloudServers:start')).toBe('allow');
    expect(ask('ecs:servers:start')).toBe('deny');
    const inProject = unwrap(service.can({ user: 'frank', action: 'ecs:cloudServers:start', target: { kind: 'project', project: 'eu-de' } }));
    expect(inProject.decision.decision).toBe('deny');
  });
});
