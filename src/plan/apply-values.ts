import { formatAddress, parseAddress } from '../addr/index.js';
import { findInstance, type JsonObject, type JsonValue, type OutputState, type State } from '../state/index.js';
import { placeholdersIn, resolvePlaceholders, type PlaceholderRef } from './placeholder.js';
import type { ResourceChange } from './types.js';

/**
 * Resolution of placeholders at apply time: the executor asks, just before a change's
 * provider call, for its `after` (and write-only values) with every value known only after
 * apply filled in from the objects applied so far. Shapes match the executor's
 * `AfterResolver` and outputs hook structurally; this module imports nothing of `apply`.
 */
export type AppliedLookup = (address: string) => { readonly id: string; readonly attributes: JsonObject } | undefined;

export type ResolvedAfter = { readonly kind: 'ok'; readonly after: JsonObject; readonly writeOnly?: JsonObject } | { readonly kind: 'error'; readonly message: string };

function lookupIn(applied: AppliedLookup): (address: string, attribute: string) => JsonValue | undefined {
  return (address, attribute) => {
    const object = applied(address);
    if (object === undefined) return undefined;
    return object.attributes[attribute] ?? (attribute === 'id' ? object.id : undefined);
  };
}

function describe(missing: readonly PlaceholderRef[]): string {
  return missing.map((m) => `${m.address}.${m.attribute}`).join(', ');
}

/** The resolver over the plan's templates; a change without a template applies `after` as planned. */
export function afterResolver(templates: ReadonlyMap<string, JsonObject>, writeOnly: ReadonlyMap<string, JsonObject>): (change: ResourceChange, applied: AppliedLookup) => ResolvedAfter {
  return (change, applied) => {
    const key = formatAddress(change.address);
    const template = templates.get(key);
    const wo = writeOnly.get(key);
    const lookup = lookupIn(applied);
    // The instance's own computed attributes (its id) are the provider's to fill in.
    const own = (v: JsonValue | undefined): boolean => typeof v === 'string' && placeholdersIn(v).some((p) => p.address === key);
    const base: JsonObject = {};
    for (const [name, value] of Object.entries(template ?? change.after ?? {})) if (!own(value)) base[name] = value;
    const after = resolvePlaceholders(base, lookup);
    const secret = wo === undefined ? undefined : resolvePlaceholders(wo, lookup);
    const missing = [...after.missing, ...(secret?.missing ?? [])];
    if (missing.length > 0) return { kind: 'error', message: `${key} needs ${describe(missing)}, which ${missing.length === 1 ? 'is' : 'are'} not known after applying its dependencies.` };
    return { kind: 'ok', after: after.value as JsonObject, ...(secret !== undefined ? { writeOnly: secret.value as JsonObject } : {}) };
  };
}

/**
 * The outputs of a state after apply, from the output templates: placeholders name instance
 * attributes, found in `state` or, for values shown once (an access key's secret), in `secrets`
 * by formatted address. An output that still cannot be resolved is left out.
 */
export function outputsResolver(templates: ReadonlyMap<string, JsonValue>, sensitive: ReadonlyMap<string, boolean>): (state: State, secrets: ReadonlyMap<string, JsonObject>) => Record<string, OutputState> {
  return (state, secrets) => {
    const lookup = (address: string, attribute: string): JsonValue | undefined => {
      const parsed = parseAddress(address).address;
      const instance = parsed === undefined ? undefined : findInstance(state, parsed);
      return secrets.get(address)?.[attribute] ?? instance?.attributes[attribute] ?? (attribute === 'id' ? instance?.id : undefined);
    };
    const out: Record<string, OutputState> = {};
    for (const [name, template] of templates) {
      const resolved = resolvePlaceholders(template, lookup);
      if (resolved.missing.length === 0) out[name] = { value: resolved.value, sensitive: sensitive.get(name) ?? false };
    }
    return out;
  };
}
