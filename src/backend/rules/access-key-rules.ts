import { ErrorCode, invalid, type BackendError } from '../errors.js';
import type { AccessKeyStatus, AccessMode } from '../model/types.js';

/** At most this many access keys per user (the real service's quota). */
export const maxAccessKeysPerUser = 2;

const statuses: readonly AccessKeyStatus[] = ['active', 'inactive'];

export function checkAccessKeyStatus(status: string): BackendError | undefined {
  return statuses.includes(status as AccessKeyStatus)
    ? undefined
    : invalid(ErrorCode.invalidField, `Invalid status "${status}": expected "active" or "inactive"`, 'status');
}

/** Whether a user may get one more key: not a console-only user, and under the quota (`existing` keys now). */
export function checkNewAccessKey(user: { readonly name: string; readonly accessMode: AccessMode }, existing: number): BackendError | undefined {
  if (user.accessMode === 'console') {
    return invalid(ErrorCode.consoleOnlyUser, `The user "${user.name}" has console-only access: set access_mode to "programmatic" or "both" to give it access keys`, 'user');
  }
  if (existing >= maxAccessKeysPerUser) {
    return invalid(ErrorCode.accessKeyQuota, `The user "${user.name}" already has ${existing} access keys, the most a user can have`, 'user');
  }
  return undefined;
}
