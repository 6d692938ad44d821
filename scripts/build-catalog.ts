/**
 * Builds the committed system catalog from the shared domain documents:
 *   ../shared/domain/ecs-actions.json + system-policies.json  →  catalog/actions.json + catalog/system-policies.json
 *
 * Run: `npx node scripts/build-catalog.ts [--shared DIR] [--out DIR]`.
 * Deterministic: the same inputs give byte-identical files (sorted keys of output, no dates).
 * The project never needs ../shared at run or test time; the built files are committed.
 *
 * Besides the two JSON files, the catalog carries facts transcribed from iam-model.md
 * (§1.7, §1.11, §4 notes, §5.1); each table below names its section.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionOrigin, CatalogAction, CatalogService, PolicyDocument, SystemPermission } from '../src/backend/policy/types.js';

interface EcsEntry {
  action: string;
  api: string | null;
  apis: string[];
  description: string;
  dependencies: string[];
  iamProject: boolean | null;
  enterpriseProject: boolean | null;
  uncertain: boolean;
  aliases?: string[];
}

interface SharedPermission {
  display_name: string;
  name: string;
  kind: 'policy' | 'role';
  type: 'AX' | 'XA' | 'AA';
  catalog: string;
  description: string;
  policy: PolicyDocument;
  depends?: { catalog: string; display_name: string }[];
}

/** Services and where they are authorized (iam-model.md §2.4). */
const services: CatalogService[] = [
  { name: 'ecs', level: 'project' },
  { name: 'evs', level: 'project' },
  { name: 'iam', level: 'global' },
  { name: 'ims', level: 'project' },
  { name: 'vpc', level: 'project' },
];

/** IAM's own actions (iam-model.md §1.11; `agencies:assume` from §1.7). */
const iamActions: Record<string, string[]> = {
  users: ['listUsers', 'getUser', 'createUser', 'updateUser', 'deleteUser', 'updateUserPassword', 'resetUserPassword', 'setUserLoginProtect', 'getUserLoginProtect', 'listUserLoginProtects', 'listUsersForGroup', 'listUsersForProject'],
  groups: ['listGroups', 'getGroup', 'createGroup', 'updateGroup', 'deleteGroup', 'listGroupsForUser'],
  permissions: [
    'addUserToGroup', 'removeUserFromGroup', 'checkUserInGroup', 'grantRoleToGroup', 'grantRoleToGroupOnProject', 'grantRoleToGroupOnDomain',
    'revokeRoleFromGroup', 'revokeRoleFromGroupOnProject', 'revokeRoleFromGroupOnDomain', 'checkRoleForGroup', 'checkRoleForGroupOnProject',
    'checkRoleForGroupOnDomain', 'listRolesForGroup', 'listRolesForGroupOnProject', 'listRolesForGroupOnDomain', 'listRolesForUserOnProject',
    'grantRoleToGroupOnEnterpriseProject', 'grantRoleToUserOnEnterpriseProject', 'grantRoleToAgencyOnEnterpriseProject',
  ],
  roles: ['listRoles', 'getRole', 'createRole', 'updateRole', 'deleteRole'],
  projects: ['createProject', 'updateProject', 'deleteProject', 'listProjectsForUser'],
  credentials: ['listCredentials', 'getCredential', 'createCredential', 'updateCredential', 'deleteCredential'],
  quotas: ['listQuotas', 'listQuotasForProject'],
  securitypolicies: ['getProtectPolicy', 'getPasswordPolicy', 'getLoginPolicy'],
  agencies: ['assume'],
  tokens: ['assume'],
};

/** Identity-policy-only ECS names with their aliases (ecs-actions.json `notes`); ECS-native /v1 APIs → project + EP (§4.1). */
const identityPolicyActions: { name: string; api: string; aliases: string[] }[] = [
  { name: 'ecs:cloudServers:batchCreateServerTags', api: 'POST /v1/{project_id}/cloudservers/{server_id}/tags/action', aliases: ['ecs:cloudServers:put', 'ecs:cloudServers:batchSetServerTags'] },
  { name: 'ecs:cloudServers:batchDeleteServerTags', api: 'POST /v1/{project_id}/cloudservers/{server_id}/tags/action', aliases: ['ecs:cloudServers:put', 'ecs:cloudServers:batchSetServerTags'] },
  { name: 'ecs:cloudServers:updateServerInterface', api: 'PUT /v1/{project_id}/cloudservers/{server_id}/os-interface/{port_id}', aliases: ['ecs:cloudServerNics:update'] },
  { name: 'ecs:cloudServers:updateMetadataOptions', api: 'PUT /v1/{project_id}/cloudservers/{server_id}/metadata-options', aliases: [] },
];

