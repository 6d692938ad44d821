/**
 * The instances of a generated benchmark config as plain data (see generate-config.ts for the
 * mix); both layouts render this model.
 */
export interface Mix {
  readonly consoleUsers: number;
  readonly groups: number;
  readonly memberships: number;
  readonly customPolicies: number;
  readonly attachments: number;
  readonly serviceUsers: number;
  readonly accessKeys: number;
}

/** The smallest size whose mix has every kind and room for distinct attachments. */
export const minInstances = 200;

export function mixFor(n: number): Mix {
  if (!Number.isInteger(n) || n < minInstances) throw new Error(`cannot generate a config of ${n} instances: too small for the mix (at least ${minInstances})`);
  const consoleUsers = Math.round(n * 0.2);
  const groups = Math.max(1, Math.round(n * 0.02));
  const customPolicies = Math.max(1, Math.round(n * 0.03));
  const attachments = Math.round(n * 0.15);
  const rest = n - consoleUsers - 2 * groups - customPolicies - attachments;
  const serviceUsers = Math.ceil(rest / 2);
  return { consoleUsers, groups, memberships: groups, customPolicies, attachments, serviceUsers, accessKeys: rest - serviceUsers };
}

export function mixTotal(mix: Mix): number {
  return mix.consoleUsers + mix.groups + mix.memberships + mix.customPolicies + mix.attachments + mix.serviceUsers + mix.accessKeys;
}

export function describeMix(mix: Mix): string {
  const n = (count: number): string => count.toLocaleString('en-US');
  return [
    `${n(mix.consoleUsers)} console users`,
    `${n(mix.groups)} groups`,
    `${n(mix.memberships)} memberships`,
    `${n(mix.customPolicies)} custom policies`,
    `${n(mix.attachments)} attachments`,
    `${n(mix.serviceUsers)} programmatic users`,
    `${n(mix.accessKeys)} access keys`,
  ].join(', ');
}

/** Region projects the attachments use; `all` and `global` are the other two scopes. */
export const regions = ['eu-de', 'eu-nl'] as const;

/** System-defined policies granted by the generated config: project-level (XA) ones, then IAM ReadOnlyAccess (AX, global). */
export const systemProjectPolicies = [
  'ECS CommonOperations',
  'ECS FullAccess',
  'ECS ReadOnlyAccess',
  'EVS FullAccess',
  'EVS ReadOnlyAccess',
  'IMS FullAccess',
  'IMS ReadOnlyAccess',
  'VPC FullAccess',
  'VPC ReadOnlyAccess',
] as const;
export const systemGlobalPolicy = 'IAM ReadOnlyAccess';

/** Registered actions of project-level services (all in catalog/actions.json; a test checks it). */
export const projectActions = [
  'ecs:cloudServers:list',
  'ecs:cloudServers:get',
  'ecs:cloudServers:start',
  'ecs:cloudServers:stop',
  'ecs:cloudServers:reboot',
  'ecs:cloudServers:create',
  'ecs:cloudServers:delete',
  'ecs:servers:list',
  'ecs:servers:get',
  'ecs:servers:create',
  'ecs:servers:delete',
  'evs:volumes:list',
  'evs:volumes:get',
  'evs:volumes:create',
  'evs:volumes:delete',
  'evs:snapshots:list',
  'ims:images:list',
  'ims:images:get',
  'ims:images:create',
  'vpc:networks:list',
  'vpc:subnets:list',
  'vpc:securityGroups:get',
  'vpc:publicIps:list',
  'vpc:ports:list',
] as const;

/** Registered actions of IAM (a global service), for the global custom policies. */
export const globalActions = [
  'iam:users:listUsers',
  'iam:users:getUser',
  'iam:groups:listGroups',
  'iam:groups:getGroup',
  'iam:roles:listRoles',
  'iam:projects:listProjectsForUser',
  'iam:credentials:listCredentials',
] as const;

/** Wildcard patterns that match registered actions. */
export const projectPatterns = ['ecs:cloudServers:list*', 'ecs:cloudServers:get*', 'evs:volumes:*', 'vpc:*:list'] as const;

const pad = (i: number, width: number): string => String(i + 1).padStart(width, '0');

