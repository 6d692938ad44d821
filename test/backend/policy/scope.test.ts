import { describe, expect, it } from 'vitest';
import { compileGrants, decide, type Grant, type NearMissReason, type RequestScope } from '../../../src/backend/policy/index.js';
import { allow, allProjects, catalog, euDe, euDeSub, euNl, finance, globalScope, grantCustom, grantSystem, marketing } from './fixtures.js';

type Case = [string, () => Grant, string, RequestScope, 'allow' | 'deny', NearMissReason?];

const cases: Case[] = [
  ['a project grant applies in its project', () => grantSystem('ECS ReadOnlyAccess', euDe), 'ecs:servers:list', euDe, 'allow'],
  ['a grant in eu-de does not apply in eu-nl', () => grantSystem('ECS ReadOnlyAccess', euDe), 'ecs:servers:list', euNl, 'deny', 'scope'],
  ['a region project grant does not reach its sub-project', () => grantSystem('ECS ReadOnlyAccess', euDe), 'ecs:servers:list', euDeSub, 'deny', 'scope'],
  ['a sub-project grant does not reach its region project', () => grantSystem('ECS ReadOnlyAccess', euDeSub), 'ecs:servers:list', euDe, 'deny', 'scope'],
  ['all projects applies in a region project', () => grantSystem('ECS ReadOnlyAccess', allProjects), 'ecs:servers:list', euNl, 'allow'],
  ['all projects applies in a sub-project', () => grantSystem('ECS ReadOnlyAccess', allProjects), 'ecs:servers:list', euDeSub, 'allow'],
  ['all projects does not grant global services', () => grantSystem('IAM ReadOnlyAccess', allProjects), 'iam:users:listUsers', globalScope, 'deny', 'scope'],
  ['a global grant applies to a global-service action', () => grantSystem('IAM ReadOnlyAccess', globalScope), 'iam:users:listUsers', globalScope, 'allow'],
  ['a global-service action asked in a project is judged at global scope', () => grantSystem('IAM ReadOnlyAccess', globalScope), 'iam:users:listUsers', euDe, 'allow'],
  ['a project grant never grants a global-service action', () => grantSystem('Security Administrator', euDe), 'iam:users:createUser', euDe, 'deny', 'scope'],
  ['a global grant does not grant project-level actions', () => grantSystem('Tenant Administrator', globalScope), 'ecs:servers:list', euDe, 'deny', 'scope'],
  ['a project-level action asked at global scope is denied', () => grantSystem('ECS ReadOnlyAccess', euDe), 'ecs:servers:list', globalScope, 'deny', 'scope'],
  ['an enterprise-project grant applies to EP-capable actions', () => grantSystem('ECS FullAccess', finance), 'ecs:cloudServers:start', finance, 'allow'],
  ['an enterprise-project grant skips actions without EP support', () => grantSystem('ECS FullAccess', finance), 'ecs:servers:start', finance, 'deny', 'enterprise_project_action'],
  ['an enterprise-project grant applies only in its enterprise project', () => grantSystem('ECS FullAccess', finance), 'ecs:cloudServers:start', marketing, 'deny', 'scope'],
  ['an enterprise-project grant does not apply in projects', () => grantSystem('ECS FullAccess', finance), 'ecs:cloudServers:start', euDe, 'deny', 'scope'],
  ['project grants do not apply in an enterprise project', () => grantSystem('ECS FullAccess', euDe), 'ecs:cloudServers:start', finance, 'deny', 'scope'],
  ['all-projects grants do not apply in an enterprise project', () => grantSystem('ECS FullAccess', allProjects), 'ecs:cloudServers:start', finance, 'deny', 'scope'],
  ['Version 1.0 roles are not carried by enterprise-project grants', () => grantSystem('Server Administrator', finance), 'ecs:cloudServers:start', finance, 'deny', 'enterprise_project_version'],
  ['custom 1.1 policies are carried by enterprise-project grants', () => grantCustom('ep', allow(['ecs:cloudServers:*']), finance), 'ecs:cloudServers:stop', finance, 'allow'],
];

describe('scope applicability', () => {
  it.each(cases)('%s', (_, grant, action, scope, expected, why) => {
    const decision = decide({ action, scope }, compileGrants([grant()], catalog));
    expect(decision.decision).toBe(expected);
    expect(decision.nearMisses.map((m) => m.why)).toEqual(why === undefined ? [] : [why]);
  });
});
