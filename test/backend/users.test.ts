import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { unwrap, type IamService, type UserCreate } from '../../src/backend/index.js';
import { serviceForEachTest } from './helpers.js';

let service: IamService;
const env = serviceForEachTest((opened) => (service = opened));

describe('creating users', () => {
  it('applies the defaults of the config language', () => {
    const user = unwrap(service.createUser({ name: 'alice' }));
    expect(user).toMatchObject({
      name: 'alice',
      displayName: 'alice',
      description: '',
      email: null,
      phone: null,
      enabled: true,
      accessMode: 'both',
      passwordSet: false,
      passwordResetRequired: true,
      loginProtection: 'none',
      receiveNotifications: false,
    });
    expect(user.id).toMatch(/^[0-9a-f]{32}$/);
    expect(unwrap(service.getUser(user.id))).toEqual(user);
    expect(unwrap(service.findUser('ALICE'))).toEqual(user);
  });

  it('stores every attribute', () => {
    const input: UserCreate = {
      name: 'bob',
      displayName: 'Bob B.',
      description: 'operator',
      email: 'bob@example.com',
      phone: { countryCode: '+49', number: '1701234567' },
      enabled: false,
      accessMode: 'console',
      password: 'Secret-123',
      passwordResetRequired: false,
      loginProtection: 'sms',
      receiveNotifications: true,
    };
    const user = unwrap(service.createUser(input));
    const { password: _password, ...rest } = input;
    expect(user).toMatchObject({ ...rest, passwordSet: true });
  });

  it('keeps the password only as a salted scrypt hash', () => {
    const a = unwrap(service.createUser({ name: 'alice', password: 'Secret-123' }));
    const b = unwrap(service.createUser({ name: 'bob', password: 'Secret-123' }));
    const raw = new DatabaseSync(env.temp.dbPath);
    const hashes = raw.prepare('SELECT password_hash FROM users ORDER BY name').all() as { password_hash: string }[];
    raw.close();
    expect(hashes).toHaveLength(2);
    for (const { password_hash } of hashes) {
      expect(password_hash).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(password_hash).not.toContain('Secret-123');
    }
    expect(hashes[0]?.password_hash).not.toBe(hashes[1]?.password_hash);
    expect(unwrap(service.checkUserPassword(a.id, 'Secret-123'))).toBe(true);
    expect(unwrap(service.checkUserPassword(b.id, 'Secret-124'))).toBe(false);
  });

  it.each<[string, UserCreate, string, string | undefined, number]>([
    ['invalid name', { name: '9lives' }, 'IAM.1101', 'name', 400],
    ['weak password', { name: 'carol', password: 'abc' }, 'IAM.1118', 'password', 400],
    ['password equal to the name', { name: 'carol1', password: 'carol1' }, 'IAM.1118', 'password', 400],
    ['phone without country code', { name: 'carol', phone: { countryCode: '', number: '123' } }, 'IAM.1106', 'phone.country_code', 400],
    ['bad email', { name: 'carol', email: 'nope' }, 'IAM.1102', 'email', 400],
    ['bad access mode', { name: 'carol', accessMode: 'all' as never }, 'IAM.1120', 'access_mode', 400],
  ])('refuses %s', (_what, input, code, field, status) => {
    const result = service.createUser(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code, field, status });
    expect(service.listUsers()).toHaveLength(0);
  });
});

describe('uniqueness across the account', () => {
  beforeEach(() => {
    unwrap(service.createUser({ name: 'alice', email: 'alice@example.com', phone: { countryCode: '+49', number: '111' } }));
  });

  it.each<[string, UserCreate, string, string]>([
    ['the same name', { name: 'alice' }, 'IAM.1109', 'name'],
    ['the same name in other case', { name: 'Alice' }, 'IAM.1109', 'name'],
    ['the same email', { name: 'bob', email: 'alice@example.com' }, 'IAM.1110', 'email'],
    ['the same email in other case', { name: 'bob', email: 'ALICE@example.com' }, 'IAM.1110', 'email'],
    ['the same phone', { name: 'bob', phone: { countryCode: '+49', number: '111' } }, 'IAM.1111', 'phone'],
    ['the same phone written 0049', { name: 'bob', phone: { countryCode: '0049', number: '111' } }, 'IAM.1111', 'phone'],
  ])('refuses %s with 409', (_what, input, code, field) => {
    const result = service.createUser(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ status: 409, code, field });
  });

  it('allows the same phone number under another country code', () => {
    expect(service.createUser({ name: 'bob', phone: { countryCode: '+31', number: '111' } }).ok).toBe(true);
  });

  it('refuses an update that takes another user’s email, and allows keeping one’s own', () => {
    const bob = unwrap(service.createUser({ name: 'bob' }));
    const taken = service.updateUser(bob.id, { email: 'alice@example.com' });
    expect(taken.ok ? undefined : taken.error.code).toBe('IAM.1110');
    const alice = unwrap(service.findUser('alice'));
    expect(service.updateUser(alice.id, { email: 'alice@example.com', description: 'same' }).ok).toBe(true);
  });
});

describe('updating users', () => {
  it('merges the change with the current values and checks the result', () => {
    const user = unwrap(service.createUser({ name: 'alice', email: 'a@example.com', accessMode: 'console', loginProtection: 'email' }));
    const cleared = service.updateUser(user.id, { email: null });
    expect(cleared.ok ? undefined : cleared.error).toMatchObject({ code: 'IAM.0073', field: 'login_protection' });
    const updated = unwrap(service.updateUser(user.id, { displayName: 'Alice A.', enabled: false }));
    expect(updated).toMatchObject({ name: 'alice', displayName: 'Alice A.', enabled: false, email: 'a@example.com' });
    expect(updated.updatedAt > user.updatedAt).toBe(true);
  });

  it('refuses a new password equal to the current one (IAM.1108)', () => {
    const user = unwrap(service.createUser({ name: 'alice', password: 'Secret-123' }));
    const same = service.updateUser(user.id, { password: 'Secret-123' });
    expect(same.ok ? undefined : same.error).toMatchObject({ code: 'IAM.1108', field: 'password' });
    expect(service.updateUser(user.id, { password: 'Other-456' }).ok).toBe(true);
    expect(unwrap(service.checkUserPassword(user.id, 'Other-456'))).toBe(true);
  });

  it('an empty email or phone clears it', () => {
    const user = unwrap(service.createUser({ name: 'alice', email: 'a@example.com', phone: { countryCode: '+1', number: '5' } }));
    const updated = unwrap(service.updateUser(user.id, { email: '', phone: { countryCode: '', number: '' } }));
    expect(updated.email).toBeNull();
    expect(updated.phone).toBeNull();
  });

  it.each([['getUser'], ['updateUser'], ['deleteUser']] as const)('%s of an unknown id is IAM.0004 (404)', (method) => {
    const id = '0'.repeat(32);
    const result = method === 'updateUser' ? service.updateUser(id, {}) : service[method](id);
    expect(result.ok ? undefined : result.error).toMatchObject({ status: 404, code: 'IAM.0004', message: `Could not find user: ${id}` });
  });
});
