import { newId, newUuid } from '../crypto/secrets.js';
import { ErrorCode, conflict, fail, invalid, notFound, ok, type Result } from '../errors.js';
import { builtinProjects, defaultEnterpriseProject, regionOfSubProject } from '../model/regions.js';
import type { EnterpriseProject, EnterpriseProjectCreate, Project, ProjectCreate, ProjectUpdate } from '../model/types.js';
import { checkDescription, checkObjectName, checkSubProjectName } from '../rules/name-rules.js';
import { enterpriseProjectFromRow, projectFromRow } from '../store/rows.js';
import { removeAttachments } from './cascade.js';
import type { ServiceContext } from './context.js';

type Row = Record<string, unknown>;

/** Creates the built-in projects and the default enterprise project that are missing. */
export function ensureBuiltins(ctx: ServiceContext): void {
  for (const builtin of builtinProjects) {
    if (ctx.db.statement('SELECT 1 FROM projects WHERE name = ?').get(builtin.name)) continue;
    const id = newId(ctx.random);
    ctx.db
      .statement('INSERT INTO projects (id, name, kind, parent_id, description, enabled, created_at) VALUES (?, ?, ?, NULL, ?, 1, ?)')
      .run(id, builtin.name, builtin.kind, builtin.description, ctx.now());
    ctx.audit('create', 'project', id, null, projectFromRow(getProjectRow(ctx, id) as Row));
  }
  if (!ctx.db.statement('SELECT 1 FROM enterprise_projects WHERE id = ?').get(defaultEnterpriseProject.id)) {
    const { id, name, description } = defaultEnterpriseProject;
    ctx.db.statement('INSERT INTO enterprise_projects (id, name, name_key, description, created_at) VALUES (?, ?, ?, ?, ?)').run(id, name, name, description, ctx.now());
    ctx.audit('create', 'enterprise_project', id, null, { id, name, description });
  }
}

function getProjectRow(ctx: ServiceContext, id: string): Row | undefined {
  return ctx.db.statement('SELECT * FROM projects WHERE id = ?').get(id) as Row | undefined;
}

export function findProject(ctx: ServiceContext, idOrName: string): Result<Project> {
  const row = getProjectRow(ctx, idOrName) ?? (ctx.db.statement('SELECT * FROM projects WHERE name = ?').get(idOrName) as Row | undefined);
  return row ? ok(projectFromRow(row)) : fail(notFound('project', idOrName));
}

export function listProjects(ctx: ServiceContext): Project[] {
  return (ctx.db.statement('SELECT * FROM projects ORDER BY name').all() as Row[]).map(projectFromRow);
}

export function createProject(ctx: ServiceContext, input: ProjectCreate): Result<Project> {
  const description = input.description ?? '';
  const problem = checkSubProjectName(input.name) ?? checkDescription(description);
  if (problem) return fail(problem);
  return ctx.db.write(() => {
    if (ctx.db.statement('SELECT 1 FROM projects WHERE name = ?').get(input.name)) {
      return fail<Project>(conflict(ErrorCode.conflict, `A project named "${input.name}" already exists`, 'name'));
    }
    const parent = ctx.db.statement('SELECT id FROM projects WHERE name = ?').get(regionOfSubProject(input.name) ?? '') as { id: string } | undefined;
    if (!parent) return fail<Project>(notFound('project', regionOfSubProject(input.name) ?? input.name, 'name'));
    const id = newId(ctx.random);
    ctx.db
      .statement("INSERT INTO projects (id, name, kind, parent_id, description, enabled, created_at) VALUES (?, ?, 'sub_project', ?, ?, 1, ?)")
      .run(id, input.name, parent.id, description, ctx.now());
    const project = projectFromRow(getProjectRow(ctx, id) as Row);
    ctx.audit('create', 'project', id, null, project);
    return ok(project);
  });
}