export interface Person {
  readonly name: string;
  readonly displayName: string;
  readonly email: string;
}
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
}
export interface CustomPolicy {
  readonly name: string;
  readonly description: string;
  readonly scope: 'project' | 'global';
  readonly statements: readonly Statement[];
}
export interface Group {
  readonly name: string;
  readonly description: string;
  readonly people: readonly string[];
  readonly services: readonly string[];
}
/** `scope` is a region name, `all` (all projects) or `global`. */
export interface Attachment {
  readonly key: string;
  readonly group: string;
  readonly policy: { readonly kind: 'system' | 'custom'; readonly name: string };
  readonly scope: (typeof regions)[number] | 'all' | 'global';
}

export interface Model {
  readonly mix: Mix;
  readonly people: readonly Person[];
  readonly services: readonly string[];
  readonly groups: readonly Group[];
  readonly policies: readonly CustomPolicy[];
  readonly attachments: readonly Attachment[];
}

function customPolicy(i: number): CustomPolicy {
  const name = `policy${pad(i, 5)}`;
  if (i % 10 === 9) {
    const actions = [0, 1, 2].map((k) => globalActions[(i + k * 2) % globalActions.length] as string);
    return { name, description: `Generated global policy ${i + 1}`, scope: 'global', statements: [{ effect: 'Allow', actions: [...new Set(actions)] }] };
  }
  const count = 2 + (i % 5);
  const actions = new Set<string>();
  for (let k = 0; k < count; k++) actions.add(projectActions[(i * 3 + k * 5) % projectActions.length] as string);
  if (i % 4 === 0) actions.add(projectPatterns[i % projectPatterns.length] as string);
  const statements: Statement[] = [{ effect: 'Allow', actions: [...actions] }];
  if (i % 3 === 0) statements.push({ effect: 'Deny', actions: [projectActions[(i + 6) % projectActions.length] as string] });
  return { name, description: `Generated policy ${i + 1}`, scope: 'project', statements };
}

/** The k-th attachment of group g: even k a system policy, odd k a custom one; distinct for distinct k. */
function attachmentOf(g: number, k: number, policies: readonly CustomPolicy[]): Omit<Attachment, 'key' | 'group'> {
  const scopes = [...regions, 'all'] as const;
  if (k % 2 === 0) {
    const options = systemProjectPolicies.length * scopes.length + 1;
    const o = (g + k / 2) % options;
    if (o === options - 1) return { policy: { kind: 'system', name: systemGlobalPolicy }, scope: 'global' };
    return { policy: { kind: 'system', name: systemProjectPolicies[o % systemProjectPolicies.length] as string }, scope: scopes[Math.floor(o / systemProjectPolicies.length)] as Attachment['scope'] };
  }
  const policy = policies[(g * 5 + (k - 1) / 2) % policies.length] as CustomPolicy;
  const scope = policy.scope === 'global' ? 'global' : (scopes[(g + k) % scopes.length] as Attachment['scope']);
  return { policy: { kind: 'custom', name: policy.name }, scope };
}

/** The instances for `n`, as plain data both layouts render. */
export function buildModel(n: number): Model {
  const mix = mixFor(n);
  const people: Person[] = Array.from({ length: mix.consoleUsers }, (_, i) => ({
    name: `user${pad(i, 6)}`,
    displayName: `Bench User ${i + 1}`,
    email: `user${pad(i, 6)}@bench.example.com`,
  }));
  const services = Array.from({ length: mix.serviceUsers }, (_, i) => `svc${pad(i, 6)}`);
  const members = Array.from({ length: mix.groups }, () => ({ people: [] as string[], services: [] as string[] }));
  people.forEach((p, i) => {
    members[i % mix.groups]?.people.push(p.name);
    const second = (i * 7 + 3) % mix.groups;
    if (i % 3 === 0 && second !== i % mix.groups) members[second]?.people.push(p.name);
  });
  services.forEach((s, i) => members[(i * 11) % mix.groups]?.services.push(s));
  const groups: Group[] = members.map((m, g) => ({ name: `group${pad(g, 5)}`, description: `Generated team ${g + 1}`, ...m }));
  const policies = Array.from({ length: mix.customPolicies }, (_, i) => customPolicy(i));
  const attachments: Attachment[] = Array.from({ length: mix.attachments }, (_, i) => {
    const g = i % mix.groups;
    const k = Math.floor(i / mix.groups);
    return { key: `attachment${pad(i, 6)}`, group: (groups[g] as Group).name, ...attachmentOf(g, k, policies) };
  });
  return { mix, people, services, groups, policies, attachments };
}

