import { formatAddress, withKey } from '../addr/index.js';
import { placeholdersIn, resolvePlaceholders, type ApplyPlan, type PlaceholderLookup } from '../plan/index.js';
import type { JsonObject, JsonValue, OutputState, State } from '../state/index.js';
import type { AppliedLookup, ApplyInput, ResolveResult } from './types.js';

/**
 * The executor's input for a planner result. Unknown parts of planned values travel as the
 * planner's placeholders (`ApplyPlan.applyValues`, `ApplyPlan.writeOnly`): each names the
 * instance and top-level attribute it stands for, and is resolved from the applied object
 * just before the change's provider call. The object id stands for `id` when the object's
 * attributes have none.
 */
export function applyInputFromPlan(applyPlan: ApplyPlan): ApplyInput {
  return {
    changes: applyPlan.plan.changes,
    prior: applyPlan.priorState,
    instanceDependencies: applyPlan.dependencies,
    resolveAfter: (change, applied): ResolveResult => {
      const key = formatAddress(change.address);
      const template = applyPlan.applyValues.get(key);
      const writeOnly = applyPlan.writeOnly.get(key);
      const lookup = attributeLookup(applied);
      const after = template === undefined ? { value: change.after ?? {}, missing: [] } : resolvePlaceholders(withoutOwn(template, key), lookup);
      const secret = writeOnly === undefined ? { value: change.writeOnly ?? {}, missing: [] } : resolvePlaceholders(withoutOwn(writeOnly, key), lookup);
      const missing = [...after.missing, ...secret.missing];
      if (missing.length > 0) {
        const names = missing.map((m) => `${m.address}.${m.attribute}`).join(', ');
        return { kind: 'error', message: `${key} uses ${names}, which is not known after applying its dependencies.` };
      }
      return { kind: 'ok', after: after.value as JsonObject, writeOnly: secret.value as JsonObject };
    },
    outputs: (state, secrets) => resolvedOutputs(applyPlan, state, secrets).stored,
  };
}

/**
 * `values` without the attributes that name the instance itself: its own computed attributes
 * (`id`), which the provider fills in.
 */
function withoutOwn(values: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(values)) {
    if (!placeholdersIn(value).some((p) => p.address === key)) out[name] = value;
  }
  return out;
}

function attributeLookup(applied: AppliedLookup, secrets?: ReadonlyMap<string, JsonObject>): PlaceholderLookup {
  return (address, attribute) => {
    const secret = secrets?.get(address)?.[attribute];
    if (secret !== undefined) return secret;
    const instance = applied(address);
    if (!instance) return undefined;
    return instance.attributes[attribute] ?? (attribute === 'id' ? instance.id : undefined);
  };
}

export interface ResolvedOutputs {
  /** Outputs to keep in state: every output whose value is known without a secret. */
  readonly stored: Readonly<Record<string, OutputState>>;
  /**
   * Every output with a known value, including those made from secrets (an access key's
   * secret), which are shown once and never stored.
   */
  readonly shown: ReadonlyMap<string, OutputState>;
}

/**
 * The config's outputs after apply, from the planner's output values with placeholders. An
 * output that still names something unknown (a whole value the planner could not express
 * with placeholders) is left out; outputs of the prior state that the plan does not mention
 * are kept.
 */
export function resolvedOutputs(applyPlan: ApplyPlan, state: State, secrets: ReadonlyMap<string, JsonObject>): ResolvedOutputs {
  const byName = new Map<string, { readonly id: string; readonly attributes: JsonObject }>();
  for (const resource of state.resources) {
    for (const instance of resource.instances) {
      byName.set(formatAddress(withKey(resource, instance.key)), instance);
    }
  }
  const applied: AppliedLookup = (address) => byName.get(typeof address === 'string' ? address : formatAddress(address));
  const sensitive = new Map(applyPlan.plan.outputs.map((o) => [o.name, o.sensitive]));
  const stored: Record<string, OutputState> = {};
  for (const [name, output] of Object.entries(state.outputs)) if (!sensitive.has(name)) stored[name] = output;
  const shown = new Map<string, OutputState>();
  for (const planned of applyPlan.plan.outputs) {
    if (planned.action === 'delete') continue;
    const template: JsonValue | undefined = applyPlan.outputValues.has(planned.name) ? applyPlan.outputValues.get(planned.name) : planned.afterUnknown ? undefined : planned.after;
    if (template === undefined) continue;
    const withState = resolvePlaceholders(template, attributeLookup(applied));
    if (withState.missing.length === 0) {
      stored[planned.name] = { value: withState.value, sensitive: planned.sensitive };
      shown.set(planned.name, stored[planned.name] as OutputState);
      continue;
    }
    const withSecrets = resolvePlaceholders(template, attributeLookup(applied, secrets));
    if (withSecrets.missing.length === 0) shown.set(planned.name, { value: withSecrets.value, sensitive: planned.sensitive });
  }
  return { stored, shown };
}
