/**
 * Compilation of grants. Work is shared at two levels, both keyed per catalog object:
 * - a policy document is compiled once (patterns parsed, the catalog actions each statement
 *   matches — directly or through an alias — precomputed, conditions compiled);
 * - a grant list is compiled once per signature, so users with identical grants (the same
 *   groups) share one `CompiledGrants`, and `effectiveAccess` memoizes on that object.
 * `decide` then looks the requested action up in `byAction` instead of matching patterns.
 */
import { parsePattern, patternMatchesKey, type NormalizedPattern } from './action-pattern.js';
import { catalogIndex, matchKeys, type CatalogIndex, type MatchInfo } from './catalog-index.js';
import { compileConditions, type CompiledCondition } from './conditions.js';
import type { Catalog, CompiledGrants, Grant, PolicyDocument, PolicyEffect, PolicyStatement, PolicyVersion } from './types.js';

export interface StatementPlan {
  readonly statementIndex: number;
  readonly statement: PolicyStatement;
  readonly effect: PolicyEffect;
  readonly notAction: boolean;
  readonly patterns: readonly NormalizedPattern[];
  /** Catalog keys this statement names, with the pattern (and alias) that matched. */
  readonly matches: ReadonlyMap<string, MatchInfo>;
  readonly conditions: readonly CompiledCondition[] | undefined;
  /** `matches` split by where an action can be granted, in catalog order (for effective access). */
  readonly entries: {
    readonly project: readonly MatchEntry[];
    readonly global: readonly MatchEntry[];
    readonly enterpriseProject: readonly MatchEntry[];
  };
}

export interface MatchEntry {
  /** Position of the action in the catalog. */
  readonly ordinal: number;
  readonly info: MatchInfo;
  /** The pattern as shown in effective access: `ecs:*:get* (alias ecs:cloudServers:get)`. */
  readonly shown: string;
}

export interface PolicyPlan {
  /** Small integer identity of the compiled document, used in signatures. */
  readonly serial: number;
  readonly statements: readonly StatementPlan[];
}

export interface CompiledStatement {
  readonly grant: Grant;
  readonly plan: StatementPlan;
  /** Memo of effective-access records per catalog ordinal, shared by every user holding an equal grant. */
  readonly access: unknown[];
}

export interface CompiledGrantsInternal extends CompiledGrants {
  readonly index: CatalogIndex;
  readonly statements: readonly CompiledStatement[];
  /** Canonical catalog key → the statements naming it, in grant order. */
  readonly byAction: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Memo for actions outside the catalog. */
  readonly dynamic: Map<string, readonly CompiledStatement[]>;
}

interface CatalogCache {
  readonly plans: Map<string, PolicyPlan>;
  /** Fast path by document identity (the store usually hands out one object per policy). */
  readonly byDocument: WeakMap<PolicyDocument, { readonly version: PolicyVersion; readonly plan: PolicyPlan }>;
  readonly compiled: Map<string, CompiledGrantsInternal>;
  /** Compiled statements per grant signature, so users holding equal grants share statements (and their access records). */
  readonly statements: Map<string, readonly CompiledStatement[]>;
  /** Next plan serial; never reused, even after the plan memo is cleared. */
  nextSerial: number;
}

const caches = new WeakMap<Catalog, CatalogCache>();
const maxMemoEntries = 20_000;
const noStatements: readonly CompiledStatement[] = [];

function cacheOf(catalog: Catalog): CatalogCache {
  let cache = caches.get(catalog);
  if (!cache) {
    cache = { plans: new Map(), byDocument: new WeakMap(), compiled: new Map(), statements: new Map(), nextSerial: 0 };
    caches.set(catalog, cache);
  }
  return cache;
}

/**
 * Prepares grants for `decide` and `effectiveAccess`. Grant lists with equal signatures share
 * the result. Grants and their documents are treated as immutable values: pass new objects for
 * changed grants. Equal grants of different users (the same attachment through the same
 * group) share their compiled statements and effective-access records.
 */
export function compileGrants(grants: readonly Grant[], catalog: Catalog): CompiledGrants {
  const cache = cacheOf(catalog);
  const index = catalogIndex(catalog);
  const plans = grants.map((grant) => policyPlan(cache, index, grant.policy.version, grant.policy.document));
  const signatures = grants.map((g, i) => `${plans[i]?.serial}\u0001${grantSignature(g)}`);
  const signature = signatures.join('\u0002');
  const known = cache.compiled.get(signature);
  if (known) return known;

  const statements: CompiledStatement[] = [];
  const byAction = new Map<string, CompiledStatement[]>();
  grants.forEach((grant, i) => {
    const key = signatures[i] as string;
    let known = cache.statements.get(key);
    if (!known) {
      known = (plans[i] as PolicyPlan).statements.map((plan) => ({ grant, plan, access: [] }));
      if (cache.statements.size >= maxMemoEntries) cache.statements.clear();
      cache.statements.set(key, known);
    }
    for (const compiled of known) {
      const { plan } = compiled;
      statements.push(compiled);
      for (const key of plan.matches.keys()) {
        const list = byAction.get(key);
        if (list) list.push(compiled);
        else byAction.set(key, [compiled]);
      }
    }
  });
  const result: CompiledGrantsInternal = { kind: 'compiled_grants', grants, catalog, signature, index, statements, byAction, dynamic: new Map() };
  if (cache.compiled.size >= maxMemoEntries) cache.compiled.clear();
  cache.compiled.set(signature, result);
  return result;
}

