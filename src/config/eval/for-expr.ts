import { errorDiag } from '../../diag/index.js';
import type { ForExpr } from '../../hcl/index.js';
import {
  boolType,
  convert,
  dynamicVal,
  objectVal,
  propagateMarks,
  stringType,
  tupleVal,
  type Value,
} from '../value.js';
import { bind, iterationPairs } from './context.js';
import { evalExpr, type Evaluation } from './evaluate.js';

/**
 * `[for ...]` and `{for ...}`. Sequences iterate with index keys (sets with the element as
 * key), maps and objects with their keys in lexical order. An unknown collection, condition
 * or key makes the whole result unknown; the collection's marks end on the result.
 */
export function evalFor(e: Evaluation, expr: ForExpr): Value {
  const coll = evalExpr(e, expr.collection);
  if (coll.kind === 'null') {
    e.diags.push(errorDiag('eval.for-null', 'Iteration over null value', { detail: "A null value cannot be used as the collection in a 'for' expression.", range: expr.collection.range }));
    return dynamicVal;
  }
  if (coll.kind === 'unknown') return propagateMarks(dynamicVal, coll);
  const pairs = iterationPairs(coll);
  if (pairs === undefined) {
    e.diags.push(
      errorDiag('eval.for-not-iterable', 'Iteration over non-iterable value', {
        detail: `A value of type ${coll.type.kind} cannot be used as the collection in a 'for' expression.`,
        range: expr.collection.range,
      }),
    );
    return dynamicVal;
  }

  let unknown = false;
  let failed = false;
  const items: Value[] = [];
  const groups = new Map<string, Value[]>();
  const single = new Map<string, Value>();
  const extraMarks: Value[] = [];
  for (const [k, v] of pairs) {
    let bindings = bind(e.bindings, expr.valueVar.name, v);
    if (expr.keyVar !== undefined) bindings = bind(bindings, expr.keyVar.name, k);
    const inner = { ctx: e.ctx, diags: e.diags, bindings };
    if (expr.condition !== undefined) {
      const cond = evalExpr(inner, expr.condition);
      if (cond.kind === 'null') {
        e.diags.push(errorDiag('eval.for-condition', "Invalid 'for' condition", { detail: 'The value of the \'if\' clause must not be null.', range: expr.condition.range }));
        failed = true;
        continue;
      }
      const c = convert(cond, boolType);
      if (!c.ok) {
        e.diags.push(errorDiag('eval.for-condition', "Invalid 'for' condition", { detail: `The 'if' clause value is invalid: ${c.error}.`, range: expr.condition.range }));
        failed = true;
        continue;
      }
      if (c.value.marks !== undefined) extraMarks.push(c.value);
      if (c.value.kind !== 'bool') {
        unknown = true;
        continue;
      }
      if (!c.value.value) continue;
    }
    if (expr.result === 'tuple' || expr.keyExpr === undefined) {
      items.push(evalExpr(inner, expr.valueExpr));
      continue;
    }
    const key = evalExpr(inner, expr.keyExpr);
    const value = evalExpr(inner, expr.valueExpr);
    if (key.kind === 'null') {
      e.diags.push(errorDiag('eval.for-key', 'Invalid object key', { detail: 'Key expression in \'for\' expression must not produce a null value.', range: expr.keyExpr.range }));
      failed = true;
      continue;
    }
    const ks = convert(key, stringType);
    if (!ks.ok) {
      e.diags.push(errorDiag('eval.for-key', 'Invalid object key', { detail: `The key expression produced an invalid result: ${ks.error}.`, range: expr.keyExpr.range }));
      failed = true;
      continue;
    }
    if (ks.value.kind !== 'string') {
      unknown = true;
      continue;
    }
    if (ks.value.marks !== undefined) extraMarks.push(ks.value);
    const name = ks.value.value;
    if (expr.grouping) {
      const group = groups.get(name);
      if (group === undefined) groups.set(name, [value]);
      else group.push(value);
    } else if (single.has(name)) {
      e.diags.push(
        errorDiag('eval.for-duplicate-key', 'Duplicate object key', {
          detail: `Two different items produced the key "${name}" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
          range: expr.keyExpr.range,
        }),
      );
      failed = true;
    } else {
      single.set(name, value);
    }
  }
  if (failed) return dynamicVal;
  if (unknown) return propagateMarks(dynamicVal, coll, ...extraMarks);
  let result: Value;
  if (expr.result === 'tuple') result = tupleVal(items);
  else if (expr.grouping) result = objectVal([...groups].map(([k, vs]) => [k, tupleVal(vs)] as const));
  else result = objectVal(single);
  return propagateMarks(result, coll, ...extraMarks);
}
