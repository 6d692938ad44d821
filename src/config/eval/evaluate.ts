import { errorDiag, type Diagnostic } from '../../diag/index.js';
import type { Expression, ScopeTraversal, SplatExpr, TraversalStep } from '../../hcl/index.js';
import {
  boolType,
  convert,
  dynamicType,
  dynamicVal,
  listVal,
  nullVal,
  numberVal,
  objectVal,
  parseNumber,
  propagateMarks,
  stringType,
  stringVal,
  tupleVal,
  unifyTypes,
  unknownVal,
  boolVal,
  type Value,
} from '../value.js';
import { lookupBinding, type Bindings, type EvalContext } from './context.js';
import { binaryOp, unaryOp } from './operators.js';
import { getAttr, getIndex } from './traverse.js';
import { evalTemplate } from './template.js';
import { evalFor } from './for-expr.js';
import { evalCall } from './call.js';

/** The evaluator's state while walking one expression. */
export interface Evaluation {
  readonly ctx: EvalContext;
  readonly diags: Diagnostic[];
  readonly bindings: Bindings | undefined;
}

export interface EvalResult {
  readonly value: Value;
  readonly diagnostics: Diagnostic[];
}

/**
 * Evaluates an expression. Never throws for any syntax tree: every problem is a diagnostic
 * pointing at the smallest offending sub-expression, and the failed part evaluates to an
 * unknown value of dynamic type so that later errors are not consequences of earlier ones.
 */
export function evaluate(expr: Expression, ctx: EvalContext, bindings?: Bindings): EvalResult {
  const diags: Diagnostic[] = [];
  const value = evalExpr({ ctx, diags, bindings }, expr);
  return { value, diagnostics: diags };
}

export function evalExpr(e: Evaluation, expr: Expression): Value {
  switch (expr.kind) {
    case 'number': {
      const n = parseNumber(expr.text);
      return n === undefined ? numberVal(expr.value) : numberVal(n);
    }
    case 'bool':
      return boolVal(expr.value);
    case 'null':
      return nullVal();
    case 'string':
      return stringVal(expr.value);
    case 'template':
      return evalTemplate(e, expr);
    case 'heredoc':
      return evalTemplate(e, expr.template);
    case 'scope-traversal':
      return evalTraversal(e, expr);
    case 'call':
      return evalCall(e, expr);
    case 'conditional':
      return evalConditional(e, expr);
    case 'binary': {
      const left = evalExpr(e, expr.left);
      const right = evalExpr(e, expr.right);
      return binaryOp(expr.op, { value: left, range: expr.left.range }, { value: right, range: expr.right.range }, expr.range, e.diags);
    }
    case 'unary':
      return unaryOp(expr.op, { value: evalExpr(e, expr.operand), range: expr.operand.range }, e.diags);
    case 'parens':
      return evalExpr(e, expr.expr);
    case 'tuple':
      return tupleVal(expr.items.map((item) => evalExpr(e, item)));
    case 'object':
      return evalObject(e, expr);
    case 'for':
      return evalFor(e, expr);
    case 'index': {
      const collection = evalExpr(e, expr.collection);
      const key = evalExpr(e, expr.key);
      return getIndex(collection, key, expr.range, e.diags);
    }
    case 'get-attr':
      return getAttr(evalExpr(e, expr.object), expr.name, expr.nameRange, e.diags);
    case 'splat':
      return evalSplat(e, expr);
    case 'invalid':
      return dynamicVal;
    default:
      return unreachable(expr);
  }
}

function unreachable(expr: never): never {
  throw new Error(`unexpected expression ${JSON.stringify(expr)}`);
}

function evalTraversal(e: Evaluation, expr: ScopeTraversal): Value {
  const bound = lookupBinding(e.bindings, expr.root);
  let value: Value;
  let consumed = 0;
  if (bound !== undefined) {
    value = bound;
  } else {
    const resolved = e.ctx.resolve(expr, e.diags);
    if (resolved === undefined) return dynamicVal;
    value = resolved.value;
    consumed = resolved.consumed;
  }
  return applySteps(e, value, expr.steps, consumed);
}

/** Applies static traversal steps (`.name`, `[literal]`) to a value. */
export function applySteps(e: Evaluation, start: Value, steps: readonly TraversalStep[], from = 0): Value {
  let value = start;
  for (let i = from; i < steps.length; i++) {
    const step = steps[i] as TraversalStep;
    if (step.kind === 'attr') {
      value = getAttr(value, step.name, step.range, e.diags);
    } else {
      const key = step.key.kind === 'number' ? numberVal(parseNumber(step.key.text) ?? step.key.value) : stringVal(step.key.value);
      value = getIndex(value, key, step.range, e.diags);
    }
  }
  return value;
}

