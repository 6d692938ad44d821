import type { Group, Project, User } from '../backend/index.js';
import type { JsonObject } from '../state/index.js';
import type { BackendPort } from './port.js';
import type { ProviderResult, RemoteObject } from './types.js';
import { failure, mapResult, remote } from './kinds/common.js';

/** Attributes of data sources, the same for a read by name and for a refresh list. */
const projectData = (p: Project): RemoteObject =>
  remote(p.id, { name: p.name, description: p.description, parent_id: p.parentId, enabled: p.enabled, kind: p.kind });
const userData = (u: User): RemoteObject =>
  remote(u.id, { name: u.name, display_name: u.displayName, description: u.description, email: u.email, enabled: u.enabled, access_mode: u.accessMode });
const groupData = (g: Group): RemoteObject => remote(g.id, { name: g.name, description: g.description });

/** What an `iam_policy` data source shows of a system permission or a custom policy. */
interface PolicyData {
  readonly id: string;
  readonly displayName: string;
  readonly name: string;
  readonly kind: string;
  readonly type: string;
  readonly version: string;
  readonly description: string;
}

const policyData = (p: PolicyData): RemoteObject =>
  remote(p.id, { name: p.displayName, internal_name: p.name, kind: p.kind, type: p.type, description: p.description, version: p.version });

/**
 * Data sources by name. A miss is a 404 `IAM.0004` on the `name` field, so that the planner
 * can point its diagnostic at the data block's `name`.
 */
export function readDataSource(port: BackendPort, type: string, args: JsonObject): ProviderResult<RemoteObject> {
  const name = args['name'];
  if (typeof name !== 'string' || name === '') return failure(400, 'IAM.0072', `"name" is a required property of data "${type}"`, 'name');
  const named = <T>(result: ProviderResult<T>): ProviderResult<T> => (result.ok || result.error.status !== 404 ? result : { ok: false, error: { ...result.error, field: 'name' } });
  switch (type) {
    case 'iam_policy':
      return named(readPolicy(port, name));
    case 'iam_project':
      return named(mapResult(port.findProject(name), projectData));
    case 'iam_user':
      return named(mapResult(port.findUser(name), userData));
    case 'iam_group':
      return named(mapResult(port.findGroup(name), groupData));
    default:
      return failure(400, 'IAM.0007', `Unknown data source type "${type}"`);
  }
}

/** System policies and roles by display name first, then custom policies by name. */
function readPolicy(port: BackendPort, name: string): ProviderResult<RemoteObject> {
  return mapResult(port.findPolicy(name), (info) => {
    let description = '';
    if (info.kind === 'custom') {
      const custom = port.getCustomPolicy(info.id);
      if (custom.ok) description = custom.value.description;
    } else {
      description = port.listSystemPolicies().find((p) => p.id === info.id)?.description ?? '';
    }
    return policyData({ ...info, description });
  });
}

/** The refresh kind of a data source type: `data.iam_policy` for `iam_policy`. */
export const DATA_KIND_PREFIX = 'data.';

/**
 * Every object a data source of `type` can find, in one list call, with the attributes
 * `readDataSource` returns: what refresh answers for a `data.<type>` kind, so that the planner
 * resolves data sources from refreshed lists instead of one call per data block.
 */
export function listDataSource(port: BackendPort, type: string): ProviderResult<RemoteObject[]> {
  switch (type) {
    case 'iam_policy': {
      const system = port.listSystemPolicies().map(policyData);
      const custom = port.listCustomPolicies().map((p) => policyData({ ...p, kind: 'custom', version: '1.1' }));
      return { ok: true, value: [...system, ...custom] };
    }
    case 'iam_project':
      return { ok: true, value: port.listProjects().map(projectData) };
    case 'iam_user':
      return { ok: true, value: port.listUsers().map(userData) };
    case 'iam_group':
      return { ok: true, value: port.listGroups().map(groupData) };
    default:
      return failure(400, 'IAM.0007', `Unknown data source type "${type}"`);
  }
}
