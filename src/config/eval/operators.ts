import { errorDiag, type Diagnostic, type SourceRange } from '../../diag/index.js';
import type { BinaryOperator, UnaryOperator } from '../../hcl/index.js';
import {
  arithmetic,
  boolType,
  boolVal,
  convert,
  dynamicVal,
  equals,
  negate,
  numberType,
  numberVal,
  numCompare,
  propagateMarks,
  unknownVal,
  type Type,
  type Value,
} from '../value.js';

interface Operand {
  readonly value: Value;
  readonly range: SourceRange;
}

/**
 * Applies a binary operator with HCL's semantics: arithmetic and comparison convert both
 * operands to number, logic to bool, equality compares without conversion. Unknown operands
 * give an unknown result of the operator's type, except that `false && x` is false and
 * `true || x` is true whatever `x` is. The result carries both operands' marks.
 */
export function binaryOp(op: BinaryOperator, left: Operand, right: Operand, range: SourceRange, diags: Diagnostic[]): Value {
  if (op === '==' || op === '!=') {
    const eq = equals(left.value, right.value);
    if (op === '==' || eq.kind === 'unknown') return eq;
    return propagateMarks(boolVal(!eq.value), eq);
  }
  const paramType: Type = op === '&&' || op === '||' ? boolType : numberType;
  const a = operand(left, paramType, 'left', diags);
  const b = operand(right, paramType, 'right', diags);
  if (a === undefined || b === undefined) return dynamicVal;
  const mark = (v: Value): Value => propagateMarks(v, left.value, right.value);
  if (op === '&&' || op === '||') {
    const decisive = op === '||';
    if ((a.kind === 'bool' && a.value === decisive) || (b.kind === 'bool' && b.value === decisive)) return mark(boolVal(decisive));
    if (a.kind !== 'bool' || b.kind !== 'bool') return mark(unknownVal(boolType));
    return mark(boolVal(op === '&&' ? a.value && b.value : a.value || b.value));
  }
  const resultType = op === '<' || op === '>' || op === '<=' || op === '>=' ? boolType : numberType;
  if (a.kind !== 'number' || b.kind !== 'number') return mark(unknownVal(resultType));
  switch (op) {
    case '<':
      return mark(boolVal(numCompare(a, b) < 0));
    case '>':
      return mark(boolVal(numCompare(a, b) > 0));
    case '<=':
      return mark(boolVal(numCompare(a, b) <= 0));
    case '>=':
      return mark(boolVal(numCompare(a, b) >= 0));
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      const r = arithmetic(op, a, b);
      if ('error' in r) {
        diags.push(errorDiag('eval.operation-failed', 'Error in operation', { detail: r.error, range }));
        return dynamicVal;
      }
      return mark(numberVal(r));
    }
    default:
      return assertOp(op);
  }
}

function assertOp(op: never): never {
  throw new Error(`unexpected operator ${String(op)}`);
}

function operand(o: Operand, t: Type, side: 'left' | 'right' | 'operand', diags: Diagnostic[]): Value | undefined {
  const what = side === 'operand' ? 'operand' : `${side} operand`;
  if (o.value.kind === 'null') {
    diags.push(errorDiag('eval.invalid-operand', 'Invalid operand', { detail: `Unsuitable value for ${what}: argument must not be null.`, range: o.range }));
    return undefined;
  }
  const c = convert(o.value, t);
  if (!c.ok) {
    const message = c.error === `${t.kind} required` ? `a ${t.kind} is required` : c.error;
    diags.push(errorDiag('eval.invalid-operand', 'Invalid operand', { detail: `Unsuitable value for ${what}: ${message}.`, range: o.range }));
    return undefined;
  }
  return c.value;
}

/** `!x` (bool) and `-x` (number), with the same unknown and mark rules as `binaryOp`. */
export function unaryOp(op: UnaryOperator, o: Operand, diags: Diagnostic[]): Value {
  const v = operand(o, op === '!' ? boolType : numberType, 'operand', diags);
  if (v === undefined) return dynamicVal;
  if (v.kind === 'bool') return propagateMarks(boolVal(!v.value), o.value);
  if (v.kind === 'number') return propagateMarks(numberVal(negate(v)), o.value);
  return propagateMarks(unknownVal(op === '!' ? boolType : numberType), o.value);
}
