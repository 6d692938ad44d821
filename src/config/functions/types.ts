import type { Type, Value } from '../value.js';

/**
 * The contract between the built-in functions and their caller (the expression evaluator).
 *
 * The caller evaluates the arguments (expanding a final `...` argument), then calls
 * `callFunction(name, def, args, ctx)`, which applies the defaults described on `ParamSpec`
 * and never throws for any argument values. A `FunctionError` becomes a diagnostic: with an
 * `argIndex`, Terraform's summary "Invalid function argument" pointing at that argument;
 * without, "Error in function call" pointing at the whole call. `try` and `can` are not
 * here: they need lazy evaluation and belong to the evaluator.
 */

/**
 * Access to files for `file`, `templatefile` and `fileexists`. Paths are relative to the
 * config directory; the implementation (CLI/loader) resolves them and must refuse anything
 * outside the config directory tree (the functions also reject absolute paths and `..`
 * escapes before calling). Every method reports trouble as `{ error }`, never by throwing.
 */
export interface FunctionContext {
  /** The file's text, which must be UTF-8 (the error names the path). */
  readFile(path: string): { text: string } | { error: string };
  /** Whether a regular file exists at the path; a directory there is an error. */
  fileExists(path: string): boolean | { error: string };
  /**
   * Parses `text` as an HCL template and evaluates it with `vars` (an object or map whose
   * keys are the template's variables; no other references and no `templatefile` recursion
   * are available inside). `name` is the path for diagnostics.
   */
  renderTemplate(text: string, vars: Value, name: string): Value | { error: string };
}

/** One parameter. By default an argument is converted to `type` before `call` sees it. */
export interface ParamSpec {
  readonly name: string;
  /** `dynamic` accepts any value unconverted. */
  readonly type: Type;
  /** Without it a null argument is an error ("argument must not be null"). */
  readonly allowNull?: boolean;
  /**
   * Without it an argument that is or contains an unknown value makes the result an unknown
   * of `returnType(args)` without calling `call`. With it `call` sees unknowns at any depth.
   */
  readonly allowUnknown?: boolean;
  /**
   * Without it the argument's marks (at every depth) are removed before `call` and put on
   * the result. With it `call` sees the marks and must propagate them itself.
   */
  readonly allowMarked?: boolean;
}

/** A user error from a call. `argIndex` (0-based, into the argument list) names the culprit. */
export interface FunctionError {
  readonly error: string;
  readonly argIndex?: number;
}

export type FunctionResult = Value | FunctionError;

export interface FunctionDef {
  /** One line for `iamform` docs and "did you mean" listings. */
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** Spec of every argument after `params`; absent means the function takes exactly `params`. */
  readonly variadic?: ParamSpec;
  /**
   * The type of the result for these (converted) arguments, used for the unknown result when
   * an argument is unknown. `dynamic` when it depends on argument values (e.g. `jsondecode`).
   */
  returnType(args: readonly Value[]): Type;
  /** The result. Never throws for any argument values that pass the `ParamSpec` rules. */
  call(args: readonly Value[], ctx: FunctionContext): FunctionResult;
  /** Every parameter behaves as `allowUnknown`. */
  readonly handlesUnknown?: boolean;
  /** Every parameter behaves as `allowMarked` (e.g. `sensitive`, `nonsensitive`). */
  readonly handlesMarks?: boolean;
}

export function isFunctionError(r: FunctionResult): r is FunctionError {
  return (r as Partial<FunctionError>).error !== undefined && (r as Partial<Value>).kind === undefined;
}
