import { ErrorCode, invalid, type BackendError } from '../errors.js';

/**
 * The password policy: 6–32 characters; at least two of the four character classes
 * (lowercase, uppercase, digits, other printable characters); not the user name nor the user
 * name reversed (case-insensitive). "Not the same as the old password" needs the old hash and
 * is checked where the hash is (IAM.1108).
 */
export const passwordPolicy = { minLength: 6, maxLength: 32, minClasses: 2 } as const;

export function checkPasswordStrength(password: string, userName: string): BackendError | undefined {
  const weak = (reason: string): BackendError => invalid(ErrorCode.weakPassword, `The password is too weak: ${reason}`, 'password');
  if (password.length < passwordPolicy.minLength || password.length > passwordPolicy.maxLength) {
    return weak(`it must have ${passwordPolicy.minLength}–${passwordPolicy.maxLength} characters, it has ${password.length}`);
  }
  if (/[^\x20-\x7e]/.test(password)) return weak('only printable ASCII characters are allowed');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < passwordPolicy.minClasses) {
    return weak('it must contain at least two of: lowercase letters, uppercase letters, digits, special characters');
  }
  const lowered = password.toLowerCase();
  const name = userName.toLowerCase();
  if (lowered === name || lowered === [...name].reverse().join('')) return weak('it must not be the user name or the user name reversed');
  return undefined;
}
