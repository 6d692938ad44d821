import { formatAddress, parseAddress, type ResourceAddress } from '../addr/index.js';
import type { AppliedLookup, ApplyInput, ResolveResult } from '../apply/index.js';
import { placeholder, resolvePlaceholders, type ApplyPlan, type ResourceChange } from '../plan/index.js';
import type { JsonObject, JsonValue, OutputState, State } from '../state/index.js';
import type { SecretBox } from './types.js';

/**
 * The key under which a sealed value is stored in an output's state value. A sensitive output
 * that holds a secret (an access key's secret, returned once at creation) is kept sealed in
 * state, never in plain text, and opened only by `output --show-sensitive`.
 */
export const SEALED_KEY = 'iamform:sealed';

/** Formatted instance address → address, parsed once per apply. */
class AddressCache {
  private readonly known = new Map<string, ResourceAddress>();
  constructor(changes: readonly ResourceChange[]) {
    for (const c of changes) this.known.set(formatAddress(c.address), c.address);
  }
  get(text: string): ResourceAddress | undefined {
    let found = this.known.get(text);
    if (found === undefined) {
      found = parseAddress(text).address;
      if (found !== undefined) this.known.set(text, found);
    }
    return found;
  }
}

function attributeOf(id: string, attributes: JsonObject, attribute: string): JsonValue | undefined {
  if (attribute === 'id') return attributes['id'] ?? id;
  return attributes[attribute];
}

/**
 * What the executor needs to carry out a plan made by `planChanges`: instance dependencies,
 * a resolver that fills the placeholders of partly unknown values from objects applied
 * before, and the outputs of the final state (secrets sealed when `box` is given, dropped
 * otherwise).
 */
export function applyInputOf(applyPlan: ApplyPlan, box: SecretBox | undefined): ApplyInput {
  const { plan } = applyPlan;
  const addresses = new AddressCache(plan.changes);
  const instanceDependencies = new Map<string, ResourceAddress[]>();
  for (const [key, deps] of applyPlan.dependencies) {
    instanceDependencies.set(
      key,
      deps.flatMap((d) => addresses.get(d) ?? []),
    );
  }
  const resolveAfter = (change: ResourceChange, applied: AppliedLookup): ResolveResult => {
    const key = formatAddress(change.address);
    const template = applyPlan.applyValues.get(key);
    if (template === undefined) return { kind: 'ok', after: change.after ?? {} };
    const resolved = resolvePlaceholders(withoutOwnUnknowns(template, key), (address, attribute) => {
      const target = addresses.get(address);
      const object = target === undefined ? undefined : applied(target);
      return object === undefined ? undefined : attributeOf(object.id, object.attributes, attribute);
    });
    if (resolved.missing.length > 0) {
      const names = resolved.missing.map((m) => `${m.address}.${m.attribute}`).join(', ');
      return { kind: 'error', message: `Values known only after apply are missing: ${names}.` };
    }
    return { kind: 'ok', after: resolved.value as JsonObject };
  };
  const outputs = (state: State, secrets: ReadonlyMap<string, JsonObject>): Readonly<Record<string, OutputState>> => finalOutputs(applyPlan, state, secrets, box);
  return { changes: plan.changes, prior: applyPlan.priorState, instanceDependencies, resolveAfter, outputs };
}

/**
 * The template without the top-level attributes that stand for the instance's own computed
 * values (its `id`): the provider computes those, nothing resolves them beforehand.
 */
function withoutOwnUnknowns(template: JsonObject, key: string): JsonObject {
  const own = placeholder(key, '').slice(0, -1);
  let out: JsonObject | undefined;
  for (const [name, value] of Object.entries(template)) {
    if (typeof value !== 'string' || !value.startsWith(own)) continue;
    out ??= { ...template };
    delete out[name];
  }
  return out ?? template;
}

/** Every planned output's value against the final state; secrets sealed, or the output dropped without a box. */
function finalOutputs(applyPlan: ApplyPlan, state: State, secrets: ReadonlyMap<string, JsonObject>, box: SecretBox | undefined): Record<string, OutputState> {
  const { plan } = applyPlan;
  if (plan.mode === 'refresh-only') return { ...state.outputs };
  const needsState = plan.outputs.some((o) => o.action !== 'delete' && applyPlan.outputValues.has(o.name));
  const instances = new Map<string, { id: string; attributes: JsonObject }>();
  if (needsState) {
    for (const r of state.resources) {
      for (const i of r.instances) instances.set(formatAddress({ mode: r.mode, type: r.type, name: r.name, ...(i.key !== undefined ? { key: i.key } : {}) }), i);
    }
  }
  const out: Record<string, OutputState> = {};
  for (const o of plan.outputs) {
    if (o.action === 'delete') continue;
    const template = applyPlan.outputValues.get(o.name);
    if (template === undefined) {
      if (o.action === 'no-op' && state.outputs[o.name] !== undefined) out[o.name] = state.outputs[o.name] as OutputState;
      else out[o.name] = { value: o.after ?? null, sensitive: o.sensitive };
      continue;
    }
    let usedSecret = false;
    const resolved = resolvePlaceholders(template, (address, attribute) => {
      const secret = secrets.get(address)?.[attribute];
      if (secret !== undefined) {
        usedSecret = true;
        return secret;
      }
      const instance = instances.get(address);
      return instance === undefined ? undefined : attributeOf(instance.id, instance.attributes, attribute);
    });
    if (resolved.missing.length > 0) {
      // A secret not returned in this apply (the key existed before): keep what was stored.
      const prior = state.outputs[o.name];
      if (prior !== undefined) out[o.name] = prior;
      continue;
    }
    if (usedSecret) {
      if (box === undefined) continue;
      out[o.name] = { value: { [SEALED_KEY]: box.seal(JSON.stringify(resolved.value)) }, sensitive: true };
    } else out[o.name] = { value: resolved.value, sensitive: o.sensitive };
  }
  return out;
}

/** An output's stored value, with a sealed secret opened (undefined when it cannot be). */
export function openOutputValue(value: JsonValue, box: SecretBox | undefined): { value: JsonValue } | { sealed: true } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value };
  const sealed = value[SEALED_KEY];
  if (typeof sealed !== 'string' || Object.keys(value).length !== 1) return { value };
  const opened = box?.open(sealed);
  if (opened === undefined) return { sealed: true };
  try {
    return { value: JSON.parse(opened) as JsonValue };
  } catch {
    return { sealed: true };
  }
}
