import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { IamService, latestSchemaVersion, migrations, unwrap } from '../../src/backend/index.js';
import { Database } from '../../src/backend/store/database.js';
import { openTestService, policyId, seededRandom, steppingClock, tempDir, type TempDir } from './helpers.js';

const temps: TempDir[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});
function temp(): TempDir {
  const t = tempDir();
  temps.push(t);
  return t;
}

describe('the database file', () => {
  it('uses WAL, foreign keys and a busy timeout', () => {
    const t = temp();
    const db = Database.open(t.dbPath, { busyTimeoutMs: 1234 });
    expect(db.sqlite.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.sqlite.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect(db.sqlite.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 1234 });
    db.close();
  });

  it('applies every migration in order and records it in schema_version', () => {
    const t = temp();
    const db = Database.open(t.dbPath);
    expect(db.appliedVersions()).toEqual(migrations.map((m) => m.version));
    expect(db.appliedVersions().at(-1)).toBe(latestSchemaVersion);
    db.close();
  });

  it('upgrades a database that has only the first step, keeping its data', () => {
    const t = temp();
    const first = migrations.filter((m) => m.version === 1);
    const old = Database.open(t.dbPath, { migrations: first });
    expect(old.appliedVersions()).toEqual([1]);
    old.sqlite.exec("INSERT INTO groups (id, name, name_key, description, created_at, updated_at) VALUES ('g1', 'team', 'team', '', 'x', 'x')");
    expect(() => old.sqlite.prepare('SELECT * FROM audit_log').all()).toThrow(/no such table/);
    old.close();
    const service = IamService.open({ path: t.dbPath, clock: steppingClock(), random: seededRandom() });
    expect(service.schemaVersions()).toEqual([1, 2, 3]);
    expect(service.listGroups().map((g) => g.name)).toEqual(['team']);
    service.close();
  });

  it('reopening keeps the account, its projects and objects', () => {
    const t = temp();
    const first = IamService.open({ path: t.dbPath, domainName: 'acme' });
    const user = unwrap(first.createUser({ name: 'alice' }));
    const domain = first.domain;
    const projects = first.listProjects();
    first.close();
    const second = IamService.open({ path: t.dbPath, domainName: 'other' });
    expect(second.domain).toEqual(domain);
    expect(second.domain.name).toBe('acme');
    expect(second.listProjects()).toEqual(projects);
    expect(unwrap(second.getUser(user.id))).toEqual(user);
    second.close();
  });

  it('a failed operation leaves nothing behind', () => {
    const env = openTestService();
    const before = env.service.auditLog().length;
    const group = env.service.createGroup({ name: 'g'.repeat(70) });
    expect(group.ok).toBe(false);
    expect(() =>
      env.service.batch((s) => {
        unwrap(s.createGroup({ name: 'one' }));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(env.service.listGroups()).toEqual([]);
    expect(env.service.auditLog()).toHaveLength(before);
    env.close();
  });
});

describe('the audit log', () => {
  it('records every change with time, actor, operation, object, before and after', () => {
    const env = openTestService({ actor: 'tester' });
    const s = env.service;
    const start = s.auditLog().at(-1)?.seq ?? 0;
    const user = unwrap(s.createUser({ name: 'alice', accessMode: 'both', password: 'Secret-123' }));
    const updated = unwrap(s.updateUser(user.id, { displayName: 'Alice', password: 'Other-456' }));
    const group = unwrap(s.createGroup({ name: 'team' }));
    unwrap(s.setMembers(group.id, [user.id]));
    const grant = unwrap(s.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policyId(s, 'Tenant Guest'), scope: { kind: 'global' } }));
    const key = unwrap(s.createAccessKey({ userId: user.id }));
    unwrap(s.deleteUser(user.id));
    const entries = s.auditLog({ afterSeq: start });
    expect(entries.map((e) => [e.operation, e.objectKind])).toEqual([
      ['create', 'user'],
      ['update', 'user'],
      ['create', 'group'],
      ['create', 'membership'],
      ['create', 'attachment'],
      ['create', 'access_key'],
      ['delete', 'membership'],
      ['delete', 'access_key'],
      ['delete', 'user'],
    ]);
    for (const e of entries) {
      expect(e.actor).toBe('tester');
      expect(e.at).toMatch(/^2026-01-01T00:\d\d:\d\dZ$|^2026-01-01T00:\d\d:\d\d\.000Z$/);
    }
    expect(entries[0]).toMatchObject({ objectId: user.id, before: null, after: user });
    expect(entries[1]).toMatchObject({ before: user, after: updated });
    expect(entries[4]).toMatchObject({ objectId: grant.id, after: grant });
    const text = JSON.stringify(entries);
    for (const secret of ['Secret-123', 'Other-456', key.secret, 'scrypt$', 'sha256$', 'password_hash', 'secret_hash']) {
      expect(text).not.toContain(secret);
    }
    const raw = new DatabaseSync(env.temp.dbPath);
    const rawText = JSON.stringify(raw.prepare('SELECT * FROM audit_log').all());
    raw.close();
    for (const secret of ['Secret-123', 'Other-456', key.secret, 'scrypt$', 'sha256$']) expect(rawText).not.toContain(secret);
    env.close();
  });

  it('filters by object', () => {
    const env = openTestService();
    const group = unwrap(env.service.createGroup({ name: 'team' }));
    unwrap(env.service.updateGroup(group.id, { description: 'x' }));
    unwrap(env.service.createGroup({ name: 'other' }));
    expect(env.service.auditLog({ objectKind: 'group', objectId: group.id }).map((e) => e.operation)).toEqual(['create', 'update']);
    env.close();
  });
});
