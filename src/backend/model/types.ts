/**
 * The objects the IAM backend holds, as its service hands them out. Absent optional values
 * are `null` (never `undefined`) so that objects compare and serialise the same way whether
 * they come from a fresh create or from the database. Timestamps are ISO 8601 strings from
 * the injected clock. No object here ever carries a password, password hash or access-key
 * secret; `AccessKeyCreated` is the one exception and exists only as the return of a create.
 */

/** The account (Keystone domain). One database holds exactly one. */
export interface Domain {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export type AccessMode = 'console' | 'programmatic' | 'both';
export type LoginProtection = 'none' | 'sms' | 'email' | 'vmfa';

export interface Phone {
  /** Digits with an optional leading `+` or `00`, e.g. `+49`. */
  readonly countryCode: string;
  readonly number: string;
}

export interface User {
  readonly id: string;
  /** Immutable after creation; unique across the account (case-insensitive). */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly email: string | null;
  readonly phone: Phone | null;
  readonly enabled: boolean;
  readonly accessMode: AccessMode;
  /** Whether a console password is set; the password itself is only kept as a salted hash. */
  readonly passwordSet: boolean;
  readonly passwordResetRequired: boolean;
  readonly loginProtection: LoginProtection;
  readonly receiveNotifications: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UserCreate {
  readonly name: string;
  readonly displayName?: string | undefined;
  readonly description?: string | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: Phone | null | undefined;
  readonly enabled?: boolean | undefined;
  readonly accessMode?: AccessMode | undefined;
  readonly password?: string | undefined;
  readonly passwordResetRequired?: boolean | undefined;
  readonly loginProtection?: LoginProtection | undefined;
  readonly receiveNotifications?: boolean | undefined;
}

/** Every field optional; `name` is immutable and therefore absent. */
export type UserUpdate = Omit<UserCreate, 'name'>;

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface GroupCreate {
  readonly name: string;
  readonly description?: string | undefined;
}

export type GroupUpdate = Partial<GroupCreate>;

export interface Membership {
  readonly groupId: string;
  readonly userId: string;
}

/**
 * `region`: a region's default project (always exists, cannot be deleted). `special`: a
 * built-in project that is not a region (`MOS`, OBS). `sub_project`: `<region>_<suffix>`,
 * parent = the region project.
 */
export type ProjectKind = 'region' | 'special' | 'sub_project';

export interface Project {
  readonly id: string;
  readonly name: string;
  readonly kind: ProjectKind;
  readonly parentId: string | null;
  readonly description: string;
  readonly enabled: boolean;
  readonly createdAt: string;
}

export interface ProjectCreate {
  readonly name: string;
  readonly description?: string | undefined;
}

export type ProjectUpdate = Partial<ProjectCreate>;

export interface EnterpriseProject {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
}

export interface EnterpriseProjectCreate {
  readonly name: string;
  readonly description?: string | undefined;
}

export type PolicyType = 'AX' | 'XA' | 'AA';

export interface CustomPolicy {
  readonly id: string;
  /** Internal name `custom_<domain id>_<n>`, assigned by the backend. */
  readonly name: string;
  /** Unique across the account's custom policies. */
  readonly displayName: string;
  readonly description: string;
  /** AX: global services; XA: projects. */
  readonly type: 'AX' | 'XA';
  /** The policy document exactly as given (Version 1.1). */
  readonly document: unknown;
  /** Number of attachments that use the policy. */
  readonly references: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CustomPolicyCreate {
  readonly displayName: string;
  readonly description: string;
  readonly type: 'AX' | 'XA';
  readonly document: unknown;
}

export type CustomPolicyUpdate = Partial<CustomPolicyCreate>;

export type Principal = { readonly kind: 'group'; readonly groupId: string } | { readonly kind: 'user'; readonly userId: string };

/** Exactly one scope per attachment. `all_projects` covers projects created later too. */
export type AttachmentScope =
  | { readonly kind: 'project'; readonly projectId: string }
  | { readonly kind: 'all_projects' }
  | { readonly kind: 'global' }
  | { readonly kind: 'enterprise_project'; readonly enterpriseProjectId: string };

export interface Attachment {
  readonly id: string;
  readonly principal: Principal;
  /** A system policy/role id or a custom policy id. */
  readonly policyId: string;
  readonly scope: AttachmentScope;
  readonly createdAt: string;
}

export interface AttachmentCreate {
  readonly principal: Principal;
  readonly policyId: string;
  readonly scope: AttachmentScope;
}

export type AccessKeyStatus = 'active' | 'inactive';

export interface AccessKey {
  /** 20 uppercase letters and digits. */
  readonly accessKeyId: string;
  readonly userId: string;
  readonly description: string;
  readonly status: AccessKeyStatus;
  readonly createdAt: string;
}

/** The only object that carries a secret: returned once, by create, and never again. */
export interface AccessKeyCreated extends AccessKey {
  /** 40 characters. */
  readonly secret: string;
}

export interface AccessKeyCreate {
  readonly userId: string;
  readonly description?: string | undefined;
  readonly status?: AccessKeyStatus | undefined;
}

export interface AccessKeyUpdate {
  readonly description?: string | undefined;
  readonly status?: AccessKeyStatus | undefined;
}

export type AuditOperation = 'create' | 'update' | 'delete';

/** One change. `before`/`after` are the public objects above: never a secret or hash. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: AuditOperation;
  readonly objectKind: string;
  readonly objectId: string;
  readonly before: unknown;
  readonly after: unknown;
}
