import { describe, expect, it } from 'vitest';
import { allowedActions, checkRoleDependencies, compileGrants, effectiveAccess, scopeLabel, type Grant } from '../../../src/backend/policy/index.js';
import { allow, allProjects, catalog, deny, euDe, euNl, finance, globalScope, grantCustom, grantSystem, opsGroup } from './fixtures.js';

/** Allowed action names per scope label, as `effectiveAccess` lists them and as `allowedActions` does. */
function viaEffectiveAccess(grants: readonly Grant[]): Record<string, string[]> {
  return Object.fromEntries(effectiveAccess(compileGrants(grants, catalog), catalog).map((s) => [scopeLabel(s.scope), s.allowed.map((a) => a.action).sort()]));
}

function viaAllowedActions(grants: readonly Grant[]): Record<string, string[]> {
  const result = allowedActions(grants, catalog);
  return Object.fromEntries([...result.byScope].map(([label, ordinals]) => [label, [...ordinals].map((o) => result.names[o] as string).sort()]));
}

describe('effective access', () => {
  const grants = [
    grantSystem('ECS ReadOnlyAccess', euDe),
    grantCustom('no-metadata', deny(['ecs:servers:*Metadata']), euDe, opsGroup),
    grantSystem('IAM ReadOnlyAccess', globalScope),
    grantCustom('start-anywhere', allow(['ecs:cloudServers:start']), allProjects),
    grantCustom('ep-servers', allow(['ecs:*:start']), finance),
  ];
  const access = effectiveAccess(compileGrants(grants, catalog), catalog);
  const names = (scopeIndex: number, list: 'allowed' | 'denied') => access[scopeIndex]?.[list].map((a) => a.action) ?? [];

  it('lists one entry per granted scope: all projects, projects, global, enterprise projects', () => {
    expect(access.map((a) => a.scope.kind)).toEqual(['all_projects', 'project', 'global', 'enterprise_project']);
  });

  it('a project includes its own and all-projects grants, minus unconditional denies', () => {
    const allowed = names(1, 'allowed');
    expect(allowed).toContain('ecs:servers:list');
    expect(allowed).toContain('ecs:cloudServers:start');
    expect(allowed).not.toContain('ecs:servers:getMetadata');
    expect(allowed).not.toContain('iam:users:listUsers');
    expect(names(1, 'denied')).toEqual(['ecs:servers:getMetadata', 'ecs:servers:listMetadata', 'ecs:servers:setMetadata']);
    const start = access[1]?.allowed.find((a) => a.action === 'ecs:cloudServers:start');
    expect(start?.sources.map((s) => [s.policy.name, s.pattern])).toEqual([['start-anywhere', 'ecs:cloudServers:start']]);
  });

  it('names the pattern, alias and group behind each action', () => {
    const show = access[1]?.allowed.find((a) => a.action === 'ecs:cloudServers:showServer');
    expect(show?.sources).toEqual([
      { policy: { id: grants[0]?.policy.id, name: 'ECS ReadOnlyAccess' }, statementIndex: 0, pattern: 'ecs:*:get* (alias ecs:cloudServers:get)', via: grants[0]?.via, attachmentId: grants[0]?.attachmentId, conditional: false },
    ]);
  });

  it('all projects lists only the all-projects grants', () => {
    expect(names(0, 'allowed')).toEqual(['ecs:cloudServers:start']);
  });

  it('global services list global actions only', () => {
    expect(names(2, 'allowed').every((n) => n.startsWith('iam:'))).toBe(true);
    expect(names(2, 'allowed')).toContain('iam:permissions:checkUserInGroup');
  });

  it('an enterprise project lists only enterprise-project-capable actions', () => {
    expect(names(3, 'allowed')).toEqual(['ecs:cloudServers:start']);
  });

  it('marks conditional statements and does not let a conditional Deny remove an action', () => {
    const conditional = [grantSystem('ECS ReadOnlyAccess', euNl), grantCustom('mfa', deny(['ecs:servers:list'], { Condition: { Bool: { 'g:MFAPresent': ['false'] } } }), euNl)];
    const [nl] = effectiveAccess(compileGrants(conditional, catalog), catalog);
    expect(nl?.allowed.map((a) => a.action)).toContain('ecs:servers:list');
    expect(nl?.denied).toEqual([{ action: 'ecs:servers:list', sources: [expect.objectContaining({ conditional: true })] }]);
  });

  it('is shared between users with identical grants', () => {
    const a = effectiveAccess(compileGrants([...grants], catalog), catalog);
    expect(effectiveAccess(compileGrants([...grants], catalog), catalog)).toBe(a);
  });
});

