import type { AccessMode, LoginProtection, Phone, User, UserUpdate } from '../../backend/index.js';
import { makeKeeper, type KeeperPrivate } from '../../schema/index.js';
import type { JsonObject, JsonValue } from '../../state/index.js';
import type { CreatedObject, RemoteObject } from '../types.js';
import { boolAttr, deleted, isFailure, mapResult, remote, requiredString, stringAttr, type KindContext, type KindHandler } from './common.js';

/** `iam_user`: the password goes to the backend and into a keeper, never into attributes. */

function userAttributes(user: User): JsonObject {
  return {
    name: user.name,
    display_name: user.displayName,
    description: user.description,
    email: user.email,
    phone: user.phone === null ? [] : [{ country_code: user.phone.countryCode, number: user.phone.number }],
    enabled: user.enabled,
    access_mode: user.accessMode,
    password_reset_required: user.passwordResetRequired,
    login_protection: user.loginProtection,
    receive_notifications: user.receiveNotifications,
  };
}

function userObject(user: User): RemoteObject {
  return remote(user.id, userAttributes(user));
}

/** `phone` as the backend wants it: null for `[]`/null, undefined when not given. */
function phoneOf(values: JsonObject): Phone | null | undefined {
  if (!('phone' in values)) return undefined;
  const list = values['phone'];
  const first = Array.isArray(list) ? list[0] : undefined;
  if (first === undefined || first === null || typeof first !== 'object' || Array.isArray(first)) return null;
  const countryCode = first['country_code'];
  const number = first['number'];
  return { countryCode: typeof countryCode === 'string' ? countryCode : '', number: typeof number === 'string' ? number : '' };
}

function changes(values: JsonObject, password: string | undefined): UserUpdate {
  const email = values['email'];
  const phone = phoneOf(values);
  return {
    displayName: stringAttr(values, 'display_name'),
    description: stringAttr(values, 'description'),
    ...('email' in values ? { email: typeof email === 'string' ? email : null } : {}),
    ...(phone !== undefined ? { phone } : {}),
    enabled: boolAttr(values, 'enabled'),
    accessMode: stringAttr(values, 'access_mode') as AccessMode | undefined,
    password,
    passwordResetRequired: boolAttr(values, 'password_reset_required'),
    loginProtection: stringAttr(values, 'login_protection') as LoginProtection | undefined,
    receiveNotifications: boolAttr(values, 'receive_notifications'),
  };
}

/** The user's object, with a keeper of `password` as its private data when one was given. */
function withKeeper(ctx: KindContext, user: User, password: string | undefined): CreatedObject {
  if (password === undefined) return userObject(user);
  const data: KeeperPrivate = { keepers: { password: makeKeeper(password, ctx.salt()) } };
  return { ...userObject(user), private: data as unknown as JsonValue };
}

export const users: KindHandler = {
  list: (ctx) => ctx.memo('users', () => ctx.port.listUsers()).map(userObject),
  create(ctx, values, writeOnly) {
    const name = requiredString(values, 'name');
    if (isFailure(name)) return name;
    const password = stringAttr(writeOnly, 'password');
    return mapResult(ctx.port.createUser({ name, ...changes(values, password) }), (user) => withKeeper(ctx, user, password));
  },
  update(ctx, id, _prior, values, writeOnly) {
    const password = stringAttr(writeOnly, 'password');
    // A password the user already has is not sent again (the backend refuses an unchanged
    // one), but its keeper is still recorded: this is how an object adopted without a keeper,
    // e.g. after an interrupted apply, converges.
    const current = password === undefined ? undefined : ctx.port.checkUserPassword(id, password);
    const send = current !== undefined && current.ok && current.value ? undefined : password;
    return mapResult(ctx.port.updateUser(id, changes(values, send)), (user) => withKeeper(ctx, user, password));
  },
  delete: (ctx, id) => deleted(ctx.port.deleteUser(id)),
};
