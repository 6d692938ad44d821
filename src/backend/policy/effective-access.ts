/**
 * Effective access: for every scope the grants name, the catalog actions allowed and the ones
 * explicitly denied, each with the statements behind it. A project scope includes the
 * all-projects grants; global services list global actions; an enterprise project lists only
 * enterprise-project-capable actions from Version 1.1 policies. An action is allowed when an
 * applicable Allow names it and no unconditional Deny does (conditional statements are listed
 * with `conditional: true`, since they hold only for some requests).
 *
 * Cost: per scope, one pass over the precomputed match entries of the applicable statements.
 * Results are memoized per `CompiledGrants` (shared by identical grant lists) and source
 * records per compiled statement (shared by every user holding an equal grant).
 */
import { catalogIndex } from './catalog-index.js';
import { internal, planOfPolicy, type CompiledStatement, type MatchEntry, type StatementPlan } from './compile.js';
import { scopeKey, scopeLabel, scopeRank } from './scope.js';
import type { AccessSource, ActionAccess, Catalog, CatalogAction, CompiledGrants, Grant, Scope, ScopeAccess } from './types.js';

const memo = new WeakMap<CompiledGrants, ScopeAccess[]>();

/** Per granted scope, the catalog actions allowed and denied (in catalog order), with their sources. */
export function effectiveAccess(compiled: CompiledGrants, _catalog?: Catalog): ScopeAccess[] {
  const known = memo.get(compiled);
  if (known) return known;
  const c = internal(compiled);
  const scopes = new Map<string, Scope>();
  for (const grant of c.grants) if (!scopes.has(scopeKey(grant.scope))) scopes.set(scopeKey(grant.scope), grant.scope);
  const ordered = [...scopes.values()].sort((a, b) => scopeRank(a) - scopeRank(b) || scopeLabel(a).localeCompare(scopeLabel(b)));
  const actions = c.catalog.actions.length === c.index.keys.length ? c.catalog.actions : c.index.keys.map((k) => c.index.byKey.get(k) as CatalogAction);
  const result = ordered.map((scope) => accessIn(scope, c.statements, actions));
  memo.set(compiled, result);
  return result;
}

/** Whether a grant at its scope contributes to the listing of `scope`. */
function contributes(grant: Grant, scope: Scope): boolean {
  const granted = grant.scope;
  switch (scope.kind) {
    case 'project':
      return granted.kind === 'all_projects' || (granted.kind === 'project' && granted.projectId === scope.projectId);
    case 'all_projects':
      return granted.kind === 'all_projects';
    case 'global':
      return granted.kind === 'global';
    case 'enterprise_project':
      return granted.kind === 'enterprise_project' && granted.enterpriseProjectId === scope.enterpriseProjectId && grant.policy.version === '1.1';
    default: {
      const never: never = scope;
      throw new Error(`unexpected scope ${JSON.stringify(never)}`);
    }
  }
}

function planEntriesFor(plan: StatementPlan, scope: Scope): readonly MatchEntry[] {
  const { entries } = plan;
  return scope.kind === 'global' ? entries.global : scope.kind === 'enterprise_project' ? entries.enterpriseProject : entries.project;
}

/** One statement's record for one action (memoized on the statement, which users holding equal grants share). */
function recordOf(statement: CompiledStatement, entry: MatchEntry, name: string): ActionAccess {
  let record = statement.access[entry.ordinal] as ActionAccess | undefined;
  if (!record) {
    const { grant, plan } = statement;
    const source: AccessSource = {
      policy: { id: grant.policy.id, name: grant.policy.name },
      statementIndex: plan.statementIndex,
      pattern: entry.shown,
      via: grant.via,
      attachmentId: grant.attachmentId,
      conditional: plan.conditions !== undefined,
    };
    record = { action: name, sources: [source] };
    statement.access[entry.ordinal] = record;
  }
  return record;
}

/**
 * Collects records per catalog ordinal: an action named by one statement reuses that
 * statement's record; only actions named by several statements get a new merged record.
 */
class Collector {
  private readonly records: (ActionAccess | undefined)[];
  private readonly merged: Uint8Array;

  constructor(size: number) {
    this.records = new Array<ActionAccess | undefined>(size);
    this.merged = new Uint8Array(size);
  }

  add(ordinal: number, record: ActionAccess): void {
    const prior = this.records[ordinal];
    if (!prior) this.records[ordinal] = record;
    else if (this.merged[ordinal] === 1) (prior.sources as AccessSource[]).push(...record.sources);
    else {
      this.records[ordinal] = { action: prior.action, sources: [...prior.sources, ...record.sources] };
      this.merged[ordinal] = 1;
    }
  }

