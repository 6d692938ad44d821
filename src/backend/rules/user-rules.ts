import { ErrorCode, invalid, type BackendError } from '../errors.js';
import type { AccessMode, LoginProtection, Phone, UserCreate, UserUpdate } from '../model/types.js';
import { checkDescription } from './name-rules.js';

/**
 * The attribute rules of an IAM user, checked on the merged result of a create or an update
 * (so that an update cannot leave a user that a create would refuse). Field names in errors
 * are the attribute names of the config language (`email`, `phone.number`, `access_mode`).
 */
export interface UserDraft {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly email: string | null;
  readonly phone: Phone | null;
  readonly accessMode: AccessMode;
  readonly loginProtection: LoginProtection;
  readonly receiveNotifications: boolean;
  /** Whether the user will have a console password after the change. */
  readonly passwordSet: boolean;
}

/** Every stored field of a user but its id and timestamps: what a create or an update decides. */
export interface UserFields extends UserDraft {
  readonly enabled: boolean;
  readonly passwordResetRequired: boolean;
}

/** An empty email or an empty phone means none. */
function contactOrNull<T>(value: T | null | undefined, empty: (v: T) => boolean): T | null {
  return value === null || value === undefined || empty(value) ? null : value;
}
const emptyEmail = (e: string): boolean => e === '';
const emptyPhone = (p: Phone): boolean => p.countryCode === '' && p.number === '';

/** The fields of a new user, with the service's defaults for what the input leaves out. */
export function userFieldsFromCreate(input: UserCreate): UserFields {
  return {
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    email: contactOrNull(input.email, emptyEmail),
    phone: contactOrNull(input.phone, emptyPhone),
    enabled: input.enabled ?? true,
    accessMode: input.accessMode ?? 'both',
    passwordSet: input.password !== undefined,
    passwordResetRequired: input.passwordResetRequired ?? true,
    loginProtection: input.loginProtection ?? 'none',
    receiveNotifications: input.receiveNotifications ?? false,
  };
}

/** The fields after an update: what the input sets, the rest as before. */
export function userFieldsFromUpdate(before: UserFields, input: UserUpdate): UserFields {
  return {
    name: before.name,
    displayName: input.displayName ?? before.displayName,
    description: input.description ?? before.description,
    email: input.email === undefined ? before.email : contactOrNull(input.email, emptyEmail),
    phone: input.phone === undefined ? before.phone : contactOrNull(input.phone, emptyPhone),
    enabled: input.enabled ?? before.enabled,
    accessMode: input.accessMode ?? before.accessMode,
    passwordSet: input.password !== undefined || before.passwordSet,
    passwordResetRequired: input.passwordResetRequired ?? before.passwordResetRequired,
    loginProtection: input.loginProtection ?? before.loginProtection,
    receiveNotifications: input.receiveNotifications ?? before.receiveNotifications,
  };
}

export const accessModes: readonly AccessMode[] = ['console', 'programmatic', 'both'];
export const loginProtections: readonly LoginProtection[] = ['none', 'sms', 'email', 'vmfa'];

const namePattern = /^[A-Za-z_.-][A-Za-z0-9 _.-]{0,63}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const countryCodePattern = /^(\+|00)?[1-9][0-9]{0,3}$/;
const numberPattern = /^[0-9]{1,32}$/;

function checkUserName(name: string): BackendError | undefined {
  if (!namePattern.test(name)) {
    return invalid(
      ErrorCode.invalidUsername,
      `Invalid name "${name}": a user name has 1–64 characters (letters, digits, spaces, "-", "_", "."), and does not start with a digit or a space`,
      'name',
    );
  }
  return undefined;
}

function hasConsoleAccess(mode: AccessMode): boolean {
  return mode === 'console' || mode === 'both';
}

/** Same country code written as `+49`, `0049` or `49`. */
export function normalizedPhone(phone: Phone): string {
  return `${phone.countryCode.replace(/^(\+|00)/, '')} ${phone.number}`;
}

function checkPhone(phone: Phone | null): BackendError | undefined {
  if (phone === null) return undefined;
  const hasCode = phone.countryCode !== '';
  const hasNumber = phone.number !== '';
  if (hasCode !== hasNumber) {
    return invalid(ErrorCode.areacodeWithPhone, 'phone.country_code and phone.number must be set together', hasCode ? 'phone.number' : 'phone.country_code');
  }
  if (!countryCodePattern.test(phone.countryCode)) {
    return invalid(ErrorCode.invalidMobile, `Invalid phone.country_code "${phone.countryCode}": expected 1–4 digits, optionally after "+" or "00"`, 'phone.country_code');
  }
  if (!numberPattern.test(phone.number)) {
    return invalid(ErrorCode.invalidMobile, `Invalid phone.number "${phone.number}": expected 1–32 digits`, 'phone.number');
  }
  return undefined;
}

/** Every rule that concerns one user alone (uniqueness needs the store and is checked there). */
export function checkUserDraft(user: UserDraft): BackendError | undefined {
  const name = checkUserName(user.name);
  if (name) return name;
  if (user.displayName.length > 64) {
    return invalid(ErrorCode.invalidField, `Invalid display_name: at most 64 characters, got ${user.displayName.length}`, 'display_name');
  }
  const description = checkDescription(user.description);
  if (description) return description;
  if (user.email !== null && (user.email.length > 255 || !emailPattern.test(user.email))) {
    return invalid(ErrorCode.invalidEmail, `Invalid email "${user.email}": expected an address like name@example.com of at most 255 characters`, 'email');
  }
  const phone = checkPhone(user.phone);
  if (phone) return phone;
  if (!accessModes.includes(user.accessMode)) {
    return invalid(ErrorCode.invalidAccessMode, `Invalid access_mode "${String(user.accessMode)}": expected one of ${accessModes.join(', ')}`, 'access_mode');
  }
  if (user.passwordSet && !hasConsoleAccess(user.accessMode)) {
    return invalid(ErrorCode.invalidField, 'A password needs console access: set access_mode to "console" or "both", or leave password unset', 'password');
  }
  const protection = checkLoginProtection(user);
  if (protection) return protection;
  if (user.receiveNotifications && (user.email === null || user.phone === null)) {
    return invalid(ErrorCode.invalidField, 'receive_notifications needs both email and phone to be set', 'receive_notifications');
  }
  return undefined;
}

function checkLoginProtection(user: UserDraft): BackendError | undefined {
  const method = user.loginProtection;
  switch (method) {
    case 'none':
      return undefined;
    case 'sms':
      if (user.phone === null) return invalid(ErrorCode.invalidField, 'login_protection "sms" needs a phone', 'login_protection');
      break;
    case 'email':
      if (user.email === null) return invalid(ErrorCode.invalidField, 'login_protection "email" needs an email', 'login_protection');
      break;
    case 'vmfa':
      break;
    default: {
      const unknown: never = method;
      return invalid(ErrorCode.invalidField, `Invalid login_protection "${String(unknown)}": expected one of ${loginProtections.join(', ')}`, 'login_protection');
    }
  }
  if (!hasConsoleAccess(user.accessMode)) {
    return invalid(ErrorCode.invalidField, `login_protection "${method}" protects console logins: it needs access_mode "console" or "both"`, 'login_protection');
  }
  return undefined;
}