function evalConditional(e: Evaluation, expr: Extract<Expression, { kind: 'conditional' }>): Value {
  const cond = evalExpr(e, expr.condition);
  const whenTrue = evalExpr(e, expr.trueResult);
  const whenFalse = evalExpr(e, expr.falseResult);
  const unified = unifyTypes([whenTrue.type, whenFalse.type]);
  if (unified === undefined) {
    e.diags.push(
      errorDiag('eval.inconsistent-conditional', 'Inconsistent conditional result types', {
        detail: `The true and false result expressions must have consistent types. The given expressions are ${whenTrue.type.kind} and ${whenFalse.type.kind}, respectively.`,
        range: { file: expr.range.file, start: expr.trueResult.range.start, end: expr.falseResult.range.end },
      }),
    );
    return dynamicVal;
  }
  if (cond.kind === 'null') {
    e.diags.push(errorDiag('eval.null-condition', 'Null condition', { detail: 'The condition value is null. Conditions must either be true or false.', range: expr.condition.range }));
    return dynamicVal;
  }
  const c = convert(cond, boolType);
  if (!c.ok) {
    e.diags.push(errorDiag('eval.condition-type', 'Incorrect condition type', { detail: 'The condition expression must be of type bool.', range: expr.condition.range }));
    return dynamicVal;
  }
  if (c.value.kind !== 'bool') return propagateMarks(unknownVal(unified), cond);
  const chosen = c.value.value ? whenTrue : whenFalse;
  const converted = convert(chosen, unified);
  return propagateMarks(converted.ok ? converted.value : chosen, cond);
}

function evalObject(e: Evaluation, expr: Extract<Expression, { kind: 'object' }>): Value {
  const attrs = new Map<string, Value>();
  let unknownKey = false;
  let failed = false;
  const keyMarks: Value[] = [];
  for (const item of expr.items) {
    let keyValue: Value;
    if (item.bareKey && item.key.kind === 'scope-traversal') {
      keyValue = stringVal(item.key.root);
    } else {
      keyValue = evalExpr(e, item.key);
    }
    const value = evalExpr(e, item.value);
    if (keyValue.kind === 'null') {
      e.diags.push(errorDiag('eval.null-key', 'Null value as key', { detail: "Can't use a null value as a key.", range: item.key.range }));
      failed = true;
      continue;
    }
    const k = convert(keyValue, stringType);
    if (!k.ok) {
      e.diags.push(errorDiag('eval.key-type', 'Incorrect key type', { detail: `Can't use this value as a key: ${k.error}.`, range: item.key.range }));
      failed = true;
      continue;
    }
    if (k.value.kind !== 'string') {
      unknownKey = true;
      continue;
    }
    if (k.value.marks !== undefined) keyMarks.push(k.value);
    attrs.set(k.value.value, value);
  }
  if (failed) return dynamicVal;
  if (unknownKey) return unknownVal(dynamicType);
  return propagateMarks(objectVal(attrs), ...keyMarks);
}

function evalSplat(e: Evaluation, expr: SplatExpr): Value {
  const source = evalExpr(e, expr.source);
  const applyEach = (element: Value): Value => {
    let v = element;
    for (const step of expr.each) {
      v = step.kind === 'attr' ? getAttr(v, step.name, step.range, e.diags) : getIndex(v, evalExpr(e, step.key), step.range, e.diags);
    }
    return v;
  };
  switch (source.kind) {
    case 'null':
      return propagateMarks(tupleVal([]), source);
    case 'unknown': {
      if (source.type.kind === 'list' || source.type.kind === 'set') return propagateMarks(unknownVal({ kind: 'list', element: dynamicType }), source);
      return propagateMarks(unknownVal(dynamicType), source);
    }
    case 'list':
    case 'set': {
      const results = source.elements.map(applyEach);
      const unified = unifyTypes(results.map((r) => r.type));
      const out = unified === undefined ? tupleVal(results) : listVal(results, unified);
      return propagateMarks(out, source);
    }
    case 'tuple':
      return propagateMarks(tupleVal(source.elements.map(applyEach)), source);
    default:
      // A single non-null value splats as a one-element tuple.
      return tupleVal([applyEach(source)]);
  }
}