/** Version 1.0 free-form names (§5.1: Agent Operator "switch role" = assume an agency). */
const legacyRoleActions: Record<string, string[]> = {
  'identity:assume role': ['iam:agencies:assume', 'iam:tokens:assume'],
};

/** System policies whose documents are not published; reconstructed from the operation tables of §5.1/§5.2. */
const inferredPermissions: SharedPermission[] = [
  inferred('FullAccess', 'system_all_1001', 'AA', 'BASE', 'Full permissions for all services that support policy-based authorization.', ['*:*:*']),
  inferred('IAM ReadOnlyAccess', 'system_all_24', 'AX', 'IAM', 'Read-only permissions for IAM.', ['iam:*:get*', 'iam:*:list*', 'iam:*:check*']),
  inferred('EVS FullAccess', 'system_all_32', 'XA', 'EVS', 'All permissions for EVS.', ['evs:*:*']),
  inferred('EVS ReadOnlyAccess', 'system_all_33', 'XA', 'EVS', 'Read-only permissions for EVS.', ['evs:*:get*', 'evs:*:list*']),
  inferred('VPC FullAccess', 'system_all_46', 'XA', 'VPC', 'All permissions for VPC.', ['vpc:*:*']),
  inferred('VPC ReadOnlyAccess', 'system_all_47', 'XA', 'VPC', 'Read-only permissions for VPC.', ['vpc:*:get*', 'vpc:*:list*']),
  inferred('IMS FullAccess', 'system_all_52', 'XA', 'IMS', 'All permissions for IMS.', ['ims:*:*']),
  inferred('IMS ReadOnlyAccess', 'system_all_53', 'XA', 'IMS', 'Read-only permissions for IMS.', ['ims:*:get*', 'ims:*:list*']),
];

function inferred(displayName: string, name: string, type: SharedPermission['type'], catalog: string, description: string, actions: string[]): SharedPermission {
  return { display_name: displayName, name, kind: 'policy', type, catalog, description, policy: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: actions }] } };
}

const concreteAction = /^([a-z][a-z0-9]*):([A-Za-z][A-Za-z0-9]*):([A-Za-z][A-Za-z0-9]*)$/;

export interface BuiltCatalog {
  /** File name (in the output folder) → exact file text. */
  readonly files: Readonly<Record<'actions.json' | 'system-policies.json', string>>;
}

