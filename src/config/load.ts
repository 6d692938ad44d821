import { errorDiag, type Diagnostic } from '../diag/index.js';
import { parseExpression, parseHcl, parseHclJson, parseTemplate, type Expression, type HclFile } from '../hcl/index.js';
import { decodeConfig } from './decode.js';
import { configJsonSchema } from './json-syntax.js';
import { isolatedContext, bind, type Bindings, type EvalContext } from './eval/context.js';
import { evaluate } from './eval/evaluate.js';
import { evaluateConfig, type EvaluatedConfig } from './evaluate-config.js';
import type { ResourceHooks } from './config-scope.js';
import { builtinFunctions } from './functions/index.js';
import type { FunctionContext, FunctionDef } from './functions/types.js';
import type { Config } from './model.js';
import { resolveVariables, type InputValue, type VariableEnv } from './variables.js';
import { fromJs, mappingEntries, type Value } from './value.js';

/**
 * Access to the config directory. Paths are relative to it (or absolute, for `--var-file`);
 * the implementation resolves them. Nothing here throws: trouble is `{ error }`.
 */
export interface ConfigReader {
  /** Names of the regular files directly in the config directory. */
  listFiles(): string[] | { error: string };
  readFile(path: string): { text: string } | { error: string };
  fileExists(path: string): boolean | { error: string };
}

/** A `--var NAME=VALUE` or `--var-file FILE` option, in command-line order. */
export type VariableArg = { readonly kind: 'var'; readonly text: string } | { readonly kind: 'var-file'; readonly path: string };

export interface LoadOptions extends ResourceHooks {
  readonly reader: ConfigReader;
  readonly vars?: readonly VariableArg[];
  /** The environment, for `IAMFORM_VAR_<name>`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly functions?: ReadonlyMap<string, FunctionDef>;
  /**
   * Decode and resolve variables, but evaluate only the settings (`provider`), not resources,
   * locals or outputs: for callers that evaluate the config themselves (the planner does, with
   * the refreshed state) and report its diagnostics then. `evaluated` then holds no instances.
   */
  readonly settingsOnly?: boolean;
}

export interface LoadResult {
  readonly config: Config;
  readonly evaluated: EvaluatedConfig;
  readonly diagnostics: Diagnostic[];
  /** The text of every file read, by the name used in ranges, for snippets. */
  readonly sources: ReadonlyMap<string, string>;
}

const configFile = /\.(hcl|hcl\.json|tf\.json)$/;
const autoVarsFile = /\.auto\.iamvars(\.json)?$/;

/**
 * Loads, decodes and evaluates the config in one directory: every `*.hcl`, `*.hcl.json` and
 * `*.tf.json` file directly in it (in name order), with variable values from the
 * environment, `*.auto.iamvars[.json]` files and `vars`, in that order of precedence.
 */
export function loadConfig(options: LoadOptions): LoadResult {
  const diags: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const functions = options.functions ?? builtinFunctions;
  const listed = options.reader.listFiles();
  const names = 'error' in listed ? [] : [...listed].sort();
  if ('error' in listed) diags.push(errorDiag('config.read-dir', 'Cannot read the config directory', { detail: listed.error }));

  const read = (path: string): string | undefined => {
    const r = options.reader.readFile(path);
    if ('error' in r) {
      diags.push(errorDiag('config.read-file', 'Cannot read file', { detail: `${path}: ${r.error}` }));
      return undefined;
    }
    sources.set(path, r.text);
    return r.text;
  };

  const files: HclFile[] = [];
  for (const name of names) {
    if (!configFile.test(name)) continue;
    const text = read(name);
    if (text === undefined) continue;
    const parsed = name.endsWith('.json') ? parseHclJson(text, name, configJsonSchema) : parseHcl(text, name);
    diags.push(...parsed.diagnostics);
    files.push(parsed.file);
  }
  const config = decodeConfig(files, diags);

  const functionContext = makeFunctionContext(options.reader, functions);
  const inputCtx = isolatedContext(functions, functionContext, 'a variable value: only literal values and function calls are allowed');
  const evalInput = (expr: Expression): { value: Value; diagnostics: Diagnostic[] } => evaluate(expr, inputCtx);
  const env: VariableEnv = {
    evalInput,
    evalDefault: evalInput,
    parseExpression: (text, name, ds) => {
      const r = parseExpression(text, name);
      ds.push(...r.diagnostics);
      return r.diagnostics.some((d) => d.severity === 'error') ? undefined : r.expr;
    },
    evalValidation: (expr, decl, value) => {
      const ctx: EvalContext = {
        functions,
        functionContext,
        resolve(ref, ds) {
          const step = ref.steps[0];
          if (ref.root === 'var' && step?.kind === 'attr' && step.name === decl.name) return { value, consumed: 1 };
          ds.push(
            errorDiag('config.invalid-validation-reference', 'Invalid reference in variable validation', {
              detail: `The condition for variable "${decl.name}" can only refer to the variable itself, using var.${decl.name}.`,
              range: ref.range,
            }),
          );
          return undefined;
        },
      };
      return evaluate(expr, ctx);
    },
  };

  const inputs: InputValue[] = [];
  for (const [key, text] of Object.entries(options.env ?? {})) {
    if (key.startsWith('IAMFORM_VAR_') && text !== undefined && key.length > 12) inputs.push({ kind: 'raw', name: key.slice(12), text, source: 'env' });
  }
  for (const name of names) if (autoVarsFile.test(name)) inputs.push(...readVarFile(name, read, diags));
  for (const arg of options.vars ?? []) {
    if (arg.kind === 'var-file') {
      inputs.push(...readVarFile(arg.path, read, diags));
      continue;
    }
    const eq = arg.text.indexOf('=');
    if (eq <= 0) {
      diags.push(
        errorDiag('config.invalid-var-option', 'Invalid --var option', {
          detail: `The given --var option ${JSON.stringify(arg.text)} is not correctly specified. It must be a variable name and value separated by an equals sign, like --var key=value.`,
        }),
      );
      continue;
    }
    inputs.push({ kind: 'raw', name: arg.text.slice(0, eq).trim(), text: arg.text.slice(eq + 1), source: 'cli' });
  }

  const variables = resolveVariables(config.variables, inputs, env, diags);
  let evaluated: EvaluatedConfig;
  if (options.settingsOnly === true) {
    // Only what the provider block says counts here; locals are reported by the full evaluation.
    const sink: Diagnostic[] = [];
    evaluated = evaluateConfig({ ...config, resources: [], outputs: new Map(), imports: [], moved: [] }, variables, { functions, functionContext }, sink);
    const inProvider = (d: Diagnostic): boolean =>
      config.providers.some((p) => d.range !== undefined && d.range.file === p.range.file && d.range.start.offset >= p.range.start.offset && d.range.end.offset <= p.range.end.offset);
    diags.push(...sink.filter(inProvider));
  } else evaluated = evaluateConfig(config, variables, { functions, functionContext, ...hooksOf(options) }, diags);
  return { config, evaluated, diagnostics: diags, sources };
}

