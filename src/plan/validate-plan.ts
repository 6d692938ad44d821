import { errorDiag, type Diagnostic } from '../diag/index.js';
import { checkRoleDependencies, validateCustomPolicy, type Catalog, type Grant } from '../backend/policy/index.js';
import { isWhollyKnown, validateInstance } from '../schema/index.js';
import type { JsonObject } from '../state/index.js';
import { attachmentPrincipal, attachmentScope, str, systemById, systemPolicy } from './access-world.js';
import type { Decided } from './evaluation.js';
import type { PlanInput } from './input.js';
import type { PriorPicture, RefreshIndex } from './prior.js';

/**
 * Validation before any change: every instance against its schema, custom policy documents
 * against the policy engine's validator, and role dependencies over the planned attachments
 * (plus the backend's attachments iamform does not manage). A finding repeated by every
 * instance of a resource is reported once.
 */

function pushUnique(diags: Diagnostic[], seen: Set<string>, list: readonly Diagnostic[]): void {
  for (const d of list) {
    const key = `${d.code}|${d.summary}|${d.detail ?? ''}|${d.range?.file}:${d.range?.start.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diags.push(d);
  }
}

export function validateInstances(input: PlanInput, decided: ReadonlyMap<string, Decided>, diags: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const d of decided.values()) {
    const { instance } = d;
    const context = `${instance.address.mode === 'data' ? 'data' : 'resource'} "${instance.type}" "${instance.address.name}"`;
    const found = validateInstance(instance.type, instance.address.mode, d.config, instance.ranges, { range: instance.declRange, context, ...(input.regions !== undefined ? { regions: input.regions } : {}) });
    pushUnique(diags, seen, found);
    if (d.kind !== 'managed' || instance.type !== 'iam_policy' || found.some((f) => f.severity === 'error')) continue;
    const doc = d.decision.planned['policy'];
    if (doc === undefined || doc === null || !isWhollyKnown(doc)) continue;
    const problems = validateCustomPolicy(doc, input.catalog);
    const range = instance.ranges.get('policy') ?? instance.declRange;
    pushUnique(
      diags,
      seen,
      problems.map((p) => errorDiag('plan.invalid-policy', 'Invalid policy document', { detail: `${p.message} (${p.code}${p.path !== '' ? ` at ${p.path}` : ''}).`, range, context })),
    );
  }
}

/**
 * Role dependencies per principal over the attachments after the plan. `valuesOf` gives an
 * attachment's planned value with placeholders where ids are not yet known, so attachments
 * to the same new group are recognised as such.
 */
export function validateRoleDependencies(
  catalog: Catalog,
  decided: ReadonlyMap<string, Decided>,
  valuesOf: (key: string) => JsonObject | undefined,
  index: RefreshIndex,
  prior: PriorPicture,
  diags: Diagnostic[],
): void {
  const system = systemById(catalog);
  const projectNames = new Map<string, string>();
  for (const kind of ['data.iam_project', 'iam_project']) for (const o of index.list(kind)) if (typeof o.attributes['name'] === 'string') projectNames.set(o.id, o.attributes['name']);
  for (const [key, d] of decided) {
    if (d.kind !== 'managed' || d.instance.type !== 'iam_project') continue;
    const v = valuesOf(key);
    if (typeof v?.['id'] === 'string' && typeof v['name'] === 'string') projectNames.set(v['id'], v['name']);
  }
  const byPrincipal = new Map<string, Grant[]>();
  const owner = new Map<string, Decided>();
  const add = (id: string, attrs: JsonObject): void => {
    const policy = system.get(str(attrs['policy']) ?? '');
    const scope = attachmentScope(attrs, (project) => projectNames.get(project) ?? project, (ep) => ep);
    const principal = attachmentPrincipal(attrs);
    if (policy === undefined || scope === undefined || principal === undefined) return;
    const group = str(attrs['group']);
    let list = byPrincipal.get(principal);
    if (list === undefined) byPrincipal.set(principal, (list = []));
    const via: Grant['via'] = group !== undefined ? { kind: 'group', groupId: group, groupName: group } : { kind: 'user' };
    list.push({ attachmentId: id, policy: systemPolicy(policy), scope, via });
  };
  for (const [key, d] of decided) {
    if (d.kind !== 'managed' || d.instance.type !== 'iam_policy_attachment') continue;
    const values = valuesOf(key);
    if (values === undefined) continue;
    owner.set(key, d);
    add(key, values);
  }
  const managed = prior.managedIds.get('iam_policy_attachment');
  for (const o of index.list('iam_policy_attachment')) if (!(managed?.has(o.id) ?? false)) add(o.id, o.attributes);
  const seen = new Set<string>();
  for (const grants of byPrincipal.values()) {
    for (const problem of checkRoleDependencies(grants, catalog)) {
      const d = owner.get(problem.attachmentId);
      if (d === undefined) continue;
      const who = problem.via.kind === 'group' ? 'group' : 'user';
      pushUnique(diags, seen, [
        errorDiag('plan.role-dependency', 'Missing role dependency', {
          detail: `${problem.message}: add an iam_policy_attachment that grants "${problem.missing}" to the same ${who} in the same scope.`,
          range: d.instance.ranges.get('policy') ?? d.instance.declRange,
          context: `resource "${d.instance.type}" "${d.instance.address.name}"`,
        }),
      ]);
    }
  }
}