/** The internal view of a `CompiledGrants` made by `compileGrants`. */
export function internal(compiled: CompiledGrants): CompiledGrantsInternal {
  if (!('byAction' in compiled)) throw new Error('CompiledGrants must come from compileGrants');
  return compiled as CompiledGrantsInternal;
}

/** The statements naming `key`: precomputed for catalog actions, matched (and memoized) for others. */
export function statementsFor(compiled: CompiledGrantsInternal, key: string): readonly CompiledStatement[] {
  const known = compiled.byAction.get(key);
  if (known) return known;
  if (compiled.index.byKey.has(key)) return noStatements;
  let found = compiled.dynamic.get(key);
  if (!found) {
    found = compiled.statements.filter(({ plan }) => plan.patterns.some((p) => patternMatchesKey(p, key)) !== plan.notAction);
    if (compiled.dynamic.size < 1000) compiled.dynamic.set(key, found);
  }
  return found;
}

/** How a statement names an action (catalog or not); undefined when it does not. */
export function matchInfoFor(plan: StatementPlan, key: string): MatchInfo | undefined {
  const known = plan.matches.get(key);
  if (known) return known;
  const direct = plan.patterns.find((p) => patternMatchesKey(p, key));
  if (plan.notAction) return direct ? undefined : { pattern: 'NotAction' };
  return direct ? { pattern: direct.source } : undefined;
}

const grantSignatures = new WeakMap<Grant, string>();

/** Everything of a grant but its document (which the plan serial stands for). */
function grantSignature(grant: Grant): string {
  let signature = grantSignatures.get(grant);
  if (signature === undefined) {
    signature = `${grant.attachmentId}\u0001${grant.policy.id}\u0001${grant.policy.name}\u0001${JSON.stringify(grant.scope)}\u0001${JSON.stringify(grant.via)}`;
    grantSignatures.set(grant, signature);
  }
  return signature;
}

/** The compiled form of one policy document (shared with `compileGrants`). */
export function planOfPolicy(catalog: Catalog, version: PolicyVersion, document: PolicyDocument): PolicyPlan {
  return policyPlan(cacheOf(catalog), catalogIndex(catalog), version, document);
}

/** Documents are treated as immutable once compiled (the identity fast path relies on it). */
function policyPlan(cache: CatalogCache, index: CatalogIndex, version: PolicyVersion, document: PolicyDocument): PolicyPlan {
  const byIdentity = cache.byDocument.get(document);
  if (byIdentity?.version === version) return byIdentity.plan;
  const key = `${version}\u0000${JSON.stringify(document)}`;
  let plan = cache.plans.get(key);
  if (!plan) {
    const statements = (Array.isArray(document.Statement) ? document.Statement : []).map((statement, i) => statementPlan(index, version, statement, i));
    plan = { serial: cache.nextSerial++, statements };
    if (cache.plans.size >= maxMemoEntries) cache.plans.clear();
    cache.plans.set(key, plan);
  }
  cache.byDocument.set(document, { version, plan });
  return plan;
}

function statementPlan(index: CatalogIndex, version: PolicyVersion, statement: PolicyStatement, statementIndex: number): StatementPlan {
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    // An unvalidated document with a malformed Effect grants and denies nothing.
    return { statementIndex, statement, effect: 'Deny', notAction: false, patterns: [], matches: new Map(), conditions: undefined, entries: { project: [], global: [], enterpriseProject: [] } };
  }
  const notAction = statement.Action === undefined && statement.NotAction !== undefined;
  const sources = (notAction ? statement.NotAction : statement.Action) ?? [];
  const patterns: NormalizedPattern[] = [];
  for (const source of sources) {
    const parsed = parsePattern(source, version, index.catalog.legacyRoleActions);
    if (parsed.ok) patterns.push(...parsed.patterns);
  }
  const matches = new Map<string, MatchInfo>();
  if (notAction) {
    const excluded = new Set<string>();
    for (const source of sources) for (const key of matchKeys(index, source, version).keys()) excluded.add(key);
    for (const key of index.keys) if (!excluded.has(key)) matches.set(key, { pattern: 'NotAction' });
  } else {
    for (const source of sources) {
      for (const [key, info] of matchKeys(index, source, version)) if (!matches.has(key)) matches.set(key, info);
    }
  }
  const conditions = version === '1.1' && statement.Condition !== undefined ? compileConditions(statement.Condition) : undefined;
  const entries = { project: [] as MatchEntry[], global: [] as MatchEntry[], enterpriseProject: [] as MatchEntry[] };
  index.keys.forEach((key, ordinal) => {
    const info = matches.get(key);
    const action = index.byKey.get(key);
    if (!info || !action) return;
    const entry = { ordinal, info, shown: info.throughAlias === undefined ? info.pattern : `${info.pattern} (alias ${info.throughAlias})` };
    if (action.level === 'global') entries.global.push(entry);
    else {
      entries.project.push(entry);
      if (action.enterpriseProject) entries.enterpriseProject.push(entry);
    }
  });
  return { statementIndex, statement, effect: statement.Effect, notAction, patterns, matches, conditions, entries };
}