function hooksOf(options: ResourceHooks): ResourceHooks {
  return {
    ...(options.schemaFor ? { schemaFor: options.schemaFor.bind(options) } : {}),
    ...(options.resourceValues ? { resourceValues: options.resourceValues.bind(options) } : {}),
  };
}

/** Reads a variables file: HCL attributes (`name = value`), or a JSON object for `*.json`. */
function readVarFile(path: string, read: (path: string) => string | undefined, diags: Diagnostic[]): InputValue[] {
  const text = read(path);
  if (text === undefined) return [];
  if (path.endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      diags.push(errorDiag('config.invalid-var-file', 'Invalid variables file', { detail: `${path} is not valid JSON: ${(e as Error).message}` }));
      return [];
    }
    const value = fromJs(data);
    if (value.kind !== 'object') {
      diags.push(errorDiag('config.invalid-var-file', 'Invalid variables file', { detail: `${path} must hold a JSON object whose properties are variable names.` }));
      return [];
    }
    const whole = { file: path, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    return [...mappingEntries(value)].map(([name, v]) => ({ kind: 'value', name, value: v, source: 'file', range: whole }));
  }
  const parsed = parseHcl(text, path);
  diags.push(...parsed.diagnostics);
  const out: InputValue[] = [];
  for (const item of parsed.file.body.items) {
    if (item.kind === 'block') {
      diags.push(errorDiag('config.invalid-var-file', 'Unexpected block in variables file', { detail: 'A variables file holds only assignments, like users = ["alice"].', range: item.typeRange }));
      continue;
    }
    out.push({ kind: 'expr', name: item.name, expr: item.expr, source: 'file', range: item.range });
  }
  return out;
}

/** Normalises a path relative to the config directory; undefined if it leaves the tree. */
export function confinedPath(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

export function makeFunctionContext(reader: ConfigReader, functions: ReadonlyMap<string, FunctionDef>): FunctionContext {
  const outside = (path: string): { error: string } => ({ error: `The path ${JSON.stringify(path)} is outside the config directory; file functions may only read files inside it.` });
  const templateFunctions = new Map([...functions].filter(([name]) => name !== 'templatefile'));
  const ctx: FunctionContext = {
    readFile(path) {
      const p = confinedPath(path);
      return p === undefined ? outside(path) : reader.readFile(p);
    },
    fileExists(path) {
      const p = confinedPath(path);
      return p === undefined ? outside(path) : reader.fileExists(p);
    },
    renderTemplate(text, vars, name) {
      const parsed = parseTemplate(text, name);
      const firstError = parsed.diagnostics.find((d) => d.severity === 'error');
      if (firstError !== undefined) return { error: `${name}: ${firstError.summary}${firstError.detail ? `: ${firstError.detail}` : ''}` };
      let bindings: Bindings | undefined;
      if (vars.kind === 'object' || vars.kind === 'map') for (const [k, v] of mappingEntries(vars)) bindings = bind(bindings, k, v);
      const tctx = isolatedContext(templateFunctions, ctx, 'a template: only the variables passed to templatefile are available');
      const r = evaluate(parsed.template, tctx, bindings);
      const err = r.diagnostics.find((d) => d.severity === 'error');
      if (err !== undefined) {
        const at = err.range ? `${name}:${err.range.start.line},${err.range.start.column}: ` : '';
        return { error: `${at}${err.summary}${err.detail ? `: ${err.detail}` : ''}` };
      }
      return r.value;
    },
  };
  return ctx;
}
