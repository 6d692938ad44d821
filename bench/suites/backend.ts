import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../../src/backend/catalog/index.js';
import { IamService, unwrap, type AttachmentScope, type CanTarget } from '../../src/backend/index.js';
import { compileGrants, decide, type RequestScope } from '../../src/backend/policy/index.js';
import type { BenchSuite, Figure } from '../harness.js';
import { mb, measure, ms } from '../harness.js';

/**
 * The IAM backend on a generated account: 2,000 users, 200 groups, 300 custom policies and
 * 1,500 attachments in a temporary SQLite file. Reports the bulk load, the refresh (one bulk
 * list per kind), `can` decisions per second in-process over random (user, action, scope)
 * requests, and `access` for every user on a cold cache.
 */
const counts = { users: 2000, groups: 200, policies: 300, attachments: 1500 };

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAccount(service: IamService, rand: () => number): { userNames: string[]; projectNames: string[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const projectActions = service.catalog.actions.filter((a) => a.level === 'project').map((a) => a.name);
  const globalActions = service.catalog.actions.filter((a) => a.level === 'global').map((a) => a.name);
  return service.batch((s) => {
    for (const suffix of ['dev', 'test', 'prod', 'shared']) {
      unwrap(s.createProject({ name: `eu-de_${suffix}` }));
      unwrap(s.createProject({ name: `eu-nl_${suffix}` }));
    }
    const projects = s.listProjects().filter((p) => p.name !== 'MOS');
    const users = Array.from({ length: counts.users }, (_, i) =>
      unwrap(s.createUser({ name: `user-${i}`, email: i % 2 === 0 ? `user-${i}@example.com` : null, accessMode: i % 5 === 0 ? 'programmatic' : 'both' })),
    );
    const groups = Array.from({ length: counts.groups }, (_, i) => unwrap(s.createGroup({ name: `group-${i}`, description: `generated group ${i}` })));
    const members = new Map<string, Set<string>>();
    for (const user of users) {
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const group = pick(groups);
        const set = members.get(group.id) ?? new Set<string>();
        set.add(user.id);
        members.set(group.id, set);
      }
    }
    for (const [groupId, ids] of members) unwrap(s.setMembers(groupId, [...ids]));
    const custom = Array.from({ length: counts.policies }, (_, i) => {
      const global = i % 10 === 0;
      const pool = global ? globalActions : projectActions;
      const statement = (effect: 'Allow' | 'Deny') => ({
        Effect: effect,
        Action: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => {
          const name = pick(pool);
          const [service, resource] = name.split(':');
          return rand() < 0.3 ? `${service}:${resource}:*` : name;
        }),
      });
      const document = { Version: '1.1', Statement: i % 4 === 0 ? [statement('Allow'), statement('Deny')] : [statement('Allow')] };
      return unwrap(s.createCustomPolicy({ displayName: `policy-${i}`, description: `generated policy ${i}`, type: global ? 'AX' : 'XA', document }));
    });
    const system = s.listSystemPolicies();
    const seen = new Set<string>();
    let made = 0;
    while (made < counts.attachments) {
      const useCustom = rand() < 0.7;
      const policy = useCustom ? pick(custom) : pick(system);
      const type = useCustom ? (policy as (typeof custom)[number]).type : (policy as (typeof system)[number]).type;
      let scope: AttachmentScope;
      if (type === 'AX') scope = { kind: 'global' };
      else if (rand() < 0.15) scope = { kind: 'all_projects' };
      else scope = { kind: 'project', projectId: pick(projects).id };
      const principal = rand() < 0.9 ? { kind: 'group' as const, groupId: pick(groups).id } : { kind: 'user' as const, userId: pick(users).id };
      const key = JSON.stringify([principal, policy.id, scope]);
      if (seen.has(key)) continue;
      seen.add(key);
      unwrap(s.createAttachment({ principal, policyId: policy.id, scope }));
      made++;
    }
    return { userNames: users.map((u) => u.name), projectNames: projects.map((p) => p.name) };
  });
}

