import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/state/index.js';
import type { CreatedObject, Provider, ProviderResult, RemoteObject } from '../../src/provider/index.js';
import { writeOnlyChange } from '../../src/schema/index.js';

/**
 * The behaviour every `Provider` must have, run against each implementation (memory,
 * embedded; an http provider later). A fixture is a fresh, empty account per test.
 */
export interface ProviderFixture {
  readonly provider: Provider;
  /** Backend list calls made so far, where the implementation can count them. */
  readonly listCalls?: () => number;
  cleanup(): Promise<void> | void;
}

export type ProviderFactory = () => Promise<ProviderFixture> | ProviderFixture;

export function ok<T>(result: ProviderResult<T>): T {
  if (!result.ok) throw new Error(`provider call failed: ${result.error.status} ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function failed<T>(result: ProviderResult<T>): { status: number; code: string; field?: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  const { status, code, field } = result.error;
  return field === undefined ? { status, code } : { status, code, field };
}

const allTypes = ['iam_project', 'iam_enterprise_project', 'iam_user', 'iam_group', 'iam_group_membership', 'iam_policy', 'iam_policy_attachment', 'iam_access_key'];

const document = (action: string, effect = 'Allow'): JsonObject => ({ Version: '1.1', Statement: [{ Effect: effect, Action: [action] }] });

export function describeProvider(name: string, factory: ProviderFactory): void {
  describe(`Provider conformance: ${name}`, () => {
    let fx: ProviderFixture;
    let p: Provider;
    beforeEach(async () => {
      fx = await factory();
      p = fx.provider;
    });
    afterEach(async () => {
      await p.close();
      await fx.cleanup();
    });

    const create = async (type: string, values: JsonObject, writeOnly: JsonObject = {}): Promise<CreatedObject> => ok(await p.create(type, values, writeOnly));
    const refreshed = async (type: string): Promise<readonly RemoteObject[]> => ok(await p.refresh([type])).get(type) ?? [];
    const user = (n: string, extra: JsonObject = {}): Promise<CreatedObject> => create('iam_user', { name: n, access_mode: 'both', ...extra });
    const group = (n: string): Promise<CreatedObject> => create('iam_group', { name: n, description: '' });
    const dataId = async (type: string, n: string): Promise<string> => ok(await p.read(type, { name: n })).id;

    describe('users', () => {
      it('create fills defaults, keeps the password out of attributes and in a keeper', async () => {
        const created = await create('iam_user', { name: 'alice', email: 'alice@example.com', access_mode: 'console', phone: [{ country_code: '+49', number: '1701234567' }] }, { password: 'Str0ng!pass' });
        expect(created.attributes).toEqual({
          name: 'alice',
          display_name: 'alice',
          description: '',
          email: 'alice@example.com',
          phone: [{ country_code: '+49', number: '1701234567' }],
          enabled: true,
          access_mode: 'console',
          password_reset_required: true,
          login_protection: 'none',
          receive_notifications: false,
        });
        expect(JSON.stringify(created)).not.toContain('Str0ng!pass');
        expect(writeOnlyChange('Str0ng!pass', created.private, 'password')).toBe('unchanged');
        expect(writeOnlyChange('0ther!pass', created.private, 'password')).toBe('changed');
      });

      it('update changes attributes; a new password gives a new keeper, none keeps the old', async () => {
        const created = await user('bob', { access_mode: 'console' });
        expect(created.private).toBeUndefined();
        const updated = ok(await p.update('iam_user', created.id, created.attributes, { ...created.attributes, description: 'ops', email: 'bob@example.com', phone: [] }, { password: 'N3w!passw' }));
        expect(updated.attributes).toMatchObject({ description: 'ops', email: 'bob@example.com', phone: [] });
        expect(writeOnlyChange('N3w!passw', updated.private, 'password')).toBe('unchanged');
        const again = ok(await p.update('iam_user', created.id, updated.attributes, { ...updated.attributes, enabled: false }, {}));
        expect(again.private).toBeUndefined();
        expect(again.attributes['enabled']).toBe(false);
      });

      it('update with the password the user already has succeeds and records its keeper', async () => {
        const created = await create('iam_user', { name: 'adopted', access_mode: 'console' }, { password: 'Str0ng!pass' });
        const updated = ok(await p.update('iam_user', created.id, created.attributes, { ...created.attributes, description: 'adopted' }, { password: 'Str0ng!pass' }));
        expect(updated.attributes['description']).toBe('adopted');
        expect(writeOnlyChange('Str0ng!pass', updated.private, 'password')).toBe('unchanged');
      });

      it('refuses duplicate names, emails and phones with their codes', async () => {
        await user('carol', { email: 'c@example.com', phone: [{ country_code: '+49', number: '111' }] });
        expect(failed(await p.create('iam_user', { name: 'CAROL' }, {}))).toEqual({ status: 409, code: 'IAM.1109', field: 'name' });
        expect(failed(await p.create('iam_user', { name: 'c2', email: 'C@example.com' }, {}))).toEqual({ status: 409, code: 'IAM.1110', field: 'email' });
        expect(failed(await p.create('iam_user', { name: 'c3', phone: [{ country_code: '0049', number: '111' }] }, {}))).toEqual({ status: 409, code: 'IAM.1111', field: 'phone' });
      });

      it('reports invalid input and missing objects', async () => {
        expect(failed(await p.create('iam_user', { name: '1bad' }, {}))).toMatchObject({ status: 400, code: 'IAM.1101', field: 'name' });
        expect(failed(await p.create('iam_user', { name: 'weak', access_mode: 'console' }, { password: 'abc' }))).toMatchObject({ status: 400, code: 'IAM.1118' });
        expect(failed(await p.update('iam_user', 'f'.repeat(32), {}, { description: 'x' }, {}))).toMatchObject({ status: 404, code: 'IAM.0004' });
      });

      it('delete is idempotent and removes the user from refresh', async () => {
        const u = await user('dave');
        ok(await p.delete('iam_user', u.id, u.attributes));
        ok(await p.delete('iam_user', u.id, u.attributes));
        expect((await refreshed('iam_user')).map((o) => o.id)).not.toContain(u.id);
      });
    });

    describe('groups and memberships', () => {
      it('creates, renames and refuses a duplicate group name', async () => {
        const g = await group('ops');
        expect(g.attributes).toEqual({ name: 'ops', description: '' });
        const renamed = ok(await p.update('iam_group', g.id, g.attributes, { name: 'platform', description: 'the platform team' }, {}));
        expect(renamed).toEqual({ id: g.id, attributes: { name: 'platform', description: 'the platform team' } });
        expect(failed(await p.create('iam_group', { name: 'PLATFORM' }, {}))).toEqual({ status: 409, code: 'IAM.0005', field: 'name' });
      });

      it('membership is the authoritative set of members, with the group id as its id', async () => {
        const g = await group('devs');
        const [a, b, c] = [await user('a1'), await user('b1'), await user('c1')];
        const m = await create('iam_group_membership', { group: g.id, users: [b.id, a.id, a.id] });
        expect(m.id).toBe(g.id);
        expect(m.attributes).toEqual({ group: g.id, users: [a.id, b.id].sort() });
        const updated = ok(await p.update('iam_group_membership', m.id, m.attributes, { group: g.id, users: [c.id, b.id] }, {}));
        expect(updated.attributes['users']).toEqual([b.id, c.id].sort());
        expect((await refreshed('iam_group_membership')).find((o) => o.id === g.id)?.attributes).toEqual({ group: g.id, users: [b.id, c.id].sort() });
        ok(await p.delete('iam_group_membership', m.id, updated.attributes));
        expect((await refreshed('iam_group_membership')).find((o) => o.id === g.id)?.attributes).toEqual({ group: g.id, users: [] });
      });

      it('membership with an unknown user fails and changes nothing', async () => {
        const g = await group('qa');
        const a = await user('qa1');
        await create('iam_group_membership', { group: g.id, users: [a.id] });
        expect(failed(await p.update('iam_group_membership', g.id, {}, { group: g.id, users: [a.id, 'f'.repeat(32)] }, {}))).toMatchObject({ status: 404, code: 'IAM.0004', field: 'users' });
        expect((await refreshed('iam_group_membership')).find((o) => o.id === g.id)?.attributes['users']).toEqual([a.id]);
        expect(failed(await p.create('iam_group_membership', { group: 'f'.repeat(32), users: [] }, {}))).toMatchObject({ status: 404, code: 'IAM.0004', field: 'group' });
      });

      it('deleting a group removes its membership and attachments', async () => {
        const g = await group('gone');
        const a = await user('g1');
        await create('iam_group_membership', { group: g.id, users: [a.id] });
        const policy = await dataId('iam_policy', 'ECS ReadOnlyAccess');
        const project = await dataId('iam_project', 'eu-de');
        await create('iam_policy_attachment', { group: g.id, policy, project });
        ok(await p.delete('iam_group', g.id, g.attributes));
        const after = ok(await p.refresh(['iam_group_membership', 'iam_policy_attachment']));
        expect(after.get('iam_group_membership')?.map((o) => o.id)).not.toContain(g.id);
        expect(after.get('iam_policy_attachment')).toEqual([]);
        ok(await p.delete('iam_group_membership', g.id, {}));
      });
    });

    describe('projects', () => {
      it('create, update and delete a sub-project of a region', async () => {
        const region = await dataId('iam_project', 'eu-de');
        const created = await create('iam_project', { name: 'eu-de_payments', description: '' });
        expect(created.attributes).toEqual({ name: 'eu-de_payments', description: '', parent_id: region, enabled: true });
        const updated = ok(await p.update('iam_project', created.id, created.attributes, { name: 'eu-de_payments', description: 'payments' }, {}));
        expect(updated.attributes['description']).toBe('payments');
        expect((await refreshed('iam_project')).map((o) => o.id)).toEqual([created.id]);
        expect(failed(await p.create('iam_project', { name: 'eu-de_payments' }, {}))).toMatchObject({ status: 409, code: 'IAM.0005' });
        expect(failed(await p.create('iam_project', { name: 'payments' }, {}))).toMatchObject({ status: 400, field: 'name' });
        ok(await p.delete('iam_project', created.id, updated.attributes));
        ok(await p.delete('iam_project', created.id, updated.attributes));
        expect(await refreshed('iam_project')).toEqual([]);
      });

      it('enterprise projects: create, refresh without the default one, refuse disabling', async () => {
        const ep = await create('iam_enterprise_project', { name: 'finance', description: 'money', enabled: true });
        expect(ep.attributes).toEqual({ name: 'finance', description: 'money', enabled: true });
        expect((await refreshed('iam_enterprise_project')).map((o) => o.id)).toEqual([ep.id]);
        expect(failed(await p.create('iam_enterprise_project', { name: 'FINANCE' }, {}))).toMatchObject({ status: 409, code: 'IAM.0005' });
        expect(failed(await p.update('iam_enterprise_project', ep.id, ep.attributes, { ...ep.attributes, enabled: false }, {}))).toMatchObject({ status: 400, field: 'enabled' });
        ok(await p.delete('iam_enterprise_project', ep.id, ep.attributes));
        expect(await refreshed('iam_enterprise_project')).toEqual([]);
      });
    });

    describe('custom policies', () => {
      it('create from an object or JSON text, update, refuse duplicates and bad documents', async () => {
        const created = await create('iam_policy', { name: 'deny-delete', description: 'no deletes', scope: 'project', policy: document('ecs:cloudServers:delete', 'Deny') });
        expect(created.attributes).toEqual({ name: 'deny-delete', description: 'no deletes', scope: 'project', policy: document('ecs:cloudServers:delete', 'Deny') });
        const fromText = await create('iam_policy', { name: 'iam-read', description: 'read IAM', scope: 'global', policy: JSON.stringify(document('iam:users:listUsers')) });
        expect(fromText.attributes['policy']).toEqual(document('iam:users:listUsers'));
        const updated = ok(await p.update('iam_policy', created.id, created.attributes, { ...created.attributes, description: 'still no deletes', policy: document('ecs:*:*', 'Deny') }, {}));
        expect(updated.attributes).toMatchObject({ description: 'still no deletes', policy: document('ecs:*:*', 'Deny') });
        expect(failed(await p.create('iam_policy', { name: 'Deny-Delete', description: 'x', policy: document('ecs:*:*') }, {}))).toMatchObject({ status: 409, code: 'IAM.0005', field: 'name' });
        const bad = failed(await p.create('iam_policy', { name: 'bad', description: 'x', policy: document('nosuch:thing:here') }, {}));
        expect(bad.status).toBe(400);
        expect(bad.code).toMatch(/^IAM\.10\d\d$/);
        expect((await refreshed('iam_policy')).map((o) => o.attributes['name']).sort()).toEqual(['deny-delete', 'iam-read']);
      });

      it('an attached policy cannot be deleted until its attachment is', async () => {
        const policy = await create('iam_policy', { name: 'ro', description: 'read', policy: document('ecs:servers:list') });
        const g = await group('viewers');
        const project = await dataId('iam_project', 'eu-nl');
        const att = await create('iam_policy_attachment', { group: g.id, policy: policy.id, project });
        expect(failed(await p.delete('iam_policy', policy.id, policy.attributes))).toMatchObject({ status: 409, code: 'IAM.0005' });
        ok(await p.delete('iam_policy_attachment', att.id, att.attributes));
        ok(await p.delete('iam_policy', policy.id, policy.attributes));
        ok(await p.delete('iam_policy', policy.id, policy.attributes));
      });
    });

    describe('attachments', () => {
      it('each scope, ids that encode principal, policy and scope, refreshed in bulk', async () => {
        const g = await group('admins');
        const u = await user('erin');
        const ecsRo = await dataId('iam_policy', 'ECS ReadOnlyAccess');
        const iamRo = await dataId('iam_policy', 'IAM ReadOnlyAccess');
        const project = await dataId('iam_project', 'eu-de');
        const ep = await create('iam_enterprise_project', { name: 'shop' });
        const base = { group: null, user: null, project: null, all_projects: false, global: false, enterprise_project: null };
        const atProject = await create('iam_policy_attachment', { group: g.id, policy: ecsRo, project });
        const atAll = await create('iam_policy_attachment', { group: g.id, policy: ecsRo, all_projects: true });
        const atGlobal = await create('iam_policy_attachment', { group: g.id, policy: iamRo, global: true });
        const atEp = await create('iam_policy_attachment', { user: u.id, policy: ecsRo, enterprise_project: ep.id });
        expect(atProject.id).toBe(`group:${g.id}/${ecsRo}/project:${project}`);
        expect(atAll.id).toBe(`group:${g.id}/${ecsRo}/all_projects`);
        expect(atGlobal.id).toBe(`group:${g.id}/${iamRo}/global`);
        expect(atEp.id).toBe(`user:${u.id}/${ecsRo}/enterprise_project:${ep.id}`);
        expect(atProject.attributes).toEqual({ ...base, group: g.id, policy: ecsRo, project });
        expect(atEp.attributes).toEqual({ ...base, user: u.id, policy: ecsRo, enterprise_project: ep.id });
        const all = await refreshed('iam_policy_attachment');
        expect(all.map((o) => o.id).sort()).toEqual([atProject.id, atAll.id, atGlobal.id, atEp.id].sort());
        expect(all.find((o) => o.id === atGlobal.id)?.attributes).toEqual({ ...base, group: g.id, policy: iamRo, global: true });
      });

      it('refuses duplicates, misfitting scopes, missing principals and in-place updates; delete is idempotent', async () => {
        const g = await group('auditors');
        const ecsRo = await dataId('iam_policy', 'ECS ReadOnlyAccess');
        const iamRo = await dataId('iam_policy', 'IAM ReadOnlyAccess');
        const project = await dataId('iam_project', 'eu-de');
        const att = await create('iam_policy_attachment', { group: g.id, policy: ecsRo, project });
        expect(failed(await p.create('iam_policy_attachment', { group: g.id, policy: ecsRo, project }, {}))).toMatchObject({ status: 409, code: 'IAM.0005' });
        expect(failed(await p.create('iam_policy_attachment', { group: g.id, policy: iamRo, project }, {}))).toMatchObject({ status: 400, code: 'IAM.0007' });
        expect(failed(await p.create('iam_policy_attachment', { group: 'f'.repeat(32), policy: ecsRo, project }, {}))).toMatchObject({ status: 404, code: 'IAM.0004', field: 'group' });
        expect(failed(await p.create('iam_policy_attachment', { group: g.id, policy: 'f'.repeat(32), project }, {}))).toMatchObject({ status: 404, code: 'IAM.0004', field: 'policy' });
        expect(failed(await p.update('iam_policy_attachment', att.id, att.attributes, att.attributes, {})).status).toBe(400);
        ok(await p.delete('iam_policy_attachment', att.id, att.attributes));
        ok(await p.delete('iam_policy_attachment', att.id, att.attributes));
        expect(await refreshed('iam_policy_attachment')).toEqual([]);
      });
    });

    describe('access keys', () => {
      it('the secret comes once from create and never from refresh; at most two per user', async () => {
        const u = await user('robot', { access_mode: 'programmatic' });
        const k1 = await create('iam_access_key', { user: u.id, description: 'ci', status: 'active' });
        expect(k1.attributes).toEqual({ user: u.id, description: 'ci', status: 'active', access: k1.id });
        expect(typeof k1.secrets?.['secret']).toBe('string');
        expect(String(k1.secrets?.['secret'])).toHaveLength(40);
        const secret = String(k1.secrets?.['secret']);
        await create('iam_access_key', { user: u.id });
        expect(failed(await p.create('iam_access_key', { user: u.id }, {}))).toMatchObject({ status: 400, code: 'akSkNumExceed' });
        const keys = await refreshed('iam_access_key');
        expect(keys).toHaveLength(2);
        expect(JSON.stringify(keys)).not.toContain(secret);
        const updated = ok(await p.update('iam_access_key', k1.id, k1.attributes, { ...k1.attributes, status: 'inactive' }, {}));
        expect(updated.attributes['status']).toBe('inactive');
        ok(await p.delete('iam_access_key', k1.id, updated.attributes));
        ok(await p.delete('iam_access_key', k1.id, updated.attributes));
        expect(await refreshed('iam_access_key')).toHaveLength(1);
      });

      it('refuses keys of console-only and missing users', async () => {
        const u = await user('human', { access_mode: 'console' });
        expect(failed(await p.create('iam_access_key', { user: u.id }, {}))).toMatchObject({ status: 400, code: 'IAM.0081' });
        expect(failed(await p.create('iam_access_key', { user: 'f'.repeat(32) }, {}))).toMatchObject({ status: 404, code: 'IAM.0004' });
      });
    });

    describe('data sources', () => {
      it('reads system policies, projects, users and groups by name', async () => {
        const policy = ok(await p.read('iam_policy', { name: 'ECS ReadOnlyAccess' }));
        expect(policy.id).toMatch(/^[0-9a-f]{32}$/);
        expect(policy.attributes).toMatchObject({ name: 'ECS ReadOnlyAccess', kind: 'system_policy', type: 'XA', version: '1.1' });
        expect(String(policy.attributes['description']).length).toBeGreaterThan(0);
        const role = ok(await p.read('iam_policy', { name: 'Server Administrator' }));
        expect(role.attributes).toMatchObject({ kind: 'system_role', version: '1.0' });
        const project = ok(await p.read('iam_project', { name: 'eu-de' }));
        expect(project.attributes).toMatchObject({ name: 'eu-de', kind: 'region', parent_id: null, enabled: true });
        const u = await user('frank', { email: 'f@example.com' });
        expect(ok(await p.read('iam_user', { name: 'Frank' }))).toMatchObject({ id: u.id, attributes: { name: 'frank', email: 'f@example.com' } });
        const g = await group('readers');
        expect(ok(await p.read('iam_group', { name: 'readers' }))).toEqual({ id: g.id, attributes: { name: 'readers', description: '' } });
        const custom = await create('iam_policy', { name: 'mine', description: 'my policy', policy: document('ecs:servers:list') });
        expect(ok(await p.read('iam_policy', { name: 'mine' }))).toMatchObject({ id: custom.id, attributes: { name: 'mine', kind: 'custom', description: 'my policy', version: '1.1' } });
      });

      it('a missing object is a 404 on name', async () => {
        for (const type of ['iam_policy', 'iam_project', 'iam_user', 'iam_group']) {
          expect(failed(await p.read(type, { name: 'no-such-thing' }))).toEqual({ status: 404, code: 'IAM.0004', field: 'name' });
        }
      });
    });

    describe('refresh', () => {
      it('returns every kind asked for, nothing write-only or secret, and an error for an unknown type', async () => {
        const u = await create('iam_user', { name: 'gina', access_mode: 'both' }, { password: 'S3cret!pw' });
        const key = await create('iam_access_key', { user: u.id });
        const result = ok(await p.refresh(allTypes));
        expect([...result.keys()]).toEqual(allTypes);
        const text = JSON.stringify([...result]);
        expect(text).not.toContain('S3cret!pw');
        expect(text).not.toContain(String(key.secrets?.['secret']));
        expect(text).not.toContain('"password"');
        expect(text).not.toContain('"secret"');
        expect(failed(await p.refresh(['iam_nothing']))).toMatchObject({ status: 400 });
      });

      it('makes the same number of list calls whatever the number of objects', async () => {
        if (fx.listCalls === undefined) return;
        const countFor = async (): Promise<number> => {
          const before = fx.listCalls?.() ?? 0;
          ok(await p.refresh(allTypes));
          return (fx.listCalls?.() ?? 0) - before;
        };
        const few = await countFor();
        expect(few).toBeGreaterThan(0);
        for (let i = 0; i < 12; i++) {
          const u = await user(`bulk${i}`);
          const g = await group(`bulk-group-${i}`);
          await create('iam_group_membership', { group: g.id, users: [u.id] });
          await create('iam_access_key', { user: u.id });
        }
        const many = await countFor();
        expect(many).toBe(few);
        expect(many).toBeLessThanOrEqual(allTypes.length + 1);
      });
    });
  });
}
