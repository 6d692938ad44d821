import { applyInputFromPlan, resolvedOutputs, type ApplyInput } from '../apply/index.js';
import { placeholdersIn, type ApplyPlan } from '../plan/index.js';
import type { JsonObject, JsonValue, OutputState } from '../state/index.js';
import type { SecretBox } from './types.js';

/**
 * The key under which a sealed value is stored in an output's state value. A sensitive output
 * that holds a secret (an access key's secret, returned once at creation) is kept sealed in
 * state, never in plain text, and opened only by `output --show-sensitive`.
 */
export const SEALED_KEY = 'iamform:sealed';

/** `iam_user.u["a"]` → `iam_user.u`: the resource of a formatted instance address. */
function resourceText(address: string): string {
  const bracket = address.indexOf('[');
  return bracket < 0 ? address : address.slice(0, bracket);
}

/**
 * The planner's dependencies with whole-resource entries narrowed where the change's values
 * say exactly which instances it waits for. A reference without a literal key
 * (`iam_user.u[each.key].id`) makes the planner depend on the whole resource, which the
 * executor would expand to an edge per instance: O(n²) for n instances referring to n others.
 * When the change's unknown values name instances of that resource (their placeholders),
 * only those instances can hold it up, since every other instance's values are known now.
 * Without placeholders of that resource (a `depends_on`), the whole resource stays.
 */
export function exactDependencies(applyPlan: ApplyPlan): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const [key, deps] of applyPlan.dependencies) {
    const template = applyPlan.applyValues.get(key);
    const writeOnly = applyPlan.writeOnly.get(key);
    if (template === undefined && writeOnly === undefined) {
      out.set(key, deps);
      continue;
    }
    const named = new Map<string, Set<string>>();
    for (const value of [template, writeOnly]) {
      if (value === undefined) continue;
      for (const p of placeholdersIn(value as JsonValue)) {
        if (p.address === key) continue;
        const resource = resourceText(p.address);
        let set = named.get(resource);
        if (set === undefined) named.set(resource, (set = new Set()));
        set.add(p.address);
      }
    }
    const narrowed = new Set<string>();
    for (const dep of deps) {
      const exact = dep.includes('[') ? undefined : named.get(dep);
      if (exact === undefined) narrowed.add(dep);
      else for (const instance of exact) narrowed.add(instance);
    }
    out.set(key, [...narrowed].sort());
  }
  return out;
}

/**
 * What the executor needs to carry out a plan made by `planChanges`: the apply module's
 * input for it, with exact dependencies, and outputs whose secrets are sealed with `box`
 * (without a box a secret output is shown once and not kept).
 */
export function applyInputOf(applyPlan: ApplyPlan, box: SecretBox | undefined): ApplyInput {
  const narrowed: ApplyPlan = { ...applyPlan, dependencies: exactDependencies(applyPlan) };
  const input = applyInputFromPlan(narrowed);
  return {
    ...input,
    outputs: (state, secrets) => {
      const resolved = resolvedOutputs(narrowed, state, secrets);
      const stored: Record<string, OutputState> = { ...resolved.stored };
      if (box !== undefined) {
        for (const [name, output] of resolved.shown) {
          if (stored[name] !== undefined) continue;
          stored[name] = { value: { [SEALED_KEY]: box.seal(JSON.stringify(output.value)) }, sensitive: true };
        }
      }
      for (const planned of applyPlan.plan.outputs) {
        // A sealed output whose secret was not returned again keeps its stored value.
        const prior = state.outputs[planned.name];
        if (planned.action !== 'delete' && stored[planned.name] === undefined && prior !== undefined && isSealed(prior.value)) stored[planned.name] = prior;
      }
      return stored;
    },
  };
}

/** Whether a stored output value is a sealed secret rather than the value itself. */
export function isSealed(value: JsonValue): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value[SEALED_KEY] === 'string';
}

/** An output's stored value, with a sealed secret opened (`sealed` when it cannot be). */
export function openOutputValue(value: JsonValue, box: SecretBox | undefined): { value: JsonValue } | { sealed: true } {
  if (!isSealed(value)) return { value };
  const opened = box?.open((value as JsonObject)[SEALED_KEY] as string);
  if (opened === undefined) return { sealed: true };
  try {
    return { value: JSON.parse(opened) as JsonValue };
  } catch {
    return { sealed: true };
  }
}