export const backendSuite: BenchSuite = {
  name: 'backend',
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'iamform-bench-backend-'));
    const path = join(dir, 'iam.db');
    const figures: Figure[] = [];
    const catalog = loadCatalog();
    try {
      const service = IamService.open({ path, catalog });
      const loadStart = performance.now();
      const { userNames, projectNames } = generateAccount(service, prng(42));
      const loadMs = performance.now() - loadStart;
      figures.push({ name: `bulk load (${counts.users} users, ${counts.groups} groups, ${counts.policies} policies, ${counts.attachments} attachments)`, value: ms(loadMs) });
      figures.push({ name: 'database file size', value: mb(statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0)) });

      const refresh = await measure(() => {
        service.listUsers();
        service.listGroups();
        service.listMemberships();
        service.listCustomPolicies();
        service.listAttachments();
        service.listAccessKeys();
        service.listProjects();
      });
      figures.push({ name: 'refresh: one bulk list per kind (median)', value: ms(refresh.medianMs) });

      const rand = prng(7);
      const actions = service.catalog.actions.map((a) => a.name);
      const requests = Array.from({ length: 200_000 }, () => {
        const r = rand();
        const target: CanTarget = r < 0.1 ? { kind: 'global' } : { kind: 'project', project: projectNames[Math.floor(rand() * projectNames.length)] as string };
        return { user: userNames[Math.floor(rand() * userNames.length)] as string, action: actions[Math.floor(rand() * actions.length)] as string, target };
      });
      const warm = performance.now();
      for (const user of userNames) service.can({ user, action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-de' } });
      figures.push({ name: 'can: first decision of every user (compiles grants)', value: ms(performance.now() - warm) });
      let allowed = 0;
      const timing = await measure(
        () => {
          allowed = 0;
          for (const request of requests) if (unwrap(service.can(request)).decision.decision === 'allow') allowed++;
        },
        { runs: 3, warmup: 1 },
      );
      const perSecond = requests.length / (timing.medianMs / 1000);
      figures.push({
        name: `can decisions per second, in-process (${requests.length} random, ${((100 * allowed) / requests.length).toFixed(0)}% allow)`,
        value: `${Math.round(perSecond).toLocaleString('en-US')}/s`,
        target: '≥ 100,000/s',
        ok: perSecond >= 100_000,
      });

      // The same requests straight into the policy engine, users and scopes resolved and grants
      // compiled beforehand: what a decision costs without the service around it.
      const grantsByUser = new Map(unwrap(service.access()).map((a) => [a.user.name, a.user.id]));
      const projectsByName = new Map(service.listProjects().map((p) => [p.name, p]));
      const compiledByUser = new Map<string, ReturnType<typeof compileGrants>>();
      const engineRequests = requests.map((r) => {
        const userId = grantsByUser.get(r.user) as string;
        let compiled = compiledByUser.get(userId);
        if (compiled === undefined) {
          compiled = compileGrants(unwrap(service.grantsOf(userId)), service.catalog);
          compiledByUser.set(userId, compiled);
        }
        const project = r.target.kind === 'project' ? projectsByName.get(r.target.project) : undefined;
        const scope: RequestScope = project ? { kind: 'project', projectId: project.id, projectName: project.name } : { kind: 'global' };
        return { compiled, request: { action: r.action, scope, context: { userName: r.user, currentTime: new Date() } } };
      });
      const engineTiming = await measure(
        () => {
          for (const { compiled, request } of engineRequests) decide(request, compiled);
        },
        { runs: 3, warmup: 1 },
      );
      figures.push({
        name: 'policy engine decide() alone, same requests (for comparison)',
        value: `${Math.round(requests.length / (engineTiming.medianMs / 1000)).toLocaleString('en-US')}/s`,
      });

      const accessTiming = await measure(
        () => {
          const fresh = IamService.open({ path, catalog });
          const result = unwrap(fresh.access());
          if (result.length !== counts.users) throw new Error(`access returned ${result.length} users`);
          fresh.close();
        },
        { runs: 3, warmup: 1 },
      );
      figures.push({ name: `access for all ${counts.users} users, cold cache (median)`, value: ms(accessTiming.medianMs), target: '< 1 s', ok: accessTiming.medianMs < 1000 });
      service.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
