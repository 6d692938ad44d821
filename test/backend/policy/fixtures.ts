/** Builders shared by the policy engine tests: grants of catalog or inline documents at a scope. */
import { loadCatalog } from '../../../src/backend/catalog/index.js';
import type { Grant, GrantVia, PolicyDocument, RequestScope, Scope, SystemPermission } from '../../../src/backend/policy/index.js';

export const catalog = loadCatalog();

export const euDe: Scope & RequestScope = { kind: 'project', projectId: 'p-eu-de', projectName: 'eu-de' };
export const euNl: Scope & RequestScope = { kind: 'project', projectId: 'p-eu-nl', projectName: 'eu-nl' };
export const euDeSub: Scope & RequestScope = { kind: 'project', projectId: 'p-eu-de-x', projectName: 'eu-de_x' };
export const allProjects: Scope = { kind: 'all_projects' };
export const globalScope: Scope & RequestScope = { kind: 'global' };
export const finance: Scope & RequestScope = { kind: 'enterprise_project', enterpriseProjectId: 'ep-fin', name: 'finance' };
export const marketing: Scope & RequestScope = { kind: 'enterprise_project', enterpriseProjectId: 'ep-mkt', name: 'marketing' };

export const devGroup: GrantVia = { kind: 'group', groupId: 'g-dev', groupName: 'dev' };
export const opsGroup: GrantVia = { kind: 'group', groupId: 'g-ops', groupName: 'ops' };

export function system(displayName: string): SystemPermission {
  const found = catalog.systemPermissions.find((p) => p.displayName === displayName);
  if (!found) throw new Error(`no system permission ${displayName}`);
  return found;
}

let attachments = 0;

/** A grant of a system permission (by display name) at a scope. */
export function grantSystem(displayName: string, scope: Scope, via: GrantVia = devGroup): Grant {
  const p = system(displayName);
  return {
    attachmentId: `att-${++attachments}`,
    policy: { id: p.id, name: p.displayName, kind: p.kind, version: p.version, document: p.document, dependencies: p.dependencies },
    scope,
    via,
  };
}

/** A grant of an inline custom (1.1) document at a scope. */
export function grantCustom(name: string, document: PolicyDocument, scope: Scope, via: GrantVia = devGroup): Grant {
  return { attachmentId: `att-${++attachments}`, policy: { id: `custom-${name}`, name, kind: 'custom', version: document.Version, document, dependencies: [] }, scope, via };
}

export function allow(actions: string[], extra: Record<string, unknown> = {}): PolicyDocument {
  return { Version: '1.1', Statement: [{ Effect: 'Allow', Action: actions, ...extra }] } as PolicyDocument;
}

export function deny(actions: string[], extra: Record<string, unknown> = {}): PolicyDocument {
  return { Version: '1.1', Statement: [{ Effect: 'Deny', Action: actions, ...extra }] } as PolicyDocument;
}
