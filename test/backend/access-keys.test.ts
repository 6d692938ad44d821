import { describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { unwrap, type IamService } from '../../src/backend/index.js';
import { serviceForEachTest } from './helpers.js';

let service: IamService;
const env = serviceForEachTest((opened) => (service = opened));

describe('access keys', () => {
  it('returns the secret once, at creation, and never again', () => {
    const user = unwrap(service.createUser({ name: 'bot', accessMode: 'programmatic' }));
    const created = unwrap(service.createAccessKey({ userId: user.id, description: 'ci' }));
    expect(created.accessKeyId).toMatch(/^[A-Z0-9]{20}$/);
    expect(created.secret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(created).toMatchObject({ userId: user.id, description: 'ci', status: 'active' });
    const read = unwrap(service.getAccessKey(created.accessKeyId));
    expect(read).not.toHaveProperty('secret');
    expect(JSON.stringify(service.listAccessKeys())).not.toContain(created.secret);
    expect(JSON.stringify(service.auditLog())).not.toContain(created.secret);
    const raw = new DatabaseSync(env.temp.dbPath);
    const rows = raw.prepare('SELECT * FROM access_keys').all();
    raw.close();
    expect(JSON.stringify(rows)).not.toContain(created.secret);
    expect(JSON.stringify(rows)).toMatch(/sha256\$[0-9a-f]{32}\$[0-9a-f]{64}/);
  });

  it('allows at most two keys per user', () => {
    const user = unwrap(service.createUser({ name: 'bot', accessMode: 'both' }));
    unwrap(service.createAccessKey({ userId: user.id }));
    unwrap(service.createAccessKey({ userId: user.id }));
    const third = service.createAccessKey({ userId: user.id });
    expect(third.ok ? undefined : third.error).toMatchObject({ status: 400, code: 'akSkNumExceed', field: 'user' });
    expect(service.listAccessKeys(user.id)).toHaveLength(2);
    const other = unwrap(service.createUser({ name: 'other', accessMode: 'programmatic' }));
    expect(service.createAccessKey({ userId: other.id }).ok).toBe(true);
  });

  it('refuses keys for console-only users (IAM.0081) and unknown users (IAM.0004)', () => {
    const user = unwrap(service.createUser({ name: 'human', accessMode: 'console' }));
    const consoleOnly = service.createAccessKey({ userId: user.id });
    expect(consoleOnly.ok ? undefined : consoleOnly.error).toMatchObject({ status: 400, code: 'IAM.0081', field: 'user' });
    const unknown = service.createAccessKey({ userId: '0'.repeat(32) });
    expect(unknown.ok ? undefined : unknown.error).toMatchObject({ status: 404, code: 'IAM.0004' });
  });

  it('updates status and description, refuses an unknown status, deletes', () => {
    const user = unwrap(service.createUser({ name: 'bot', accessMode: 'programmatic' }));
    const key = unwrap(service.createAccessKey({ userId: user.id }));
    expect(unwrap(service.updateAccessKey(key.accessKeyId, { status: 'inactive', description: 'rotating' }))).toMatchObject({ status: 'inactive', description: 'rotating' });
    const bad = service.updateAccessKey(key.accessKeyId, { status: 'paused' as never });
    expect(bad.ok ? undefined : bad.error).toMatchObject({ code: 'IAM.0073', field: 'status' });
    unwrap(service.deleteAccessKey(key.accessKeyId));
    expect(service.listAccessKeys()).toEqual([]);
  });
});
