import { hashSecret, newAccessKeyId, newSecret } from '../crypto/secrets.js';
import { fail, notFound, ok, type Result } from '../errors.js';
import type { AccessKey, AccessKeyCreate, AccessKeyCreated, AccessKeyUpdate, AccessMode } from '../model/types.js';
import { checkAccessKeyStatus, checkNewAccessKey } from '../rules/access-key-rules.js';
import { checkDescription } from '../rules/name-rules.js';
import { accessKeyFromRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';

type Row = Record<string, unknown>;

export function getAccessKey(ctx: ServiceContext, accessKeyId: string): Result<AccessKey> {
  const row = ctx.db.statement('SELECT * FROM access_keys WHERE access_key_id = ?').get(accessKeyId) as Row | undefined;
  return row ? ok(accessKeyFromRow(row)) : fail(notFound('access key', accessKeyId));
}

/** Every access key of the account, or of one user; never with a secret. */
export function listAccessKeys(ctx: ServiceContext, userId?: string): AccessKey[] {
  const rows =
    userId === undefined
      ? (ctx.db.statement('SELECT * FROM access_keys ORDER BY user_id, created_at, access_key_id').all() as Row[])
      : (ctx.db.statement('SELECT * FROM access_keys WHERE user_id = ? ORDER BY created_at, access_key_id').all(userId) as Row[]);
  return rows.map(accessKeyFromRow);
}

/**
 * Creates a key and returns its secret, the only time the secret is ever returned: only a
 * salted hash of it is stored. Users whose access mode is console-only cannot have keys.
 */
export function createAccessKey(ctx: ServiceContext, input: AccessKeyCreate): Result<AccessKeyCreated> {
  const description = input.description ?? '';
  const status = input.status ?? 'active';
  const problem = checkDescription(description) ?? checkAccessKeyStatus(status);
  if (problem) return fail(problem);
  return ctx.db.write(() => {
    const user = ctx.db.statement('SELECT name, access_mode FROM users WHERE id = ?').get(input.userId) as { name: string; access_mode: AccessMode } | undefined;
    if (!user) return fail<AccessKeyCreated>(notFound('user', input.userId, 'user'));
    const count = (ctx.db.statement('SELECT COUNT(*) AS n FROM access_keys WHERE user_id = ?').get(input.userId) as { n: number }).n;
    const refused = checkNewAccessKey({ name: user.name, accessMode: user.access_mode }, count);
    if (refused) return fail<AccessKeyCreated>(refused);
    let accessKeyId = newAccessKeyId(ctx.random);
    while (ctx.db.statement('SELECT 1 FROM access_keys WHERE access_key_id = ?').get(accessKeyId)) accessKeyId = newAccessKeyId(ctx.random);
    const secret = newSecret(ctx.random);
    ctx.db
      .statement('INSERT INTO access_keys (access_key_id, user_id, description, status, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(accessKeyId, input.userId, description, status, hashSecret(secret, ctx.random), ctx.now());
    const key = accessKeyFromRow(ctx.db.statement('SELECT * FROM access_keys WHERE access_key_id = ?').get(accessKeyId) as Row);
    ctx.audit('create', 'access_key', accessKeyId, null, key);
    return ok({ ...key, secret });
  });
}

export function updateAccessKey(ctx: ServiceContext, accessKeyId: string, input: AccessKeyUpdate): Result<AccessKey> {
  return ctx.db.write(() => {
    const found = getAccessKey(ctx, accessKeyId);
    if (!found.ok) return found;
    const description = input.description ?? found.value.description;
    const status = input.status ?? found.value.status;
    const problem = checkDescription(description) ?? checkAccessKeyStatus(status);
    if (problem) return fail<AccessKey>(problem);
    ctx.db.statement('UPDATE access_keys SET description = ?, status = ? WHERE access_key_id = ?').run(description, status, accessKeyId);
    const after = getAccessKey(ctx, accessKeyId);
    if (after.ok) ctx.audit('update', 'access_key', accessKeyId, found.value, after.value);
    return after;
  });
}

export function deleteAccessKey(ctx: ServiceContext, accessKeyId: string): Result<AccessKey> {
  return ctx.db.write(() => {
    const found = getAccessKey(ctx, accessKeyId);
    if (!found.ok) return found;
    ctx.db.statement('DELETE FROM access_keys WHERE access_key_id = ?').run(accessKeyId);
    ctx.audit('delete', 'access_key', accessKeyId, found.value, null);
    return found;
  });
}
