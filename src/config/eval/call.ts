import { didYouMean, errorDiag, spanRanges, type Diagnostic } from '../../diag/index.js';
import type { FunctionCall } from '../../hcl/index.js';
import { callFunction } from '../functions/call.js';
import { isFunctionError, type ParamSpec } from '../functions/types.js';
import { boolType, boolVal, dynamicVal, isWhollyKnown, propagateMarks, unknownVal, type Value } from '../value.js';
import { evalExpr, type Evaluation } from './evaluate.js';

/** Functions the evaluator implements itself, because they evaluate their arguments lazily. */
export const evaluatorFunctions: ReadonlyMap<string, string> = new Map([
  ['try', 'The first argument that evaluates without error.'],
  ['can', 'Whether the argument evaluates without error.'],
]);

/**
 * A function call: `try`/`can` here, every other function through the registry in the
 * context. Arity errors point at the call, argument errors at the argument.
 */
export function evalCall(e: Evaluation, call: FunctionCall): Value {
  if (call.name === 'try' || call.name === 'can') return evalTryCan(e, call);
  const def = e.ctx.functions.get(call.name);
  if (def === undefined) {
    // Still evaluate the arguments, for their own errors.
    for (const arg of call.args) evalExpr(e, arg);
    const names = [...e.ctx.functions.keys(), ...evaluatorFunctions.keys()];
    e.diags.push(
      errorDiag('eval.unknown-function', 'Call to unknown function', {
        detail: `There is no function named "${call.name}".${didYouMean(call.name, names)}`,
        range: call.nameRange,
      }),
    );
    return dynamicVal;
  }
  const args: Value[] = [];
  const argRanges = [];
  for (let i = 0; i < call.args.length; i++) {
    const argExpr = call.args[i] as FunctionCall['args'][number];
    const v = evalExpr(e, argExpr);
    if (call.expandFinal && i === call.args.length - 1) {
      if (v.kind === 'unknown') return propagateMarks(dynamicVal, v);
      if (v.kind !== 'list' && v.kind !== 'set' && v.kind !== 'tuple') {
        e.diags.push(
          errorDiag('eval.invalid-expanding-argument', 'Invalid expanding argument value', {
            detail: 'The expanding argument (indicated by ...) must be of a tuple, list, or set type.',
            range: argExpr.range,
          }),
        );
        return dynamicVal;
      }
      for (const element of v.elements) {
        args.push(propagateMarks(element, v));
        argRanges.push(argExpr.range);
      }
    } else {
      args.push(v);
      argRanges.push(argExpr.range);
    }
  }
  const arity = def.params.length;
  if (args.length < arity) {
    const missing = def.params[args.length] as ParamSpec;
    e.diags.push(
      errorDiag('eval.not-enough-arguments', 'Not enough function arguments', {
        detail: `Function "${call.name}" expects ${arity}${def.variadic ? ' or more' : ''} argument(s). Missing value for "${missing.name}".`,
        range: call.closeParenRange,
      }),
    );
    return dynamicVal;
  }
  if (args.length > arity && def.variadic === undefined) {
    const extra = argRanges[arity];
    e.diags.push(
      errorDiag('eval.too-many-arguments', 'Too many function arguments', {
        detail: `Function "${call.name}" expects only ${arity} argument(s).`,
        range: extra ?? call.range,
      }),
    );
    return dynamicVal;
  }
  const result = callFunction(call.name, def, args, e.ctx.functionContext);
  if (isFunctionError(result)) {
    const at = result.argIndex === undefined ? undefined : argRanges[result.argIndex];
    e.diags.push(
      at === undefined
        ? errorDiag('eval.function-error', 'Error in function call', { detail: `Call to function "${call.name}" failed: ${result.error}`, range: call.range })
        : errorDiag('eval.invalid-function-argument', 'Invalid function argument', { detail: result.error, range: at }),
    );
    return dynamicVal;
  }
  return result;
}

function evalTryCan(e: Evaluation, call: FunctionCall): Value {
  if (call.expandFinal) {
    e.diags.push(errorDiag('eval.invalid-expanding-argument', 'Invalid expanding argument value', { detail: `The "${call.name}" function does not accept an expanding argument.`, range: call.range }));
    return dynamicVal;
  }
  if (call.name === 'can') {
    if (call.args.length !== 1) {
      e.diags.push(arityDiag(call, 1, call.args.length < 1));
      return dynamicVal;
    }
    const scratch: Diagnostic[] = [];
    const v = evalExpr({ ctx: e.ctx, diags: scratch, bindings: e.bindings }, call.args[0] as FunctionCall['args'][number]);
    if (scratch.some((d) => d.severity === 'error')) return boolVal(false);
    if (!isWhollyKnown(v)) return unknownVal(boolType);
    return boolVal(true);
  }
  if (call.args.length === 0) {
    e.diags.push(
      errorDiag('eval.not-enough-arguments', 'Not enough function arguments', {
        detail: 'Function "try" expects at least one argument.',
        range: call.closeParenRange,
      }),
    );
    return dynamicVal;
  }
  const failures: Diagnostic[] = [];
  for (const arg of call.args) {
    const scratch: Diagnostic[] = [];
    const v = evalExpr({ ctx: e.ctx, diags: scratch, bindings: e.bindings }, arg);
    if (scratch.some((d) => d.severity === 'error')) {
      failures.push(...scratch);
      continue;
    }
    e.diags.push(...scratch);
    // A value not yet known may still fail once known: the answer waits until apply.
    if (!isWhollyKnown(v)) return propagateMarks(dynamicVal, v);
    return v;
  }
  const reasons = failures.filter((d) => d.severity === 'error').map((d) => `- ${d.summary}${d.detail ? `: ${d.detail}` : ''}`);
  e.diags.push(
    errorDiag('eval.function-error', 'Error in function call', {
      detail: `Call to function "try" failed: no expression succeeded:\n${reasons.join('\n')}\n\nAt least one expression must produce a successful result.`,
      range: call.range,
    }),
  );
  return dynamicVal;
}

function arityDiag(call: FunctionCall, expected: number, tooFew: boolean): Diagnostic {
  return tooFew
    ? errorDiag('eval.not-enough-arguments', 'Not enough function arguments', {
        detail: `Function "${call.name}" expects ${expected} argument(s).`,
        range: call.closeParenRange,
      })
    : errorDiag('eval.too-many-arguments', 'Too many function arguments', {
        detail: `Function "${call.name}" expects only ${expected} argument(s).`,
        range: spanRanges((call.args[expected] ?? call).range, call.closeParenRange),
      });
}
