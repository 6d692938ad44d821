import { didYouMean } from '../diag/index.js';
import type { Catalog } from '../backend/policy/index.js';
import { isWhollyKnown, type PlainObject } from '../schema/index.js';
import type { JsonObject } from '../state/index.js';
import type { RefreshedObject } from './input.js';
import type { RefreshIndex } from './prior.js';

/**
 * Data sources are resolved from the refreshed lists, never by a call of their own: the
 * refresh asks for the data kinds too (`data.iam_policy`, `data.iam_project`, …). Where a
 * data kind was not refreshed, the managed kind of the same type stands in, and system
 * policies come from the catalog, so a plan without a backend still resolves them.
 */
export type DataResult =
  | { readonly kind: 'found'; readonly object: RefreshedObject }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'missing'; readonly detail: string };

/** Types whose names the backend compares case-insensitively. */
const caseInsensitive = new Set(['iam_user', 'iam_group']);

function catalogPolicies(catalog: Catalog): RefreshedObject[] {
  return catalog.systemPermissions.map((p) => ({
    id: p.id,
    attributes: { id: p.id, name: p.displayName, internal_name: p.name, kind: p.kind, type: p.type, description: p.description, version: p.version },
  }));
}

const catalogCache = new WeakMap<Catalog, RefreshedObject[]>();

/** The objects a data source of `type` is looked up among. */
export function dataCandidates(type: string, index: RefreshIndex, catalog: Catalog): readonly RefreshedObject[] {
  const dataKind = `data.${type}`;
  if (index.has(dataKind)) return index.list(dataKind);
  if (type === 'iam_policy') {
    let system = catalogCache.get(catalog);
    if (system === undefined) catalogCache.set(catalog, (system = catalogPolicies(catalog)));
    return [...system, ...index.list('iam_policy').map((o) => ({ id: o.id, attributes: { ...o.attributes, kind: 'custom', version: '1.1' } }))];
  }
  return index.list(type);
}

function equalArg(type: string, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && caseInsensitive.has(type)) return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The object matching every argument the config sets (`name` in practice). Arguments not yet
 * known make the read wait for apply; no match is a user error naming close candidates.
 */
export function resolveDataSource(type: string, args: PlainObject, candidates: readonly RefreshedObject[]): DataResult {
  if (!isWhollyKnown(args)) return { kind: 'unknown' };
  const given = Object.entries(args).filter(([, v]) => v !== null && v !== undefined);
  const found = candidates.find((c) => given.every(([k, v]) => equalArg(type, c.attributes[k], v)));
  if (found !== undefined) return { kind: 'found', object: found };
  const name = args['name'];
  const what = given.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ');
  const suggestion = typeof name === 'string' ? didYouMean(name, candidates.map((c) => c.attributes['name']).filter((n): n is string => typeof n === 'string')) : '';
  return { kind: 'missing', detail: `The IAM backend has no ${type} with ${what || 'these arguments'}.${suggestion}` };
}

export function dataValue(object: RefreshedObject): JsonObject {
  return { ...object.attributes, id: object.id };
}