/** Builds both catalog files from the parsed shared documents. */
export function buildCatalog(ecsJson: { actions: EcsEntry[] }, systemJson: { permissions: SharedPermission[] }): BuiltCatalog {
  const actions = new Map<string, CatalogAction>();
  const levelOf = (service: string) => services.find((s) => s.name === service)?.level;
  const add = (name: string, origin: ActionOrigin, fields: Partial<CatalogAction> = {}) => {
    const match = concreteAction.exec(name);
    const level = match ? levelOf(match[1] as string) : undefined;
    if (!match || !level) return;
    const key = name.toLowerCase();
    const prior = actions.get(key);
    if (prior) {
      actions.set(key, {
        ...prior,
        apis: unique([...prior.apis, ...(fields.apis ?? [])]),
        dependencies: unique([...prior.dependencies, ...(fields.dependencies ?? [])]),
        aliases: unique([...prior.aliases, ...(fields.aliases ?? [])]),
        uncertain: prior.uncertain && (fields.uncertain ?? true),
      });
      return;
    }
    actions.set(key, {
      name,
      service: match[1] as string,
      resourceType: match[2] as string,
      operation: match[3] as string,
      level,
      enterpriseProject: fields.enterpriseProject ?? false,
      description: fields.description ?? '',
      apis: fields.apis ?? [],
      dependencies: fields.dependencies ?? [],
      aliases: fields.aliases ?? [],
      origin,
      uncertain: fields.uncertain ?? true,
    });
  };

  for (const entry of ecsJson.actions) {
    add(entry.action, 'ecs-catalog', {
      description: entry.description,
      apis: entry.apis,
      dependencies: entry.dependencies,
      aliases: entry.aliases ?? [],
      enterpriseProject: entry.enterpriseProject === true,
      uncertain: entry.uncertain,
    });
  }
  for (const entry of identityPolicyActions) {
    add(entry.name, 'identity-policy', { apis: [entry.api], aliases: entry.aliases, enterpriseProject: true, description: 'Identity-policy action name' });
  }
  for (const [resourceType, operations] of Object.entries(iamActions)) {
    for (const operation of operations) add(`iam:${resourceType}:${operation}`, 'iam-action-list', { uncertain: false, description: 'IAM administration' });
  }
  const permissions = [...systemJson.permissions, ...inferredPermissions];
  for (const permission of permissions) {
    for (const statement of permission.policy.Statement) for (const name of statement.Action ?? []) add(name, 'system-policy');
  }
  for (const entry of ecsJson.actions) for (const name of entry.dependencies) add(name, 'dependency');
  // Every resource type of EVS/VPC/IMS named anywhere can be read (`get`, `list`): the read-only policies presuppose it.
  const resourceTypes = new Set<string>();
  for (const permission of permissions) {
    for (const statement of permission.policy.Statement) {
      for (const name of statement.Action ?? []) {
        const [service, resourceType] = name.split(':');
        if (service && resourceType && resourceType !== '*' && !resourceType.includes('*') && service !== 'ecs' && levelOf(service) === 'project') resourceTypes.add(`${service}:${resourceType}`);
      }
    }
  }
  for (const action of actions.values()) if (action.service !== 'ecs' && action.level === 'project') resourceTypes.add(`${action.service}:${action.resourceType}`);
  for (const pair of [...resourceTypes].sort()) for (const operation of ['get', 'list']) if (!actions.has(`${pair}:${operation}`.toLowerCase())) add(`${pair}:${operation}`, 'derived');

  const sortedActions = [...actions.values()].sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name));
  const actionsFile = {
    formatVersion: 1,
    about: 'Registered actions of the local IAM backend. Built by scripts/build-catalog.ts from the shared domain documents; do not edit by hand.',
    services,
    legacyRoleActions,
    actions: sortedActions,
  };
  const systemFile = {
    formatVersion: 1,
    about: 'System-defined policies (Version 1.1) and roles (Version 1.0). Built by scripts/build-catalog.ts; do not edit by hand.',
    permissions: permissions.map(toSystemPermission).sort((a, b) => compare(a.displayName, b.displayName)),
  };
  return { files: { 'actions.json': `${JSON.stringify(actionsFile, null, 1)}\n`, 'system-policies.json': `${JSON.stringify(systemFile, null, 1)}\n` } };
}

function toSystemPermission(permission: SharedPermission): SystemPermission {
  const inferredDocument = inferredPermissions.includes(permission);
  // The ECS guide prints Server Administrator as Version 1.1; a role is Version 1.0 RBAC (system-policies.json notes).
  const version = permission.kind === 'role' ? '1.0' : '1.1';
  return {
    id: createHash('sha256').update(`iamform:system-permission:${permission.display_name}`).digest('hex').slice(0, 32),
    name: permission.name,
    displayName: permission.display_name,
    kind: permission.kind === 'role' ? 'system_role' : 'system_policy',
    type: permission.type,
    catalog: permission.catalog,
    version,
    description: permission.description,
    document: { ...permission.policy, Version: version },
    dependencies: (permission.depends ?? []).map((d) => d.display_name),
    documentSource: inferredDocument ? 'inferred' : 'documented',
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const shared = argument('--shared', join(root, '..', 'shared'));
  const out = argument('--out', join(root, 'catalog'));
  const read = (file: string): unknown => JSON.parse(readFileSync(join(shared, 'domain', file), 'utf8'));
  const built = buildCatalog(read('ecs-actions.json') as { actions: EcsEntry[] }, read('system-policies.json') as { permissions: SharedPermission[] });
  mkdirSync(out, { recursive: true });
  for (const [file, text] of Object.entries(built.files)) writeFileSync(join(out, file), text);
  console.log(`catalog written to ${out}`);
}
