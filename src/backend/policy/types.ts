/**
 * Public types of the policy engine. Everything here is plain data: the catalog is loaded by
 * `backend/catalog` (impure) and handed to the pure engine as a value; grants come from the
 * store. Discriminants are `kind`; policy documents keep the wire spelling of the IAM API
 * (`Version`, `Statement`, `Effect`, …) so that stored and served documents round-trip.
 */

/** Where an action is authorized: in a project (ECS, EVS, VPC, IMS) or globally (IAM). */
export type ServiceLevel = 'project' | 'global';

/** Where a catalog action's name was found; `derived` names are documented in the policy README. */
export type ActionOrigin = 'ecs-catalog' | 'identity-policy' | 'iam-action-list' | 'system-policy' | 'dependency' | 'derived';

export interface CatalogAction {
  /** `service:resourceType:operation` exactly as documented (case preserved). Unique case-insensitively. */
  readonly name: string;
  readonly service: string;
  readonly resourceType: string;
  readonly operation: string;
  readonly level: ServiceLevel;
  /** True when the action may be authorized through an enterprise-project grant. */
  readonly enterpriseProject: boolean;
  readonly description: string;
  readonly apis: readonly string[];
  /** Patterns or names that must also be allowed for the API to work (authoring aid, not enforced). */
  readonly dependencies: readonly string[];
  /** Legacy names that still authorize this action: a statement matching an alias matches the action. */
  readonly aliases: readonly string[];
  readonly origin: ActionOrigin;
  /** True when the scope flags were inferred rather than read from a documented table. */
  readonly uncertain: boolean;
}

export interface CatalogService {
  /** Lowercase service segment, e.g. `ecs`. */
  readonly name: string;
  readonly level: ServiceLevel;
}

/** AX: account (global) level, XA: project level, AA: both. */
export type PermissionDisplayType = 'AX' | 'XA' | 'AA';

export type PolicyVersion = '1.0' | '1.1';

export interface SystemPermission {
  /** 32-char hex id, stable across catalog builds (derived from the display name). */
  readonly id: string;
  /** Internal (OTC) name, e.g. `server_adm`, `system_all_51`. */
  readonly name: string;
  /** Console name; system permissions are keyed by it. Unique in the catalog. */
  readonly displayName: string;
  readonly kind: 'system_policy' | 'system_role';
  readonly type: PermissionDisplayType;
  /** Service catalog, e.g. `BASE`, `ECS`. */
  readonly catalog: string;
  readonly version: PolicyVersion;
  readonly description: string;
  readonly document: PolicyDocument;
  /** Display names of roles that must be granted in the same scope (roles only). */
  readonly dependencies: readonly string[];
  /** `inferred` documents were reconstructed from operation tables; see the policy README. */
  readonly documentSource: 'documented' | 'inferred';
}

/** The committed catalog as loaded; the engine indexes it lazily (keyed by object identity). */
export interface Catalog {
  readonly formatVersion: 1;
  readonly services: readonly CatalogService[];
  readonly actions: readonly CatalogAction[];
  /** Version 1.0 free-form action names that stand for catalog actions, e.g. `identity:assume role`. */
  readonly legacyRoleActions: Readonly<Record<string, readonly string[]>>;
  readonly systemPermissions: readonly SystemPermission[];
}

// ---------------------------------------------------------------------------------------------
// Policy documents (wire shape)

export type PolicyEffect = 'Allow' | 'Deny';

/** `{ operator: { conditionKey: [value, …] } }`. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface PolicyStatement {
  readonly Effect: PolicyEffect;
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource?: readonly string[] | { readonly uri: readonly string[] };
  readonly Condition?: PolicyCondition;
}

export interface PolicyDependencyRef {
  readonly catalog: string;
  readonly display_name: string;
}

export interface PolicyDocument {
  readonly Version: PolicyVersion;
  readonly Statement: readonly PolicyStatement[];
  /** Version 1.0 roles only. */
  readonly Depends?: readonly PolicyDependencyRef[];
}

/** A validation finding; `code` is the OTC error code (`IAM.10xx`), `path` a JSON path such as `Statement[0].Action[2]`. */
export interface PolicyProblem {
  readonly code: string;
  readonly message: string;
  readonly path: string;
}

