import { newId } from '../crypto/secrets.js';
import { ErrorCode, conflict, fail, notFound, ok, type Result } from '../errors.js';
import type { CustomPolicy, CustomPolicyCreate, CustomPolicyUpdate, PolicyType } from '../model/types.js';
import type { PolicyDocument, PolicyKind, PolicyVersion, SystemPermission } from '../policy/index.js';
import { checkCustomPolicy } from '../rules/custom-policy-rules.js';
import { customPolicyFromRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';

type Row = Record<string, unknown>;

/**
 * A system policy, system role or custom policy, as attachments and the policy engine see it.
 * System permissions come from the catalog (read-only); custom ones from the database.
 */
export interface PolicyInfo {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly kind: PolicyKind;
  readonly type: PolicyType;
  readonly version: PolicyVersion;
  readonly document: PolicyDocument;
  readonly dependencies: readonly string[];
}

export function systemPolicyInfo(permission: SystemPermission): PolicyInfo {
  return {
    id: permission.id,
    name: permission.name,
    displayName: permission.displayName,
    kind: permission.kind,
    type: permission.type,
    version: permission.version,
    document: permission.document,
    dependencies: permission.dependencies,
  };
}

export function customPolicyInfo(policy: Omit<CustomPolicy, 'references'>): PolicyInfo {
  return {
    id: policy.id,
    name: policy.name,
    displayName: policy.displayName,
    kind: 'custom',
    type: policy.type,
    version: '1.1',
    document: policy.document as PolicyDocument,
    dependencies: [],
  };
}

export function listSystemPolicies(ctx: ServiceContext): readonly SystemPermission[] {
  return ctx.catalog.systemPermissions;
}

const customSelect = 'SELECT p.*, (SELECT COUNT(*) FROM attachments a WHERE a.custom_policy_id = p.id) AS refs FROM custom_policies p';

function getCustomRow(ctx: ServiceContext, id: string): Row | undefined {
  return ctx.db.statement(`${customSelect} WHERE p.id = ?`).get(id) as Row | undefined;
}

export function getCustomPolicy(ctx: ServiceContext, id: string): Result<CustomPolicy> {
  const row = getCustomRow(ctx, id);
  return row ? ok(customPolicyFromRow(row)) : fail(notFound('custom policy', id));
}

export function listCustomPolicies(ctx: ServiceContext): CustomPolicy[] {
  return (ctx.db.statement(`${customSelect} ORDER BY p.display_name_key`).all() as Row[]).map(customPolicyFromRow);
}

/** Any policy by id, or else by display name (system permissions first, then custom policies). */
export function findPolicy(ctx: ServiceContext, idOrName: string): Result<PolicyInfo> {
  const system = ctx.catalog.systemPermissions.find((p) => p.id === idOrName) ?? ctx.catalog.systemPermissions.find((p) => p.displayName === idOrName);
  if (system) return ok(systemPolicyInfo(system));
  const row = getCustomRow(ctx, idOrName) ?? (ctx.db.statement(`${customSelect} WHERE p.display_name_key = ?`).get(idOrName.toLowerCase()) as Row | undefined);
  return row ? ok(customPolicyInfo(customPolicyFromRow(row))) : fail(notFound('policy', idOrName));
}

/** Every policy by id: the system permissions and all custom policies, read in one go. */
export function policyIndex(ctx: ServiceContext): Map<string, PolicyInfo> {
  const index = new Map<string, PolicyInfo>();
  for (const permission of ctx.catalog.systemPermissions) index.set(permission.id, systemPolicyInfo(permission));
  for (const policy of listCustomPolicies(ctx)) index.set(policy.id, customPolicyInfo(policy));
  return index;
}

function displayNameTaken(ctx: ServiceContext, displayName: string, selfId: string | null): boolean {
  const row = ctx.db.statement('SELECT id FROM custom_policies WHERE display_name_key = ?').get(displayName.toLowerCase()) as { id: string } | undefined;
  return row !== undefined && row.id !== selfId;
}

export function createCustomPolicy(ctx: ServiceContext, input: CustomPolicyCreate): Result<CustomPolicy> {
  const problem = checkCustomPolicy(input, ctx.catalog);
  if (problem) return fail(problem);
  return ctx.db.write(() => {
    if (displayNameTaken(ctx, input.displayName, null)) {
      return fail<CustomPolicy>(conflict(ErrorCode.conflict, `A custom policy named "${input.displayName}" already exists`, 'name'));
    }
    ctx.db.statement('UPDATE domain SET custom_policy_seq = custom_policy_seq + 1 WHERE id = ?').run(ctx.domain.id);
    const seq = (ctx.db.statement('SELECT custom_policy_seq FROM domain WHERE id = ?').get(ctx.domain.id) as { custom_policy_seq: number }).custom_policy_seq;
    const id = newId(ctx.random);
    const now = ctx.now();
    ctx.db
      .statement(
        'INSERT INTO custom_policies (id, name, display_name, display_name_key, description, type, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, `custom_${ctx.domain.id}_${seq}`, input.displayName, input.displayName.toLowerCase(), input.description, input.type, JSON.stringify(input.document), now, now);
    const created = customPolicyFromRow(getCustomRow(ctx, id) as Row);
    ctx.audit('create', 'custom_policy', id, null, created);
    return ok(created);
  });
}

/**
 * Changing the type of a policy that is attached is refused when an attachment's scope would
 * no longer fit (an AX policy cannot stay attached to a project).
 */
export function updateCustomPolicy(ctx: ServiceContext, id: string, input: CustomPolicyUpdate): Result<CustomPolicy> {
  return ctx.db.write(() => {
    const row = getCustomRow(ctx, id);
    if (!row) return fail<CustomPolicy>(notFound('custom policy', id));
    const before = customPolicyFromRow(row);
    const merged: CustomPolicyCreate = {
      displayName: input.displayName ?? before.displayName,
      description: input.description ?? before.description,
      type: input.type ?? before.type,
      document: input.document ?? before.document,
    };
    const problem = checkCustomPolicy(merged, ctx.catalog);
    if (problem) return fail<CustomPolicy>(problem);
    if (displayNameTaken(ctx, merged.displayName, id)) {
      return fail<CustomPolicy>(conflict(ErrorCode.conflict, `A custom policy named "${merged.displayName}" already exists`, 'name'));
    }
    if (merged.type !== before.type && before.references > 0) {
      return fail<CustomPolicy>(
        conflict(ErrorCode.conflict, `The custom policy "${before.displayName}" has ${before.references} attachment(s); detach it before changing its scope`, 'scope'),
      );
    }
    ctx.db
      .statement('UPDATE custom_policies SET display_name = ?, display_name_key = ?, description = ?, type = ?, document = ?, updated_at = ? WHERE id = ?')
      .run(merged.displayName, merged.displayName.toLowerCase(), merged.description, merged.type, JSON.stringify(merged.document), ctx.now(), id);
    const after = customPolicyFromRow(getCustomRow(ctx, id) as Row);
    ctx.audit('update', 'custom_policy', id, before, after);
    return ok(after);
  });
}

/** A policy that is still attached cannot be deleted (409): detach it first. */
export function deleteCustomPolicy(ctx: ServiceContext, id: string): Result<CustomPolicy> {
  return ctx.db.write(() => {
    const row = getCustomRow(ctx, id);
    if (!row) return fail<CustomPolicy>(notFound('custom policy', id));
    const before = customPolicyFromRow(row);
    if (before.references > 0) {
      return fail<CustomPolicy>(
        conflict(ErrorCode.conflict, `The custom policy "${before.displayName}" is still attached ${before.references} time(s); delete its attachments first`),
      );
    }
    ctx.db.statement('DELETE FROM custom_policies WHERE id = ?').run(id);
    ctx.audit('delete', 'custom_policy', id, before, null);
    return ok(before);
  });
}
