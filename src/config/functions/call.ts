import { convert, isWhollyKnown, typeEquals, unionMarks, unknownVal, unmarkDeep, withMarks, type Marks, type Type, type Value } from '../value.js';
import { isFunctionError, type FunctionContext, type FunctionDef, type FunctionResult, type ParamSpec } from './types.js';

/**
 * Calls a built-in with Terraform's argument rules: arity, marks, conversion to the
 * parameter types, nulls, unknowns (see `ParamSpec`). Returns a value or a `FunctionError`.
 * With `argIndex` the message is the complete detail ("Invalid value for "str" parameter:
 * …."); without, it is the part after "Call to function "f" failed: ". Messages end with a
 * full stop. Never throws for any argument values.
 */
export function callFunction(name: string, def: FunctionDef, args: readonly Value[], ctx: FunctionContext): FunctionResult {
  const arity = def.params.length;
  if (args.length < arity) {
    const missing = def.params[args.length] as ParamSpec;
    return { error: `Function "${name}" expects ${arity}${def.variadic ? ' or more' : ''} argument(s). Missing value for "${missing.name}".` };
  }
  if (args.length > arity && def.variadic === undefined) {
    return { error: `Function "${name}" expects only ${arity} argument(s).`, argIndex: arity };
  }
  let marks: Marks | undefined;
  let unknown = false;
  const prepared: Value[] = [];
  for (let i = 0; i < args.length; i++) {
    const spec = (i < arity ? def.params[i] : def.variadic) as ParamSpec;
    let arg = args[i] as Value;
    if (def.handlesMarks !== true && spec.allowMarked !== true) {
      const [stripped, found] = unmarkDeep(arg);
      if (found.size > 0) marks = unionMarks(marks, found);
      arg = stripped;
    }
    if (!conforms(arg.type, spec.type)) {
      const converted = convert(arg, spec.type);
      if (!converted.ok) return { error: paramError(spec, converted.error), argIndex: i };
      arg = converted.value;
    }
    if (arg.kind === 'null' && spec.allowNull !== true) return { error: paramError(spec, 'argument must not be null.'), argIndex: i };
    if (def.handlesUnknown !== true && spec.allowUnknown !== true && !isWhollyKnown(arg)) unknown = true;
    prepared.push(arg);
  }
  let result: FunctionResult;
  try {
    result = unknown ? unknownVal(def.returnType(prepared)) : def.call(prepared, ctx);
  } catch (e) {
    // Engines throw RangeError for results beyond their limits (string length, recursion).
    if (e instanceof RangeError) return { error: 'the result is too large.' };
    throw e;
  }
  if (isFunctionError(result)) {
    if (result.argIndex === undefined || result.argIndex >= args.length) return { error: sentence(result.error) };
    const spec = (result.argIndex < arity ? def.params[result.argIndex] : def.variadic) as ParamSpec;
    return { error: paramError(spec, result.error), argIndex: result.argIndex };
  }
  return marks === undefined ? result : withMarks(result, marks);
}

/**
 * Whether a value of type `t` already satisfies `target`, `dynamic` matching anything: such
 * arguments are passed unconverted, so an empty `list(string)` stays `list(string)` for a
 * `list(any)` parameter (as in HCL, where conversion to `dynamic` keeps the type).
 */
function conforms(t: Type, target: Type): boolean {
  if (target.kind === 'dynamic') return true;
  switch (target.kind) {
    case 'list':
    case 'set':
    case 'map':
      return t.kind === target.kind && conforms(t.element, target.element);
    case 'tuple':
    case 'object':
      return typeEquals(t, target);
    default:
      return t.kind === target.kind;
  }
}

function paramError(spec: ParamSpec, message: string): string {
  return `Invalid value for "${spec.name}" parameter: ${sentence(message)}`;
}

/** Messages end as sentences: the caller shows them as "Call to function "f" failed: <message>". */
function sentence(message: string): string {
  return message.endsWith('.') ? message : `${message}.`;
}
