import { didYouMean, errorDiag, warningDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import type { Expression } from '../hcl/index.js';
import { applyDefaults } from './type-expr.js';
import { convert, isPrimitiveType, markSensitive, stringVal, type Value } from './value.js';
import type { VariableDecl } from './model.js';

/**
 * One value given for a variable from outside the config. Raw values (environment,
 * `--var`) are text: used as a string when the variable's type is primitive, otherwise
 * parsed as an HCL expression, as Terraform does.
 */
export type InputValue =
  | { readonly kind: 'raw'; readonly name: string; readonly text: string; readonly source: 'env' | 'cli' }
  | { readonly kind: 'expr'; readonly name: string; readonly expr: Expression; readonly source: 'file'; readonly range: SourceRange }
  | { readonly kind: 'value'; readonly name: string; readonly value: Value; readonly source: 'file'; readonly range: SourceRange };

/** Evaluates an expression in a variable file or a raw value (literals and functions only). */
export type InputEvaluator = (expr: Expression) => { value: Value; diagnostics: Diagnostic[] };

/** Parses raw text as one HCL expression; undefined after pushing diagnostics. */
export type ExpressionParser = (text: string, name: string, diags: Diagnostic[]) => Expression | undefined;

export interface VariableEnv {
  readonly evalInput: InputEvaluator;
  readonly parseExpression: ExpressionParser;
  /** Evaluates a variable's `default`. */
  readonly evalDefault: InputEvaluator;
  /** Evaluates a validation expression with `value` bound as `var.<name>`. */
  readonly evalValidation: (expr: Expression, decl: VariableDecl, value: Value) => { value: Value; diagnostics: Diagnostic[] };
}

/**
 * Final values of every declared variable. `inputs` come in precedence order, lowest first
 * (environment, then `*.auto.iamvars` files in lexical order, then `--var-file`/`--var` in
 * command-line order): a later value for a name replaces an earlier one.
 */
export function resolveVariables(
  decls: ReadonlyMap<string, VariableDecl>,
  inputs: readonly InputValue[],
  env: VariableEnv,
  diags: Diagnostic[],
): Map<string, Value> {
  const given = new Map<string, InputValue>();
  for (const input of inputs) {
    if (!decls.has(input.name)) {
      if (input.source === 'env') continue;
      const suggestion = didYouMean(input.name, decls.keys());
      if (input.kind !== 'raw') {
        diags.push(
          warningDiag('config.undeclared-variable-value', 'Value for undeclared variable', {
            detail: `The root module does not declare a variable named "${input.name}" but a value was found in file "${input.range.file}". To use this value, add a "variable" block to the configuration.${suggestion}`,
            range: input.range,
          }),
        );
      } else {
        diags.push(
          errorDiag('config.undeclared-variable-value', 'Value for undeclared variable', {
            detail: `A variable named "${input.name}" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a "variable" block to the configuration.${suggestion}`,
          }),
        );
      }
      continue;
    }
    given.set(input.name, input);
  }

  const values = new Map<string, Value>();
  for (const decl of decls.values()) {
    const input = given.get(decl.name);
    let raw: Value | undefined;
    let range: SourceRange = decl.declRange;
    if (input !== undefined) {
      const r = inputValue(input, decl, env, diags);
      if (r === undefined) {
        values.set(decl.name, { kind: 'unknown', type: decl.type });
        continue;
      }
      raw = r;
      if (input.kind !== 'raw') range = input.range;
    }
    if (raw !== undefined && raw.kind === 'null' && !decl.nullable) {
      if (decl.default === undefined) {
        diags.push(errorDiag('config.invalid-variable-value', 'Required variable not set', { detail: `Unsuitable value for var.${decl.name} set from outside of the configuration: required variable may not be set to null.`, range }));
        values.set(decl.name, { kind: 'unknown', type: decl.type });
        continue;
      }
      raw = undefined;
    }
    if (raw === undefined) {
      if (decl.default === undefined) {
        diags.push(
          errorDiag('config.missing-variable', 'No value for required variable', {
            detail: `The root module input variable "${decl.name}" is not set, and has no default value. Use a --var or --var-file command line argument, a *.auto.iamvars file or the IAMFORM_VAR_${decl.name} environment variable to provide a value for this variable.`,
            range: decl.declRange,
          }),
        );
        values.set(decl.name, { kind: 'unknown', type: decl.type });
        continue;
      }
      const d = env.evalDefault(decl.default);
      diags.push(...d.diagnostics);
      raw = d.value;
      range = decl.default.range;
    }
    const converted = convert(raw, decl.type);
    if (!converted.ok) {
      diags.push(
        errorDiag('config.invalid-variable-value', input === undefined ? 'Invalid default value for variable' : 'Invalid value for input variable', {
          detail:
            input === undefined
              ? `This default value is not compatible with the variable's type constraint: ${converted.error}.`
              : `The given value is not suitable for var.${decl.name} declared at ${decl.declRange.file}:${decl.declRange.start.line},${decl.declRange.start.column}: ${converted.error}.`,
          range,
        }),
      );
      values.set(decl.name, { kind: 'unknown', type: decl.type });
      continue;
    }
    let value = applyDefaults(converted.value, decl.defaults);
    if (decl.sensitive) value = markSensitive(value);
    validate(decl, value, env, diags);
    values.set(decl.name, value);
  }
  return values;
}

function inputValue(input: InputValue, decl: VariableDecl, env: VariableEnv, diags: Diagnostic[]): Value | undefined {
  if (input.kind === 'raw') {
    if (isPrimitiveType(decl.type)) return stringVal(input.text);
    const label = input.source === 'env' ? `IAMFORM_VAR_${decl.name}` : `--var ${decl.name}`;
    const expr = env.parseExpression(input.text, `<value for ${label}>`, diags);
    if (expr === undefined) return undefined;
    const r = env.evalInput(expr);
    if (r.diagnostics.length > 0) {
      diags.push(...r.diagnostics.map((d) => ({ ...d, summary: d.summary, detail: `${d.detail ?? ''} (in the value given by ${label})`.trim() })));
      if (r.diagnostics.some((d) => d.severity === 'error')) return undefined;
    }
    return r.value;
  }
  if (input.kind === 'value') return input.value;
  const r = env.evalInput(input.expr);
  diags.push(...r.diagnostics);
  return r.diagnostics.some((d) => d.severity === 'error') ? undefined : r.value;
}

/** Checks the variable's validation rules, reporting each that fails. */
function validate(decl: VariableDecl, value: Value, env: VariableEnv, diags: Diagnostic[]): void {
  for (const rule of decl.validations) {
    const cond = env.evalValidation(rule.condition, decl, value);
    diags.push(...cond.diagnostics);
    if (cond.diagnostics.some((d) => d.severity === 'error')) continue;
    const c = convert(cond.value, { kind: 'bool' });
    if (!c.ok || c.value.kind === 'null') {
      diags.push(errorDiag('config.invalid-validation', 'Invalid variable validation result', { detail: 'Validation condition expression must return either true or false.', range: rule.condition.range }));
      continue;
    }
    if (c.value.kind !== 'bool' || c.value.value) continue;
    const message = env.evalValidation(rule.errorMessage, decl, value);
    diags.push(...message.diagnostics);
    const text = message.value.kind === 'string' && message.value.marks === undefined ? message.value.value : 'The error message is not available (it is not a string, or it is sensitive).';
    diags.push(
      errorDiag('config.variable-validation', 'Invalid value for variable', {
        detail: `${text}\n\nThis was checked by the validation rule at ${rule.range.file}:${rule.range.start.line},${rule.range.start.column}.`,
        range: rule.condition.range,
      }),
    );
  }
}
