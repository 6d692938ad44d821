import type { JsonValue } from '../../state/index.js';
import { isList, isMap, type JsonMap } from './values.js';

/**
 * Policy documents (the `policy` attribute of `iam_policy`) compared as the IAM service reads
 * them: action, not-action and resource lists are sets, statements a multiset. The planner
 * normalises too; the renderer must still never show a reordering as a change.
 */

/** Statement members whose list values are sets. */
export const SET_MEMBERS: ReadonlySet<string> = new Set(['Action', 'NotAction', 'Resource']);

/** The document behind a value: the object itself, or a JSON string holding an object. */
export function policyDocument(value: JsonValue | undefined): JsonMap | undefined {
  if (isMap(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as JsonValue;
    return isMap(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function sortedUnique(values: readonly JsonValue[]): JsonValue[] {
  const byKey = new Map<string, JsonValue>();
  // Action names are strings: their JSON text orders and identifies them like the strings do.
  for (const value of values) byKey.set(typeof value === 'string' ? `"${value}` : JSON.stringify(canonical(value)), value);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

function canonical(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonical);
  if (isMap(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) {
      const member = value[key] as JsonValue;
      if (member !== null) out[key] = canonical(member);
    }
    return out;
  }
  return value;
}

/** A statement with its set members sorted and de-duplicated and its keys ordered. */
export function normalizeStatement(statement: JsonValue): JsonValue {
  if (!isMap(statement)) return canonical(statement);
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(statement).sort()) {
    const member = statement[key] as JsonValue;
    if (member === null) continue;
    out[key] = SET_MEMBERS.has(key) && isList(member) ? sortedUnique(member).map(canonical) : canonical(member);
  }
  return out;
}

function statementKey(statement: JsonValue): string {
  return JSON.stringify(normalizeStatement(statement));
}

/** The document in a form where semantically equal documents are equal JSON. */
export function normalizeDocument(document: JsonMap): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(document).sort()) {
    const member = document[key] as JsonValue;
    if (member === null) continue;
    out[key] = key === 'Statement' && isList(member) ? normalizeStatements(member) : canonical(member);
  }
  return out;
}

/** A statement list as a multiset: each statement normalized, in a fixed order. */
export function normalizeStatements(statements: readonly JsonValue[]): JsonValue[] {
  return statements.map(normalizeStatement).sort(compareJson);
}

function compareJson(a: JsonValue, b: JsonValue): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function documentsEqual(a: JsonMap, b: JsonMap): boolean {
  return JSON.stringify(normalizeDocument(a)) === JSON.stringify(normalizeDocument(b));
}

/** One step of a statement-by-statement diff, in display order. */
export type StatementStep =
  | { readonly kind: 'same'; readonly before: number; readonly after: number }
  | { readonly kind: 'changed'; readonly before: number; readonly after: number }
  | { readonly kind: 'added'; readonly after: number }
  | { readonly kind: 'removed'; readonly before: number };

function actionSet(statement: JsonValue): Set<string> {
  const out = new Set<string>();
  if (!isMap(statement)) return out;
  for (const key of ['Action', 'NotAction'] as const) {
    const list = statement[key];
    if (isList(list)) for (const item of list) out.add(`${key}:${JSON.stringify(item)}`);
  }
  return out;
}

/** How alike two statements are: shared actions over all actions, plus agreement of Effect and Condition. */
function similarity(a: JsonValue, b: JsonValue): number {
  const x = actionSet(a);
  const y = actionSet(b);
  let shared = 0;
  for (const item of x) if (y.has(item)) shared++;
  const union = x.size + y.size - shared;
  let score = union === 0 ? 0 : shared / union;
  if (score === 0) return 0;
  if (isMap(a) && isMap(b)) {
    if (JSON.stringify(a['Effect'] ?? null) === JSON.stringify(b['Effect'] ?? null)) score += 0.5;
    if (JSON.stringify(canonical(a['Condition'] ?? null)) === JSON.stringify(canonical(b['Condition'] ?? null))) score += 0.25;
  }
  return score;
}

/**
 * Matches statements by content: equal statements (as sets) first, then the remaining ones
 * paired by shared actions, greedily from the most alike pair. Unpaired statements are added
 * or removed. Steps follow the new document's order; removed statements come last.
 */
export function matchStatements(before: readonly JsonValue[], after: readonly JsonValue[]): StatementStep[] {
  const pairOfAfter = new Map<number, { before: number; same: boolean }>();
  const usedBefore = new Set<number>();
  const freeByKey = new Map<string, number[]>();
  before.forEach((statement, i) => {
    const key = statementKey(statement);
    freeByKey.set(key, [...(freeByKey.get(key) ?? []), i]);
  });
  after.forEach((statement, j) => {
    const free = freeByKey.get(statementKey(statement));
    const i = free?.shift();
    if (i !== undefined) {
      pairOfAfter.set(j, { before: i, same: true });
      usedBefore.add(i);
    }
  });
  const candidates: { i: number; j: number; score: number }[] = [];
  before.forEach((b, i) => {
    if (usedBefore.has(i)) return;
    after.forEach((a, j) => {
      if (pairOfAfter.has(j)) return;
      const score = similarity(b, a);
      if (score > 0) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  for (const { i, j } of candidates) {
    if (usedBefore.has(i) || pairOfAfter.has(j)) continue;
    pairOfAfter.set(j, { before: i, same: false });
    usedBefore.add(i);
  }
  const steps: StatementStep[] = after.map((_, j): StatementStep => {
    const pair = pairOfAfter.get(j);
    if (!pair) return { kind: 'added', after: j };
    return { kind: pair.same ? 'same' : 'changed', before: pair.before, after: j };
  });
  before.forEach((_, i) => {
    if (!usedBefore.has(i)) steps.push({ kind: 'removed', before: i });
  });
  return steps;
}
