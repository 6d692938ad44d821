import { hashPassword, newId, verifyPassword } from '../crypto/secrets.js';
import { ErrorCode, conflict, fail, invalid, notFound, ok, type BackendError, type Result } from '../errors.js';
import type { User, UserCreate, UserUpdate } from '../model/types.js';
import { checkPasswordStrength } from '../rules/password-policy.js';
import { checkUserDraft, normalizedPhone, userFieldsFromCreate, userFieldsFromUpdate, type UserDraft, type UserFields } from '../rules/user-rules.js';
import { userFromRow } from '../store/rows.js';
import { removeAccessKeys, removeAttachments, removeMemberships } from './cascade.js';
import type { ServiceContext } from './context.js';

type Row = Record<string, unknown>;

export function getUserRow(ctx: ServiceContext, id: string): Row | undefined {
  return ctx.db.statement('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
}

export function getUser(ctx: ServiceContext, id: string): Result<User> {
  const row = getUserRow(ctx, id);
  return row ? ok(userFromRow(row)) : fail(notFound('user', id));
}

/** By id, or else by name (case-insensitive): how the CLI and data sources name users. */
export function findUser(ctx: ServiceContext, idOrName: string): Result<User> {
  const row =
    getUserRow(ctx, idOrName) ?? (ctx.db.statement('SELECT * FROM users WHERE name_key = ?').get(idOrName.toLowerCase()) as Row | undefined);
  return row ? ok(userFromRow(row)) : fail(notFound('user', idOrName));
}

export function listUsers(ctx: ServiceContext): User[] {
  return (ctx.db.statement('SELECT * FROM users ORDER BY name_key').all() as Row[]).map(userFromRow);
}

function uniqueness(ctx: ServiceContext, draft: UserDraft, selfId: string | null): BackendError | undefined {
  const other = (sql: string, key: string): boolean => {
    const row = ctx.db.statement(sql).get(key) as { id: string } | undefined;
    return row !== undefined && row.id !== selfId;
  };
  if (other('SELECT id FROM users WHERE name_key = ?', draft.name.toLowerCase())) {
    return conflict(ErrorCode.usernameExists, `The user name "${draft.name}" already exists`, 'name');
  }
  if (draft.email !== null && other('SELECT id FROM users WHERE email_key = ?', draft.email.toLowerCase())) {
    return conflict(ErrorCode.emailUsed, `The email "${draft.email}" is already used by another user`, 'email');
  }
  if (draft.phone !== null && other('SELECT id FROM users WHERE phone_key = ?', normalizedPhone(draft.phone))) {
    return conflict(ErrorCode.mobileUsed, `The phone ${draft.phone.countryCode} ${draft.phone.number} is already used by another user`, 'phone');
  }
  return undefined;
}


function writeUser(ctx: ServiceContext, id: string, draft: UserFields, hash: string | null, createdAt: string): void {
  ctx.db
    .statement(
      `INSERT INTO users (id, name, name_key, display_name, description, email, email_key, phone_country_code, phone_number, phone_key,
        enabled, access_mode, password_hash, password_reset_required, login_protection, receive_notifications, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, description = excluded.description,
        email = excluded.email, email_key = excluded.email_key, phone_country_code = excluded.phone_country_code,
        phone_number = excluded.phone_number, phone_key = excluded.phone_key, enabled = excluded.enabled,
        access_mode = excluded.access_mode, password_hash = excluded.password_hash,
        password_reset_required = excluded.password_reset_required, login_protection = excluded.login_protection,
        receive_notifications = excluded.receive_notifications, updated_at = excluded.updated_at`,
    )
    .run(
      id,
      draft.name,
      draft.name.toLowerCase(),
      draft.displayName,
      draft.description,
      draft.email,
      draft.email === null ? null : draft.email.toLowerCase(),
      draft.phone?.countryCode ?? null,
      draft.phone?.number ?? null,
      draft.phone === null ? null : normalizedPhone(draft.phone),
      draft.enabled ? 1 : 0,
      draft.accessMode,
      hash,
      draft.passwordResetRequired ? 1 : 0,
      draft.loginProtection,
      draft.receiveNotifications ? 1 : 0,
      createdAt,
      ctx.now(),
    );
}

export function createUser(ctx: ServiceContext, input: UserCreate): Result<User> {
  const draft = userFieldsFromCreate(input);
  const problem = checkUserDraft(draft) ?? (input.password === undefined ? undefined : checkPasswordStrength(input.password, input.name));
  if (problem) return fail(problem);
  return ctx.db.write(() => {
    const taken = uniqueness(ctx, draft, null);
    if (taken) return fail<User>(taken);
    const id = newId(ctx.random);
    const hash = input.password === undefined ? null : hashPassword(input.password, ctx.random);
    writeUser(ctx, id, draft, hash, ctx.now());
    const user = userFromRow(getUserRow(ctx, id) as Row);
    ctx.audit('create', 'user', id, null, user);
    return ok(user);
  });
}

export function updateUser(ctx: ServiceContext, id: string, input: UserUpdate): Result<User> {
  return ctx.db.write(() => {
    const row = getUserRow(ctx, id);
    if (!row) return fail<User>(notFound('user', id));
    const before = userFromRow(row);
    const draft = userFieldsFromUpdate(before, input);
    const oldHash = row['password_hash'] === null ? null : String(row['password_hash']);
    const problem = checkUserDraft(draft) ?? checkNewPassword(input.password, before.name, oldHash) ?? uniqueness(ctx, draft, id);
    if (problem) return fail<User>(problem);
    const hash = input.password === undefined ? oldHash : hashPassword(input.password, ctx.random);
    writeUser(ctx, id, draft, hash, before.createdAt);
    const after = userFromRow(getUserRow(ctx, id) as Row);
    ctx.audit('update', 'user', id, before, after);
    return ok(after);
  });
}

function checkNewPassword(password: string | undefined, name: string, oldHash: string | null): BackendError | undefined {
  if (password === undefined) return undefined;
  const weak = checkPasswordStrength(password, name);
  if (weak) return weak;
  if (oldHash !== null && verifyPassword(password, oldHash)) {
    return invalid(ErrorCode.passwordSameAsOld, 'The new password must differ from the current one', 'password');
  }
  return undefined;
}

/** Whether `password` is the user's console password (false when none is set). */
export function checkUserPassword(ctx: ServiceContext, id: string, password: string): Result<boolean> {
  const row = getUserRow(ctx, id);
  if (!row) return fail(notFound('user', id));
  return ok(row['password_hash'] !== null && verifyPassword(password, String(row['password_hash'])));
}

/** Deleting a user removes their memberships, direct attachments and access keys. */
export function deleteUser(ctx: ServiceContext, id: string): Result<User> {
  return ctx.db.write(() => {
    const row = getUserRow(ctx, id);
    if (!row) return fail<User>(notFound('user', id));
    const before = userFromRow(row);
    removeMemberships(ctx, 'user_id', id);
    removeAttachments(ctx, 'user_id', id);
    removeAccessKeys(ctx, id);
    ctx.db.statement('DELETE FROM users WHERE id = ?').run(id);
    ctx.audit('delete', 'user', id, before, null);
    return ok(before);
  });
}
