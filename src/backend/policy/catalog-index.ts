/**
 * Lookup structures over a catalog, built once per catalog object (held in a WeakMap, so a
 * catalog must not be mutated after first use — `loadCatalog` returns a frozen one).
 */
import { canonicalAction, parsePattern, patternMatchesKey, serviceOf, type NormalizedPattern } from './action-pattern.js';
import type { Catalog, CatalogAction, PolicyVersion, ServiceLevel } from './types.js';

/** How one catalog action was matched by a pattern. */
export interface MatchInfo {
  readonly pattern: string;
  /** The alias through which the action matched, when it did not match by its own name. */
  readonly throughAlias?: string;
}

export interface CatalogIndex {
  readonly catalog: Catalog;
  /** Canonical key → action. */
  readonly byKey: ReadonlyMap<string, CatalogAction>;
  /** Canonical keys in catalog order. */
  readonly keys: readonly string[];
  /** Canonical key → canonical keys of its aliases (only for actions that have aliases). */
  readonly aliasKeys: ReadonlyMap<string, readonly { readonly key: string; readonly name: string }[]>;
  readonly serviceLevels: ReadonlyMap<string, ServiceLevel>;
  /** Action names as documented, for suggestions. */
  readonly names: readonly string[];
  /** Memo of `matchKeys` per version and pattern source. */
  readonly patternMatches: Map<string, ReadonlyMap<string, MatchInfo>>;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const byKey = new Map<string, CatalogAction>();
    const aliasKeys = new Map<string, { key: string; name: string }[]>();
    for (const action of catalog.actions) {
      const key = canonicalAction(action.name);
      if (key === undefined) continue;
      byKey.set(key, action);
      const aliases = action.aliases.flatMap((name) => {
        const aliasKey = canonicalAction(name);
        return aliasKey === undefined ? [] : [{ key: aliasKey, name }];
      });
      if (aliases.length > 0) aliasKeys.set(key, aliases);
    }
    index = {
      catalog,
      byKey,
      keys: [...byKey.keys()],
      aliasKeys,
      serviceLevels: new Map(catalog.services.map((s) => [s.name, s.level])),
      names: catalog.actions.map((a) => a.name),
      patternMatches: new Map(),
    };
    indexes.set(catalog, index);
  }
  return index;
}

/** Project-level unless the catalog says the action (or, for unknown actions, its service) is global. */
export function levelOfKey(index: CatalogIndex, key: string): ServiceLevel {
  return index.byKey.get(key)?.level ?? index.serviceLevels.get(serviceOf(key)) ?? 'project';
}

/** How `patterns` match `key` directly or through one of the key's catalog aliases; undefined if they do not. */
function matchKey(index: CatalogIndex, patterns: readonly NormalizedPattern[], key: string): MatchInfo | undefined {
  for (const pattern of patterns) if (patternMatchesKey(pattern, key)) return { pattern: pattern.source };
  const aliases = index.aliasKeys.get(key);
  if (aliases) {
    for (const alias of aliases) {
      for (const pattern of patterns) if (patternMatchesKey(pattern, alias.key)) return { pattern: pattern.source, throughAlias: alias.name };
    }
  }
  return undefined;
}

/** Catalog keys matched by one pattern source (memoized per catalog); empty for a malformed pattern. */
export function matchKeys(index: CatalogIndex, source: string, version: PolicyVersion): ReadonlyMap<string, MatchInfo> {
  const memoKey = `${version}\u0000${source}`;
  let found = index.patternMatches.get(memoKey);
  if (!found) {
    const parsed = parsePattern(source, version, index.catalog.legacyRoleActions);
    const map = new Map<string, MatchInfo>();
    if (parsed.ok) {
      for (const key of index.keys) {
        const info = matchKey(index, parsed.patterns, key);
        if (info) map.set(key, info);
      }
    }
    found = map;
    index.patternMatches.set(memoKey, found);
  }
  return found;
}

/** The catalog action named `name` (resource type and operation case-insensitive). */
export function findCatalogAction(catalog: Catalog, name: string): CatalogAction | undefined {
  const key = canonicalAction(name);
  return key === undefined ? undefined : catalogIndex(catalog).byKey.get(key);
}

/** Whether `pattern` (of a document of `version`) matches the action `name` by name alone, aliases not considered. */
export function actionMatches(pattern: string, name: string, version: PolicyVersion = '1.1', legacy: Readonly<Record<string, readonly string[]>> = {}): boolean {
  const key = canonicalAction(name);
  const parsed = parsePattern(pattern, version, legacy);
  return key !== undefined && parsed.ok && parsed.patterns.some((p) => patternMatchesKey(p, key));
}

/** The catalog actions a pattern matches, directly or through an alias, in catalog order. */
export function matchingActions(catalog: Catalog, pattern: string, version: PolicyVersion = '1.1'): CatalogAction[] {
  const index = catalogIndex(catalog);
  const found = matchKeys(index, pattern, version);
  return [...found.keys()].map((k) => index.byKey.get(k) as CatalogAction);
}