/** Renames keep the region prefix; region and built-in projects cannot be changed. */
export function updateProject(ctx: ServiceContext, id: string, input: ProjectUpdate): Result<Project> {
  return ctx.db.write(() => {
    const row = getProjectRow(ctx, id);
    if (!row) return fail<Project>(notFound('project', id));
    const before = projectFromRow(row);
    if (before.kind !== 'sub_project') return fail<Project>(invalid(ErrorCode.invalidParam, `The project "${before.name}" is built in and cannot be changed`, 'name'));
    const name = input.name ?? before.name;
    const description = input.description ?? before.description;
    const problem = checkSubProjectName(name) ?? checkDescription(description);
    if (problem) return fail<Project>(problem);
    if (regionOfSubProject(name) !== regionOfSubProject(before.name)) {
      return fail<Project>(invalid(ErrorCode.invalidField, `The region prefix of project "${before.name}" cannot change (got "${name}")`, 'name'));
    }
    const clash = ctx.db.statement('SELECT id FROM projects WHERE name = ?').get(name) as { id: string } | undefined;
    if (clash && clash.id !== id) return fail<Project>(conflict(ErrorCode.conflict, `A project named "${name}" already exists`, 'name'));
    ctx.db.statement('UPDATE projects SET name = ?, description = ? WHERE id = ?').run(name, description, id);
    const after = projectFromRow(getProjectRow(ctx, id) as Row);
    ctx.audit('update', 'project', id, before, after);
    return ok(after);
  });
}

/** Only sub-projects can be deleted; their attachments go with them. */
export function deleteProject(ctx: ServiceContext, id: string): Result<Project> {
  return ctx.db.write(() => {
    const row = getProjectRow(ctx, id);
    if (!row) return fail<Project>(notFound('project', id));
    const before = projectFromRow(row);
    if (before.kind !== 'sub_project') {
      return fail<Project>(invalid(ErrorCode.cannotDeleteProject, `The project "${before.name}" is built in and cannot be deleted; only sub-projects can`));
    }
    removeAttachments(ctx, 'project_id', id);
    ctx.db.statement('DELETE FROM projects WHERE id = ?').run(id);
    ctx.audit('delete', 'project', id, before, null);
    return ok(before);
  });
}

function getEnterpriseProjectRow(ctx: ServiceContext, id: string): Row | undefined {
  return ctx.db.statement('SELECT * FROM enterprise_projects WHERE id = ?').get(id) as Row | undefined;
}

export function findEnterpriseProject(ctx: ServiceContext, idOrName: string): Result<EnterpriseProject> {
  const row =
    getEnterpriseProjectRow(ctx, idOrName) ??
    (ctx.db.statement('SELECT * FROM enterprise_projects WHERE name_key = ?').get(idOrName.toLowerCase()) as Row | undefined);
  return row ? ok(enterpriseProjectFromRow(row)) : fail(notFound('enterprise project', idOrName));
}

export function listEnterpriseProjects(ctx: ServiceContext): EnterpriseProject[] {
  return (ctx.db.statement('SELECT * FROM enterprise_projects ORDER BY name_key').all() as Row[]).map(enterpriseProjectFromRow);
}

export function createEnterpriseProject(ctx: ServiceContext, input: EnterpriseProjectCreate): Result<EnterpriseProject> {
  const description = input.description ?? '';
  const problem = checkObjectName('enterprise project', input.name) ?? checkDescription(description);
  if (problem) return fail(problem);
  return ctx.db.write(() => {
    if (ctx.db.statement('SELECT 1 FROM enterprise_projects WHERE name_key = ?').get(input.name.toLowerCase())) {
      return fail<EnterpriseProject>(conflict(ErrorCode.conflict, `An enterprise project named "${input.name}" already exists`, 'name'));
    }
    const id = newUuid(ctx.random);
    ctx.db
      .statement('INSERT INTO enterprise_projects (id, name, name_key, description, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, input.name, input.name.toLowerCase(), description, ctx.now());
    const created = enterpriseProjectFromRow(getEnterpriseProjectRow(ctx, id) as Row);
    ctx.audit('create', 'enterprise_project', id, null, created);
    return ok(created);
  });
}

export function deleteEnterpriseProject(ctx: ServiceContext, id: string): Result<EnterpriseProject> {
  return ctx.db.write(() => {
    const row = getEnterpriseProjectRow(ctx, id);
    if (!row) return fail<EnterpriseProject>(notFound('enterprise project', id));
    if (id === defaultEnterpriseProject.id) {
      return fail<EnterpriseProject>(invalid(ErrorCode.invalidParam, 'The default enterprise project cannot be deleted'));
    }
    const before = enterpriseProjectFromRow(row);
    removeAttachments(ctx, 'enterprise_project_id', id);
    ctx.db.statement('DELETE FROM enterprise_projects WHERE id = ?').run(id);
    ctx.audit('delete', 'enterprise_project', id, before, null);
    return ok(before);
  });
}
