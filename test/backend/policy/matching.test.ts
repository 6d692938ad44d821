import { describe, expect, it } from 'vitest';
import { actionMatches, compileGrants, decide, matchingActions } from '../../../src/backend/policy/index.js';
import { allow, catalog, euDe, grantCustom, grantSystem } from './fixtures.js';

describe('action patterns', () => {
  const cases: [string, string, string, '1.0' | '1.1', boolean][] = [
    ['exact name', 'ecs:servers:list', 'ecs:servers:list', '1.1', true],
    ['other operation', 'ecs:servers:list', 'ecs:servers:get', '1.1', false],
    ['whole-segment wildcard', 'ecs:*:list', 'ecs:servers:list', '1.1', true],
    ['all of a service', 'ecs:*:*', 'ecs:cloudServers:showServer', '1.1', true],
    ['all of a service, other service', 'ecs:*:*', 'evs:volumes:get', '1.1', false],
    ['all services', '*:*:*', 'iam:users:listUsers', '1.1', true],
    ['operation prefix', 'ecs:*:get*', 'ecs:servers:getMetadata', '1.1', true],
    ['operation prefix, other operation', 'ecs:*:get*', 'ecs:servers:list', '1.1', false],
    ['wildcard in the middle', 'ecs:*:list*Interfaces', 'ecs:cloudServers:listServerInterfaces', '1.1', true],
    ['wildcard suffix of a resource type', 'ecs:cloud*:start', 'ecs:cloudServers:start', '1.1', true],
    ['wildcard in service', 'e*:*:get', 'evs:volumes:get', '1.1', true],
    ['* stays inside a segment', 'ecs:*', 'ecs:servers:list', '1.1', false],
    ['* does not cross segments', 'ecs:serv*list', 'ecs:servers:list', '1.1', false],
    ['resource type is case-insensitive', 'ecs:CLOUDSERVERS:start', 'ecs:cloudServers:start', '1.1', true],
    ['operation is case-insensitive', 'ecs:cloudServers:START', 'ecs:cloudServers:start', '1.1', true],
    ['requested name case-insensitive in type and operation', 'ecs:cloudServers:start', 'ecs:CloudServers:Start', '1.1', true],
    ['service is exact: uppercase request', 'ecs:*:*', 'ECS:servers:list', '1.1', false],
    ['service is exact: uppercase pattern is not a 1.1 pattern', 'ECS:servers:list', 'ecs:servers:list', '1.1', false],
    ['service is not a prefix', 'ec:*:*', 'ecs:servers:list', '1.1', false],
    ['regex characters are literal', 'ecs:servers:li.t', 'ecs:servers:list', '1.1', false],
    ['1.0: * is everything', '*', 'vpc:ports:get', '1.0', true],
    ['1.0: ::Get is every get operation of every service', '::Get', 'evs:volumes:get', '1.0', true],
    ['1.0: ::Get covers get-prefixed operations', '::Get', 'ecs:servers:getMetadata', '1.0', true],
    ['1.0: ::Get does not cover list', '::Get', 'ecs:servers:list', '1.0', false],
    ['1.0: ::List', '::List', 'iam:users:listUsers', '1.0', true],
    ['1.0: identity:* is every IAM action', 'identity:*', 'iam:users:createUser', '1.0', true],
    ['1.0: identity:* is only IAM', 'identity:*', 'ecs:servers:list', '1.0', false],
    ['1.0: service:* two-segment form', 'vpc:*', 'vpc:ports:create', '1.0', true],
    ['1.0: service is case-insensitive', 'VPC:*:*', 'vpc:ports:create', '1.0', true],
    ['1.0: * is not a 1.1 pattern', '*', 'vpc:ports:get', '1.1', false],
  ];
  it.each(cases)('%s: %s vs %s (%s) → %s', (_, pattern, action, version, expected) => {
    expect(actionMatches(pattern, action, version)).toBe(expected);
  });

  it('legacy role names stand for the catalog actions listed for them', () => {
    expect(matchingActions(catalog, 'identity:assume role', '1.0').map((a) => a.name)).toEqual(['iam:agencies:assume', 'iam:tokens:assume']);
  });
});

describe('aliases', () => {
  it('a requested action matches through its documented alias', () => {
    const names = matchingActions(catalog, 'ecs:cloudServers:get').map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['ecs:cloudServers:get', 'ecs:cloudServers:showServer', 'ecs:cloudServers:showServerTags', 'ecs:cloudServers:listServerVolumeAttachments']));
    expect(names).not.toContain('ecs:cloudServers:showServerGroup');
  });

  const cases: [string, string, string, 'allow' | 'deny', string | undefined][] = [
    ['new name through legacy alias', 'ecs:cloudServers:create', 'ecs:cloudServers:createServers', 'allow', 'ecs:cloudServers:create'],
    ['legacy name does not reach the new name backwards', 'ecs:cloudServers:createServers', 'ecs:cloudServers:create', 'deny', undefined],
    ['get* covers showServer through its alias get', 'ecs:*:get*', 'ecs:cloudServers:showServer', 'allow', 'ecs:cloudServers:get'],
    ['identity-policy tag actions through put', 'ecs:cloudServers:put', 'ecs:cloudServers:batchCreateServerTags', 'allow', 'ecs:cloudServers:put'],
    ['direct match needs no alias', 'ecs:cloudServers:showServer', 'ecs:cloudServers:showServer', 'allow', undefined],
  ];
  it.each(cases)('%s', (_, pattern, action, expected, alias) => {
    const compiled = compileGrants([grantCustom('p', allow([pattern]), euDe)], catalog);
    const decision = decide({ action, scope: euDe }, compiled);
    expect(decision.decision).toBe(expected);
    if (expected === 'allow') expect(decision.matched[0]?.throughAlias).toBe(alias);
  });

  it('a Deny on a legacy name denies the actions it aliases', () => {
    const compiled = compileGrants([grantSystem('ECS FullAccess', euDe), grantCustom('no-get', { Version: '1.1', Statement: [{ Effect: 'Deny', Action: ['ecs:cloudServers:get'] }] }, euDe)], catalog);
    expect(decide({ action: 'ecs:cloudServers:showServer', scope: euDe }, compiled)).toMatchObject({ decision: 'deny', explicit: true });
    expect(decide({ action: 'ecs:cloudServers:showServerGroup', scope: euDe }, compiled).decision).toBe('allow');
  });

  it('actions outside the catalog are matched by their name alone', () => {
    const compiled = compileGrants([grantSystem('ECS FullAccess', euDe)], catalog);
    expect(decide({ action: 'ecs:newThings:frobnicate', scope: euDe }, compiled).decision).toBe('allow');
    expect(decide({ action: 'obs:bucket:list', scope: euDe }, compiled).decision).toBe('deny');
    expect(decide({ action: 'not-an-action', scope: euDe }, compiled).reason).toContain('is not an action name');
  });
});
