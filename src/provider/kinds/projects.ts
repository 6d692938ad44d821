import type { EnterpriseProject, Project } from '../../backend/index.js';
import type { JsonObject } from '../../state/index.js';
import type { RemoteObject } from '../types.js';
import { boolAttr, compact, deleted, failure, isFailure, mapResult, remote, requiredString, stringAttr, type Failure, type KindHandler } from './common.js';

/** `iam_project` (sub-projects only) and `iam_enterprise_project`. */

function projectAttributes(project: Project): JsonObject {
  return { name: project.name, description: project.description, parent_id: project.parentId, enabled: project.enabled };
}

function projectObject(project: Project): RemoteObject {
  return remote(project.id, projectAttributes(project));
}

export const projects: KindHandler = {
  /** Region and built-in projects are not managed objects: data sources read them. */
  list: (ctx) => ctx.memo('projects', () => ctx.port.listProjects()).filter((p) => p.kind === 'sub_project').map(projectObject),
  create(ctx, values) {
    const name = requiredString(values, 'name');
    if (isFailure(name)) return name;
    return mapResult(ctx.port.createProject({ name, description: stringAttr(values, 'description') }), projectObject);
  },
  update: (ctx, id, _prior, values) => mapResult(ctx.port.updateProject(id, compact({ name: stringAttr(values, 'name'), description: stringAttr(values, 'description') })), projectObject),
  delete: (ctx, id) => deleted(ctx.port.deleteProject(id)),
};

function enterpriseObject(ep: EnterpriseProject): RemoteObject {
  return remote(ep.id, { name: ep.name, description: ep.description, enabled: true });
}

/**
 * The backend keeps no enabled flag for enterprise projects and has no update: a new name
 * or description replaces the object (the schema says so), and `enabled = false` is refused.
 */
function refuseDisabled(values: JsonObject): Failure | undefined {
  return boolAttr(values, 'enabled') === false
    ? failure(400, 'IAM.0007', 'This IAM backend cannot disable an enterprise project: leave enabled unset or true', 'enabled')
    : undefined;
}

export const enterpriseProjects: KindHandler = {
  /** The default enterprise project exists in every account and is never managed. */
  list: (ctx) => ctx.memo('enterprise_projects', () => ctx.port.listEnterpriseProjects()).filter((ep) => ep.id !== '0').map(enterpriseObject),
  create(ctx, values) {
    const name = requiredString(values, 'name');
    if (isFailure(name)) return name;
    const refused = refuseDisabled(values);
    if (refused) return refused;
    return mapResult(ctx.port.createEnterpriseProject({ name, description: stringAttr(values, 'description') }), enterpriseObject);
  },
  update(ctx, id, _prior, values) {
    const refused = refuseDisabled(values);
    if (refused) return refused;
    const found = ctx.port.findEnterpriseProject(id);
    if (found.ok && (stringAttr(values, 'name') ?? found.value.name) === found.value.name && (stringAttr(values, 'description') ?? found.value.description) === found.value.description) {
      return { ok: true, value: enterpriseObject(found.value) };
    }
    return found.ok ? failure(400, 'IAM.0007', 'An enterprise project cannot be changed in place: replace it', 'name') : mapResult(found, enterpriseObject);
  },
  delete: (ctx, id) => deleted(ctx.port.deleteEnterpriseProject(id)),
};
