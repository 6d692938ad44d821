import { compareAddresses, formatAddress, type ResourceAddress } from '../addr/index.js';
import { allowedActions, type AllowedActions, type Catalog } from '../backend/policy/index.js';
import type { JsonObject, JsonValue } from '../state/index.js';
import { AccessWorld, accessKinds, isAccessKind, type AccessKind, type ObjectsByKind } from './access-world.js';
import type { PlanInput } from './input.js';
import type { PriorPicture, RefreshIndex } from './prior.js';
import { changeKey, type AccessChange, type ResourceChange } from './types.js';

/**
 * Access changes: who gains or loses which actions in which scope because of the plan. Only
 * subjects a change can affect are evaluated (members joining or leaving, attachments made or
 * removed, documents of attached policies changed, users and groups deleted), so the cost
 * follows the size of the change, not of the account. Subjects are named `user:<name>` or
 * `group:<name>` so that a replaced object (new id, same name) compares with its old self.
 */
export interface AccessInput {
  readonly input: PlanInput;
  readonly index: RefreshIndex;
  readonly prior: PriorPicture;
  readonly changes: readonly ResourceChange[];
  /** Planned values with placeholders, for changes whose `after` has unknown parts. */
  readonly applyValues: ReadonlyMap<string, JsonObject>;
}

function beforeObjects(a: AccessInput): ObjectsByKind {
  const out: ObjectsByKind = new Map();
  const fromState = new Set<AccessKind>();
  for (const kind of accessKinds) {
    const m = new Map<string, JsonObject>();
    out.set(kind, m);
    if (a.input.options.refresh && a.index.has(kind)) for (const o of a.index.list(kind)) m.set(o.id, o.attributes);
    else fromState.add(kind);
  }
  if (fromState.size > 0) {
    for (const p of a.prior.instances.values()) {
      if (!p.gone && isAccessKind(p.address.type) && fromState.has(p.address.type)) out.get(p.address.type)?.set(p.id, p.attributes);
    }
  }
  return out;
}

function afterObjects(before: ObjectsByKind, a: AccessInput): ObjectsByKind {
  const out: ObjectsByKind = new Map();
  for (const [kind, m] of before) out.set(kind, new Map(m));
  for (const c of a.changes) {
    const type = c.address.type;
    if (c.address.mode !== 'managed' || !isAccessKind(type) || c.action === 'no-op' || c.action === 'read') continue;
    const m = out.get(type) as Map<string, JsonObject>;
    if ((c.action === 'delete' || c.action === 'replace') && c.id !== undefined) m.delete(c.id);
    if (c.action === 'delete') continue;
    const value = a.applyValues.get(changeKey(c)) ?? c.after;
    const id = typeof value?.['id'] === 'string' ? value['id'] : c.id;
    if (value !== null && value !== undefined && id !== undefined) m.set(id, value);
  }
  return out;
}

function extraProjects(index: RefreshIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of index.list('data.iam_project')) if (typeof o.attributes['name'] === 'string') out.set(o.id, o.attributes['name']);
  return out;
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The subjects a change may affect, in the world before and after. */
function affected(c: ResourceChange, v: JsonObject | null, before: AccessWorld, after: AccessWorld, add: (subject: string | undefined) => void): void {
  const b = c.before;
  switch (c.address.type) {
    case 'iam_policy_attachment': {
      for (const [world, attrs] of [[before, b], [after, v]] as const) {
        if (attrs === null) continue;
        add(world.subjectOf('group', str(attrs['group'])) ?? world.subjectOf('user', str(attrs['user'])));
      }
      return;
    }
    case 'iam_group_membership': {
      const was = new Set(Array.isArray(b?.['users']) ? b['users'] : []);
      const now = new Set(Array.isArray(v?.['users']) ? v['users'] : []);
      for (const u of was) if (!now.has(u)) add(before.subjectOf('user', str(u)));
      for (const u of now) if (!was.has(u)) add(after.subjectOf('user', str(u)));
      return;
    }
    case 'iam_policy':
      if (c.id !== undefined) for (const s of before.holdersOf(c.id)) add(s);
      if (c.id !== undefined && c.action === 'update') for (const s of after.holdersOf(c.id)) add(s);
      return;
    case 'iam_group':
    case 'iam_user':
      if (c.action === 'delete' && c.id !== undefined) add(before.subjectOf(c.address.type === 'iam_user' ? 'user' : 'group', c.id));
      return;
    default:
      return;
  }
}

const nothingAllowed: AllowedActions = { byScope: new Map(), names: [] };

function allowedOf(world: AccessWorld, subject: string, catalog: Catalog): AllowedActions {
  const grants = world.grantsOf(subject);
  return grants.length === 0 ? nothingAllowed : allowedActions(grants, catalog);
}

const noOrdinals = new Int32Array(0);

/**
 * Names of the ordinals in `a` and not in `b` (both ascending), sorted by name, in an array of
 * exactly that length: plans keep thousands of these lists.
 */
function missingFrom(a: Int32Array, b: Int32Array, names: readonly string[]): string[] {
  const missing = (o: number, j: number): boolean => j >= b.length || b[j] !== o;
  let count = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    const o = a[i] as number;
    while (j < b.length && (b[j] as number) < o) j++;
    if (missing(o, j)) count++;
  }
  const out = new Array<string>(count);
  for (let i = 0, j = 0, k = 0; i < a.length; i++) {
    const o = a[i] as number;
    while (j < b.length && (b[j] as number) < o) j++;
    if (missing(o, j)) out[k++] = names[o] as string;
  }
  return out.sort();
}

export function accessChanges(a: AccessInput): AccessChange[] {
  const relevant = a.changes.filter((c) => c.action !== 'no-op' && c.action !== 'read' && isAccessKind(c.address.type));
  if (relevant.length === 0) return [];
  const beforeMap = beforeObjects(a);
  const before = new AccessWorld(beforeMap, extraProjects(a.index), a.input.catalog);
  const after = new AccessWorld(afterObjects(beforeMap, a), extraProjects(a.index), a.input.catalog);
  const causes = new Map<string, ResourceAddress[]>();
  for (const c of relevant) {
    affected(c, a.applyValues.get(changeKey(c)) ?? c.after, before, after, (subject) => {
      if (subject === undefined) return;
      let list = causes.get(subject);
      if (list === undefined) causes.set(subject, (list = []));
      if (!list.some((x) => formatAddress(x) === formatAddress(c.address))) list.push(c.address);
    });
  }
  const out: AccessChange[] = [];
  for (const subject of [...causes.keys()].sort()) {
    const was = allowedOf(before, subject, a.input.catalog);
    const now = allowedOf(after, subject, a.input.catalog);
    const names = now.names.length > 0 ? now.names : was.names;
    const why = (causes.get(subject) ?? []).sort(compareAddresses);
    for (const scope of [...new Set([...was.byScope.keys(), ...now.byScope.keys()])].sort()) {
      const w = was.byScope.get(scope) ?? noOrdinals;
      const n = now.byScope.get(scope) ?? noOrdinals;
      const gained = missingFrom(n, w, names);
      const lost = missingFrom(w, n, names);
      if (gained.length > 0) out.push({ kind: 'grant', principal: subject, scope, actions: gained, causes: why });
      if (lost.length > 0) out.push({ kind: 'revoke', principal: subject, scope, actions: lost, causes: why });
    }
  }
  return out;
}
