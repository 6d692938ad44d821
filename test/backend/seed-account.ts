import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IamService, unwrap } from '../../src/backend/index.js';
import { seededRandom, steppingClock } from './helpers.js';

/**
 * The account of the seed's process flow and its two companions, written through the service
 * API into `path` with repeatable ids: group `ecs-viewers` (ECS ReadOnlyAccess in eu-de) with
 * user `alice`; group `operators` (ECS FullAccess plus a custom Deny on
 * `ecs:cloudServers:delete*` in eu-de) with user `dave`; group `admins` (Server Administrator in
 * eu-de, Tenant Guest only in eu-nl) with user `erin`.
 */
export function seedProcessFlowAccount(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const s = IamService.open({ path, clock: steppingClock(), random: seededRandom(7), domainName: 'acme' });
  const project = (name: string) => unwrap(s.findProject(name)).id;
  const policy = (name: string) => unwrap(s.findPolicy(name)).id;
  const group = (name: string, users: string[]) => {
    const g = unwrap(s.createGroup({ name }));
    const ids = users.map((u) => unwrap(s.createUser({ name: u, email: `${u}@example.com`, accessMode: 'console' })).id);
    unwrap(s.setMembers(g.id, ids));
    return g.id;
  };
  const attach = (groupId: string, policyId: string, projectName: string) =>
    unwrap(s.createAttachment({ principal: { kind: 'group', groupId }, policyId, scope: { kind: 'project', projectId: project(projectName) } }));

  attach(group('ecs-viewers', ['alice']), policy('ECS ReadOnlyAccess'), 'eu-de');

  const operators = group('operators', ['dave']);
  attach(operators, policy('ECS FullAccess'), 'eu-de');
  const deny = unwrap(
    s.createCustomPolicy({
      displayName: 'no-ecs-delete',
      description: 'operators may not delete servers',
      type: 'XA',
      document: { Version: '1.1', Statement: [{ Effect: 'Deny', Action: ['ecs:cloudServers:delete*'] }] },
    }),
  );
  attach(operators, deny.id, 'eu-de');

  const admins = group('admins', ['erin']);
  attach(admins, policy('Server Administrator'), 'eu-de');
  attach(admins, policy('Tenant Guest'), 'eu-nl');
  s.close();
}
