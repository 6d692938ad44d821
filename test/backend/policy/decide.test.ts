import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileGrants, decide } from '../../../src/backend/policy/index.js';
import { expectGolden } from '../../helpers/golden.js';
import { allow, catalog, deny, euDe, euNl, grantCustom, grantSystem, opsGroup } from './fixtures.js';

const goldenDir = fileURLToPath(new URL('../../golden/policy-explain/', import.meta.url));

describe('the seed process flow', () => {
  const compiled = compileGrants([grantSystem('ECS ReadOnlyAccess', euDe)], catalog);
  const cases: [string, string, typeof euDe, 'allow' | 'deny', string][] = [
    ['list in eu-de', 'ecs:servers:list', euDe, 'allow', 'ecs:servers:list in eu-de is allowed by "ECS ReadOnlyAccess" Statement[0] (ecs:*:list*) via group dev at eu-de'],
    ['create in eu-de', 'ecs:servers:create', euDe, 'deny', 'no statement allows ecs:servers:create in eu-de'],
    ['list in eu-nl', 'ecs:servers:list', euNl, 'deny', 'no statement allows ecs:servers:list in eu-nl; it is allowed in eu-de by "ECS ReadOnlyAccess" via group dev'],
  ];
  it.each(cases)('%s', (_, action, scope, expected, reason) => {
    const decision = decide({ action, scope }, compiled);
    expect(decision.decision).toBe(expected);
    expect(decision.explicit).toBe(false);
    expect(decision.reason).toBe(reason);
  });
});

describe('deny overrides allow', () => {
  const grants = [grantSystem('ECS FullAccess', euDe), grantCustom('no-delete', deny(['ecs:cloudServers:delete*']), euDe, opsGroup)];
  const compiled = compileGrants(grants, catalog);
  const cases: [string, 'allow' | 'deny', boolean][] = [
    ['ecs:cloudServers:delete', 'deny', true],
    ['ecs:cloudServers:deleteServers', 'deny', true],
    ['ecs:cloudServers:deleteServerGroup', 'deny', true],
    ['ecs:cloudServers:start', 'allow', false],
    ['ecs:servers:delete', 'allow', false],
  ];
  it.each(cases)('%s → %s', (action, expected, explicit) => {
    const decision = decide({ action, scope: euDe }, compiled);
    expect(decision.decision).toBe(expected);
    expect(decision.explicit).toBe(explicit);
    expect(decision.matched.map((m) => m.effect)).toEqual([expected === 'allow' ? 'Allow' : 'Deny']);
  });

  it('names the denying statement, its policy, attachment, group and scope', () => {
    const decision = decide({ action: 'ecs:cloudServers:delete', scope: euDe }, compiled);
    expect(decision.matched).toEqual([
      {
        policy: { id: 'custom-no-delete', name: 'no-delete' },
        statementIndex: 0,
        statement: grants[1]?.policy.document.Statement[0],
        effect: 'Deny',
        pattern: 'ecs:cloudServers:delete*',
        via: opsGroup,
        scope: euDe,
        attachmentId: grants[1]?.attachmentId,
      },
    ]);
    expect(decision.reason).toBe('ecs:cloudServers:delete in eu-de is explicitly denied by "no-delete" Statement[0] (ecs:cloudServers:delete*) via group ops at eu-de');
  });

  it('a Deny in another scope does not deny', () => {
    const other = compileGrants([grantSystem('ECS FullAccess', euDe), grantCustom('no-delete', deny(['ecs:*:*']), euNl)], catalog);
    expect(decide({ action: 'ecs:cloudServers:delete', scope: euDe }, other).decision).toBe('allow');
  });

  it('Tenant Administrator allows every service but IAM', () => {
    const admin = compileGrants([grantSystem('Tenant Administrator', euDe), grantSystem('Tenant Administrator', { kind: 'global' })], catalog);
    expect(decide({ action: 'vpc:ports:create', scope: euDe }, admin).decision).toBe('allow');
    expect(decide({ action: 'iam:users:createUser', scope: { kind: 'global' } }, admin)).toMatchObject({ decision: 'deny', explicit: true });
  });

  it('NotAction denies everything but the listed actions', () => {
    const notAction = { Version: '1.1' as const, Statement: [{ Effect: 'Deny' as const, NotAction: ['ecs:*:list*', 'ecs:cloudServers:get'] }] };
    const c = compileGrants([grantSystem('ECS FullAccess', euDe), grantCustom('only-reads', notAction, euDe)], catalog);
    expect(decide({ action: 'ecs:servers:list', scope: euDe }, c).decision).toBe('allow');
    expect(decide({ action: 'ecs:cloudServers:showServer', scope: euDe }, c).decision).toBe('allow');
    expect(decide({ action: 'ecs:servers:create', scope: euDe }, c)).toMatchObject({ decision: 'deny', explicit: true, matched: [{ pattern: 'NotAction' }] });
    expect(decide({ action: 'ecs:brandNew:thing', scope: euDe }, c)).toMatchObject({ decision: 'deny', explicit: true });
  });
});

describe('explanations', () => {
  it('are stable (golden)', () => {
    const grants = [
      grantSystem('ECS CommonOperations', euDe),
      grantCustom('no-stop-in-nl', deny(['ecs:*:stop']), euNl, opsGroup),
      grantCustom('mfa-create', allow(['ecs:cloudServers:create*'], { Condition: { Bool: { 'g:MFAPresent': ['true'] } } }), euDe),
    ];
    const compiled = compileGrants(grants, catalog);
    const requests = [
      { action: 'ecs:cloudServers:stop', scope: euDe },
      { action: 'ecs:cloudServers:stop', scope: euNl },
      { action: 'ecs:cloudServers:createServers', scope: euDe, context: { mfaPresent: true } },
      { action: 'ecs:cloudServers:createServers', scope: euDe, context: { mfaPresent: false } },
      { action: 'ecs:cloudServers:showServer', scope: euNl },
    ];
    const explained = requests.map((r) => ({ request: r, decision: decide(r, compiled) }));
    expectGolden(`${goldenDir}decisions.json`, `${JSON.stringify(explained, null, 2)}\n`);
  });
});
