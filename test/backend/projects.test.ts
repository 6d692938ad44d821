import { describe, expect, it } from 'vitest';
import { builtinProjects, unwrap, type IamService } from '../../src/backend/index.js';
import { serviceForEachTest, projectId } from './helpers.js';

let service: IamService;
serviceForEachTest((opened) => (service = opened));

describe('projects', () => {
  it('every account has the region projects and MOS, and the default enterprise project', () => {
    expect(service.listProjects().map((p) => [p.name, p.kind, p.parentId])).toEqual([
      ['MOS', 'special', null],
      ['eu-de', 'region', null],
      ['eu-nl', 'region', null],
    ]);
    expect(builtinProjects.map((p) => p.name).sort()).toEqual(['MOS', 'eu-de', 'eu-nl']);
    expect(service.listEnterpriseProjects()).toMatchObject([{ id: '0', name: 'default' }]);
  });

  it('a sub-project takes its region project as parent', () => {
    const project = unwrap(service.createProject({ name: 'eu-nl_team-a', description: 'team A' }));
    expect(project).toMatchObject({ kind: 'sub_project', parentId: projectId(service, 'eu-nl'), description: 'team A', enabled: true });
    expect(unwrap(service.findProject('eu-nl_team-a')).id).toBe(project.id);
  });

  it.each<[string, string, number, string]>([
    ['no region prefix', 'team', 400, 'IAM.0073'],
    ['an unknown region', 'us-east_team', 400, 'IAM.0073'],
    ['MOS is not a region', 'MOS_team', 400, 'IAM.0073'],
    ['an empty suffix', 'eu-de_', 400, 'IAM.0073'],
    ['a space in the suffix', 'eu-de_my team', 400, 'IAM.0073'],
    ['more than 64 characters', `eu-de_${'x'.repeat(59)}`, 400, 'IAM.0073'],
    ['a region project name', 'eu-de', 400, 'IAM.0073'],
  ])('refuses %s (%s)', (_what, name, status, code) => {
    const result = service.createProject({ name });
    expect(result.ok ? undefined : result.error).toMatchObject({ status, code, field: 'name' });
  });

  it('refuses a duplicate, a rename across regions, and changes to built-in projects', () => {
    const project = unwrap(service.createProject({ name: 'eu-de_a' }));
    const dup = service.createProject({ name: 'eu-de_a' });
    expect(dup.ok ? undefined : dup.error).toMatchObject({ status: 409, code: 'IAM.0005' });
    const moved = service.updateProject(project.id, { name: 'eu-nl_a' });
    expect(moved.ok ? undefined : moved.error).toMatchObject({ code: 'IAM.0073', field: 'name' });
    expect(unwrap(service.updateProject(project.id, { name: 'eu-de_b' })).name).toBe('eu-de_b');
    const builtin = service.updateProject(projectId(service, 'eu-de'), { description: 'x' });
    expect(builtin.ok ? undefined : builtin.error).toMatchObject({ code: 'IAM.0007' });
  });
});

describe('enterprise projects', () => {
  it('creates with a UUID id, refuses duplicates, keeps the default one', () => {
    const ep = unwrap(service.createEnterpriseProject({ name: 'web-shop' }));
    expect(ep.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const dup = service.createEnterpriseProject({ name: 'Web-Shop' });
    expect(dup.ok ? undefined : dup.error).toMatchObject({ status: 409, code: 'IAM.0005' });
    const def = service.deleteEnterpriseProject('0');
    expect(def.ok ? undefined : def.error).toMatchObject({ status: 400, code: 'IAM.0007' });
    unwrap(service.deleteEnterpriseProject(ep.id));
    expect(service.listEnterpriseProjects().map((e) => e.name)).toEqual(['default']);
  });
});