describe('allowed actions (access without sources)', () => {
  const mixed = [
    grantSystem('ECS ReadOnlyAccess', euDe),
    grantCustom('no-metadata', deny(['ecs:servers:*Metadata']), euDe, opsGroup),
    grantCustom('mfa', deny(['ecs:servers:list'], { Condition: { Bool: { 'g:MFAPresent': ['false'] } } }), euDe),
    grantSystem('IAM ReadOnlyAccess', globalScope),
    grantCustom('start-anywhere', allow(['ecs:cloudServers:start']), allProjects),
    grantCustom('ep-servers', allow(['ecs:*:start']), finance),
  ];

  it('agrees with effective access on a mix of scopes, denies and conditions', () => {
    const expected = viaEffectiveAccess(mixed);
    expect(Object.keys(expected)).toHaveLength(4);
    expect(expected['eu-de']).toContain('ecs:servers:list');
    expect(expected['eu-de']).not.toContain('ecs:servers:getMetadata');
    expect(viaAllowedActions(mixed)).toEqual(expected);
  });

  it.each(['project', 'all projects', 'global', 'enterprise project'] as const)('agrees with effective access for every system policy granted at %s scope', (where) => {
    const scope = where === 'project' ? euNl : where === 'all projects' ? allProjects : where === 'global' ? globalScope : finance;
    for (const permission of catalog.systemPermissions) {
      const grants = [grantSystem(permission.displayName, scope)];
      expect(viaAllowedActions(grants), permission.displayName).toEqual(viaEffectiveAccess(grants));
    }
  });

  it('shares one result between grant lists that differ only in attachments and groups', () => {
    const a = allowedActions([grantSystem('ECS ReadOnlyAccess', euDe)], catalog);
    expect(allowedActions([grantSystem('ECS ReadOnlyAccess', euDe, opsGroup)], catalog)).toBe(a);
    expect(allowedActions([grantSystem('ECS ReadOnlyAccess', euNl)], catalog)).not.toBe(a);
  });
});

describe('role dependencies', () => {
  const cases: [string, () => Grant[], string[]][] = [
    ['Server Administrator alone', () => [grantSystem('Server Administrator', euDe)], ['Server Administrator in eu-de needs Tenant Guest in eu-de']],
    ['with Tenant Guest in the same project', () => [grantSystem('Server Administrator', euDe), grantSystem('Tenant Guest', euDe)], []],
    ['with Tenant Guest in another project', () => [grantSystem('Server Administrator', euDe), grantSystem('Tenant Guest', euNl)], ['Server Administrator in eu-de needs Tenant Guest in eu-de']],
    ['with Tenant Guest on all projects', () => [grantSystem('Server Administrator', euDe), grantSystem('Tenant Guest', allProjects)], []],
    ['on all projects, Tenant Guest only in eu-de', () => [grantSystem('Server Administrator', allProjects), grantSystem('Tenant Guest', euDe)], ['Server Administrator in all projects needs Tenant Guest in all projects']],
    ['with Tenant Guest from another group', () => [grantSystem('Server Administrator', euDe), grantSystem('Tenant Guest', euDe, opsGroup)], []],
    ['policies have no dependencies', () => [grantSystem('ECS FullAccess', euDe)], []],
  ];
  it.each(cases)('%s', (_, grants, messages) => {
    const problems = checkRoleDependencies(grants(), catalog);
    expect(problems.map((p) => p.message)).toEqual(messages);
    for (const p of problems) expect(p).toMatchObject({ code: 'IAM.DEPENDENCY_MISSING', missing: 'Tenant Guest', policy: { name: 'Server Administrator' } });
  });

  it('takes dependencies from the catalog when the grant does not carry them', () => {
    const g = grantSystem('Server Administrator', euDe);
    const stripped = { ...g, policy: { ...g.policy, dependencies: [] } };
    expect(checkRoleDependencies([stripped], catalog).map((p) => p.missing)).toEqual(['Tenant Guest']);
  });
});
