import type {
  AccessKey,
  AccessKeyStatus,
  AccessMode,
  Attachment,
  AttachmentScope,
  CustomPolicy,
  EnterpriseProject,
  Group,
  LoginProtection,
  Principal,
  Project,
  ProjectKind,
  User,
} from '../model/types.js';

/** Mapping between table rows and the public objects; the only place that knows column names. */

type Row = Record<string, unknown>;

const str = (row: Row, key: string): string => String(row[key]);
const optStr = (row: Row, key: string): string | null => (row[key] === null || row[key] === undefined ? null : String(row[key]));
const bool = (row: Row, key: string): boolean => Number(row[key]) !== 0;

export function userFromRow(row: Row): User {
  const code = optStr(row, 'phone_country_code');
  const number = optStr(row, 'phone_number');
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    displayName: str(row, 'display_name'),
    description: str(row, 'description'),
    email: optStr(row, 'email'),
    phone: code !== null && number !== null ? { countryCode: code, number } : null,
    enabled: bool(row, 'enabled'),
    accessMode: str(row, 'access_mode') as AccessMode,
    passwordSet: row['password_hash'] !== null,
    passwordResetRequired: bool(row, 'password_reset_required'),
    loginProtection: str(row, 'login_protection') as LoginProtection,
    receiveNotifications: bool(row, 'receive_notifications'),
    createdAt: str(row, 'created_at'),
    updatedAt: str(row, 'updated_at'),
  };
}

export function groupFromRow(row: Row): Group {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    description: str(row, 'description'),
    createdAt: str(row, 'created_at'),
    updatedAt: str(row, 'updated_at'),
  };
}

export function projectFromRow(row: Row): Project {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    kind: str(row, 'kind') as ProjectKind,
    parentId: optStr(row, 'parent_id'),
    description: str(row, 'description'),
    enabled: bool(row, 'enabled'),
    createdAt: str(row, 'created_at'),
  };
}

export function enterpriseProjectFromRow(row: Row): EnterpriseProject {
  return { id: str(row, 'id'), name: str(row, 'name'), description: str(row, 'description'), createdAt: str(row, 'created_at') };
}

export function customPolicyFromRow(row: Row): CustomPolicy {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    displayName: str(row, 'display_name'),
    description: str(row, 'description'),
    type: str(row, 'type') as 'AX' | 'XA',
    document: JSON.parse(str(row, 'document')) as unknown,
    references: Number(row['refs'] ?? 0),
    createdAt: str(row, 'created_at'),
    updatedAt: str(row, 'updated_at'),
  };
}

function scopeFromRow(row: Row): AttachmentScope {
  const kind = str(row, 'scope_kind') as AttachmentScope['kind'];
  switch (kind) {
    case 'project':
      return { kind, projectId: str(row, 'project_id') };
    case 'all_projects':
    case 'global':
      return { kind };
    case 'enterprise_project':
      return { kind, enterpriseProjectId: str(row, 'enterprise_project_id') };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown scope kind in database: ${String(unknown)}`);
    }
  }
}

export function attachmentFromRow(row: Row): Attachment {
  const groupId = optStr(row, 'group_id');
  const principal: Principal = groupId !== null ? { kind: 'group', groupId } : { kind: 'user', userId: str(row, 'user_id') };
  return { id: str(row, 'id'), principal, policyId: str(row, 'policy_id'), scope: scopeFromRow(row), createdAt: str(row, 'created_at') };
}

/** One string per (principal, policy, scope): two attachments with the same key are the same grant. */
export function attachmentKey(principal: Principal, policyId: string, scope: AttachmentScope): string {
  const who = principal.kind === 'group' ? `group:${principal.groupId}` : `user:${principal.userId}`;
  let where: string;
  switch (scope.kind) {
    case 'project':
      where = `project:${scope.projectId}`;
      break;
    case 'enterprise_project':
      where = `enterprise_project:${scope.enterpriseProjectId}`;
      break;
    case 'all_projects':
    case 'global':
      where = scope.kind;
      break;
    default: {
      const unknown: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(unknown)}`);
    }
  }
  return `${who}|${policyId}|${where}`;
}

export function accessKeyFromRow(row: Row): AccessKey {
  return {
    accessKeyId: str(row, 'access_key_id'),
    userId: str(row, 'user_id'),
    description: str(row, 'description'),
    status: str(row, 'status') as AccessKeyStatus,
    createdAt: str(row, 'created_at'),
  };
}
