/**
 * Errors of the IAM backend are values. A `BackendError` carries the HTTP status the IAM API
 * would answer with, an OTC-style `code` (stable: callers and tests may match on it), a message
 * that names the offending field, and that field's name when there is one. Exceptions leave
 * the backend only for bugs and broken databases.
 */
export interface BackendError {
  readonly status: 400 | 403 | 404 | 409 | 500;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  /** All findings when there were several (policy validation); the first is the one above. */
  readonly problems?: readonly { readonly code: string; readonly message: string; readonly field: string }[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BackendError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: BackendError): Result<T> {
  return { ok: false, error };
}

function withField(status: BackendError['status'], code: string, message: string, field: string | undefined): BackendError {
  return field === undefined ? { status, code, message } : { status, code, message, field };
}

/** 400 with a field-specific code (IAM.1101 invalid username, IAM.1106 areacode+phone, …). */
export function invalid(code: string, message: string, field?: string): BackendError {
  return withField(400, code, message, field);
}

/** 404 IAM.0004 "Could not find <kind>: <id>". */
export function notFound(kind: string, id: string, field?: string): BackendError {
  return withField(404, 'IAM.0004', `Could not find ${kind}: ${id}`, field);
}

/** 409 conflicts: IAM.0005 in general, IAM.1109/1110/1111 for user names, emails, phones. */
export function conflict(code: string, message: string, field?: string): BackendError {
  return withField(409, code, message, field);
}

/** The error codes this backend emits; documented in src/backend/README.md. */
export const ErrorCode = {
  notFound: 'IAM.0004',
  conflict: 'IAM.0005',
  invalidParam: 'IAM.0007',
  requiredProperty: 'IAM.0072',
  invalidField: 'IAM.0073',
  consoleOnlyUser: 'IAM.0081',
  invalidUsername: 'IAM.1101',
  invalidEmail: 'IAM.1102',
  invalidMobile: 'IAM.1104',
  areacodeWithPhone: 'IAM.1106',
  cannotDeleteProject: 'IAM.1107',
  passwordSameAsOld: 'IAM.1108',
  usernameExists: 'IAM.1109',
  emailUsed: 'IAM.1110',
  mobileUsed: 'IAM.1111',
  invalidDescription: 'IAM.1117',
  weakPassword: 'IAM.1118',
  invalidAccessMode: 'IAM.1120',
  accessKeyQuota: 'akSkNumExceed',
} as const;

/** Unwraps a result that a caller knows must succeed (tests, generators); throws on a bug. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(`unexpected backend error ${result.error.code}: ${result.error.message}`);
}