export interface ValidateOptions {
  readonly version: PolicyVersion;
  readonly catalog: Catalog;
  /** Custom policies must be 1.1 and may not use NotAction with Allow; defaults to false. */
  readonly custom?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Grants and scopes

export type Scope =
  | { readonly kind: 'project'; readonly projectId: string; readonly projectName: string }
  | { readonly kind: 'all_projects' }
  | { readonly kind: 'global' }
  | { readonly kind: 'enterprise_project'; readonly enterpriseProjectId: string; readonly name: string };

export type GrantVia = { readonly kind: 'group'; readonly groupId: string; readonly groupName: string } | { readonly kind: 'user' };

export type PolicyKind = 'system_policy' | 'system_role' | 'custom';

export interface GrantedPolicy {
  readonly id: string;
  /** Display name. */
  readonly name: string;
  readonly kind: PolicyKind;
  readonly version: PolicyVersion;
  readonly document: PolicyDocument;
  /** Display names of roles this one depends on (see `SystemPermission.dependencies`). */
  readonly dependencies: readonly string[];
}

/** One attachment of a policy at one scope, as seen by one user (directly or through a group). */
export interface Grant {
  readonly attachmentId: string;
  readonly policy: GrantedPolicy;
  readonly scope: Scope;
  readonly via: GrantVia;
}

// ---------------------------------------------------------------------------------------------
// Requests and decisions

/** Where a request is made. A request for a global-service action is judged at global scope whatever is given here. */
export type RequestScope =
  | { readonly kind: 'project'; readonly projectId: string; readonly projectName: string }
  | { readonly kind: 'global' }
  | { readonly kind: 'enterprise_project'; readonly enterpriseProjectId: string; readonly name: string };

/** Values for condition keys. Absent values make a condition fail unless its operator ends in `IfExists`. */
export interface RequestContext {
  readonly userId?: string;
  readonly userName?: string;
  readonly domainName?: string;
  readonly mfaPresent?: boolean;
  /** IPv4 address of the caller (`g:SourceIp`). */
  readonly sourceIp?: string;
  /** The injected clock's reading; `g:CurrentTime` is its ISO 8601 form. */
  readonly currentTime?: Date;
  /** Service-specific keys such as `obs:prefix`. */
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
}

export interface DecisionRequest {
  /** `service:resourceType:operation`; need not be a catalog action. */
  readonly action: string;
  readonly scope: RequestScope;
  readonly context?: RequestContext;
}

export interface MatchedStatement {
  readonly policy: { readonly id: string; readonly name: string };
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  readonly effect: PolicyEffect;
  /** The action pattern that matched (for NotAction statements: `NotAction`). */
  readonly pattern: string;
  /** Set when the request's action matched only through this alias. */
  readonly throughAlias?: string;
  readonly via: GrantVia;
  readonly scope: Scope;
  readonly attachmentId: string;
}

/** Why a statement that names the action did not take part in the decision. */
export type NearMissReason = 'scope' | 'condition' | 'enterprise_project_action' | 'enterprise_project_version';

export interface NearMiss extends MatchedStatement {
  readonly why: NearMissReason;
}

export interface Decision {
  readonly decision: 'allow' | 'deny';
  /** True only for a deny caused by a matching Deny statement. */
  readonly explicit: boolean;
  /** The statements that decided: the Deny statements for an explicit deny, the Allow statements for an allow, none for a default deny. */
  readonly matched: readonly MatchedStatement[];
  /** Statements that name the action but did not apply (other scope, failed condition, …). */
  readonly nearMisses: readonly NearMiss[];
  /** One sentence, e.g. `no statement allows ecs:servers:list in eu-nl`. */
  readonly reason: string;
}

// ---------------------------------------------------------------------------------------------
// Effective access and dependencies

export interface AccessSource {
  readonly policy: { readonly id: string; readonly name: string };
  readonly statementIndex: number;
  readonly pattern: string;
  readonly via: GrantVia;
  readonly attachmentId: string;
  /** True when the statement has conditions, so it applies only to some requests. */
  readonly conditional: boolean;
}

export interface ActionAccess {
  readonly action: string;
  readonly sources: readonly AccessSource[];
}

export interface ScopeAccess {
  readonly scope: Scope;
  /** Catalog actions allowed in this scope and not unconditionally denied, in catalog order (by name, case-insensitively). */
  readonly allowed: readonly ActionAccess[];
  /** Catalog actions matched by an applicable Deny statement, in catalog order. */
  readonly denied: readonly ActionAccess[];
}

export interface DependencyProblem {
  readonly code: 'IAM.DEPENDENCY_MISSING';
  readonly policy: { readonly id: string; readonly name: string };
  readonly attachmentId: string;
  readonly via: GrantVia;
  readonly scope: Scope;
  /** Display name of the role that is not granted in the scope. */
  readonly missing: string;
  /** e.g. `Server Administrator in eu-de needs Tenant Guest in eu-de`. */
  readonly message: string;
}

/** Grants prepared for fast decisions. Opaque: build with `compileGrants`. */
export interface CompiledGrants {
  readonly kind: 'compiled_grants';
  readonly grants: readonly Grant[];
  readonly catalog: Catalog;
  /** Equal for grant lists with the same policies, scopes, routes and attachments. */
  readonly signature: string;
}