  at(ordinal: number): ActionAccess | undefined {
    return this.records[ordinal];
  }
}

function accessIn(scope: Scope, statements: readonly CompiledStatement[], actions: readonly CatalogAction[]): ScopeAccess {
  const allowed = new Collector(actions.length);
  const denied = new Collector(actions.length);
  const hardDenied = new Uint8Array(actions.length);
  for (const statement of statements) {
    if (!contributes(statement.grant, scope)) continue;
    const isDeny = statement.plan.effect === 'Deny';
    const target = isDeny ? denied : allowed;
    const hard = isDeny && statement.plan.conditions === undefined;
    for (const entry of planEntriesFor(statement.plan, scope)) {
      target.add(entry.ordinal, recordOf(statement, entry, (actions[entry.ordinal] as CatalogAction).name));
      if (hard) hardDenied[entry.ordinal] = 1;
    }
  }
  const allowedList: ActionAccess[] = [];
  const deniedList: ActionAccess[] = [];
  for (let i = 0; i < actions.length; i++) {
    const allow = allowed.at(i);
    if (allow && hardDenied[i] === 0) allowedList.push(allow);
    const deny = denied.at(i);
    if (deny) deniedList.push(deny);
  }
  return { scope, allowed: allowedList, denied: deniedList };
}

/** The allowed catalog actions of a grant list per scope label, without the sources behind them. */
export interface AllowedActions {
  /** Scope label → catalog ordinals of the allowed actions, ascending. */
  readonly byScope: ReadonlyMap<string, Int32Array>;
  /** Action name by catalog ordinal. */
  readonly names: readonly string[];
}

const allowedMemo = new WeakMap<Catalog, { readonly names: readonly string[]; readonly results: Map<string, AllowedActions> }>();
const maxAllowedMemo = 20_000;

/**
 * The `allowed` lists of `effectiveAccess` as ordinals, for callers that compare whole access
 * pictures (plan access changes) and never show sources: no records are built, and grant
 * lists that differ only in attachments or the group they come through share one result
 * (the memo key is each grant's scope and compiled document).
 */
export function allowedActions(grants: readonly Grant[], catalog: Catalog): AllowedActions {
  const index = catalogIndex(catalog);
  const plans = grants.map((g) => planOfPolicy(catalog, g.policy.version, g.policy.document));
  const signature = grants.map((g, i) => `${plans[i]?.serial}\u0001${g.policy.version}\u0001${scopeKey(g.scope)}`).join('\u0002');
  let memo = allowedMemo.get(catalog);
  if (memo === undefined) allowedMemo.set(catalog, (memo = { names: index.keys.map((k) => (index.byKey.get(k) as CatalogAction).name), results: new Map() }));
  const known = memo.results.get(signature);
  if (known !== undefined) return known;

  const names = memo.names;
  const scopes = new Map<string, Scope>();
  for (const grant of grants) if (!scopes.has(scopeKey(grant.scope))) scopes.set(scopeKey(grant.scope), grant.scope);
  const byScope = new Map<string, Int32Array>();
  const allowed = new Uint8Array(names.length);
  const hardDenied = new Uint8Array(names.length);
  for (const scope of scopes.values()) {
    allowed.fill(0);
    hardDenied.fill(0);
    grants.forEach((grant, i) => {
      if (!contributes(grant, scope)) return;
      for (const statement of plans[i]?.statements ?? []) {
        const deny = statement.effect === 'Deny';
        if (deny && statement.conditions !== undefined) continue;
        const flags = deny ? hardDenied : allowed;
        for (const entry of planEntriesFor(statement, scope)) flags[entry.ordinal] = 1;
      }
    });
    const label = scopeLabel(scope);
    const prior = byScope.get(label);
    let count = 0;
    for (let o = 0; o < names.length; o++) if ((allowed[o] === 1 && hardDenied[o] === 0) || prior?.includes(o) === true) count++;
    const ordinals = new Int32Array(count);
    for (let o = 0, k = 0; o < names.length; o++) if ((allowed[o] === 1 && hardDenied[o] === 0) || prior?.includes(o) === true) ordinals[k++] = o;
    byScope.set(label, ordinals);
  }
  const result = { byScope, names };
  if (memo.results.size >= maxAllowedMemo) memo.results.clear();
  memo.results.set(signature, result);
  return result;
}
