import { errorDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import { parseAddress, type ResourceAddress } from '../addr/index.js';
import { sourceText, type Expression, type HclFile } from '../hcl/index.js';
import { ConfigScope, resourceKey, type ResourceHooks } from './config-scope.js';
import { bind, type Bindings } from './eval/context.js';
import { evalExpr, type Evaluation } from './eval/evaluate.js';
import { countObject, expandCount, expandForEach, type Expansion } from './expand.js';
import type { FunctionContext, FunctionDef } from './functions/types.js';
import type { ExpandedResource, LifecycleSettings, OutputValue, ResourceInstance } from './instance.js';
import type { Config, ResourceDecl } from './model.js';
import { referencesInBody, referencesIn, resourceReferencesThroughLocals, type Reference } from './references.js';
import { evalBody, type BodySchemaHook } from './resource-body.js';
import { staticExpression } from './json-syntax.js';
import {
  boolType,
  convert,
  dynamicVal,
  hasMarksDeep,
  mappingEntries,
  markSensitive,
  objectVal,
  tupleVal,
  unknownVal,
  type ObjectValue,
  type Value,
} from './value.js';

export interface EvaluateOptions extends ResourceHooks {
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly functionContext: FunctionContext;
}

/** A fully evaluated config: what validate reports on and what the planner consumes. */
export interface EvaluatedConfig {
  readonly config: Config;
  readonly variables: ReadonlyMap<string, Value>;
  readonly locals: ReadonlyMap<string, Value>;
  /** Every resource block in declaration order, with its instances. */
  readonly resources: readonly ExpandedResource[];
  /** Every instance of every resource, in declaration order then key order. */
  readonly instances: readonly ResourceInstance[];
  readonly outputs: ReadonlyMap<string, OutputValue>;
  /** Evaluated `provider "iam"` attributes (absent when there is no provider block). */
  readonly provider?: ObjectValue;
  readonly imports: readonly { readonly to: ResourceAddress; readonly id: Value; readonly range: SourceRange }[];
  readonly moved: readonly { readonly from: ResourceAddress; readonly to: ResourceAddress; readonly range: SourceRange }[];
}

/**
 * Evaluates a decoded config given the final variable values: locals, resources (expanded by
 * `for_each`/`count`), outputs, provider settings, `import` and `moved`. Appends diagnostics.
 */
export function evaluateConfig(config: Config, variables: ReadonlyMap<string, Value>, options: EvaluateOptions, diags: Diagnostic[]): EvaluatedConfig {
  const evaluation = (bindings?: Bindings, sink: Diagnostic[] = diags): Evaluation => ({ ctx: scope, diags: sink, bindings });

  const evalLocal = (name: string): Value => {
    const decl = config.locals.get(name);
    if (decl === undefined) return dynamicVal;
    return evalExpr(evaluation(), decl.expr);
  };

  const evalResource = (decl: ResourceDecl): { expanded: ExpandedResource; value: () => Value } => {
    const expanded = expandResource(decl, scope, options, evaluation, diags);
    return { expanded, value: () => referenceValue(expanded, options) };
  };

  const scope: ConfigScope = new ConfigScope(config, variables, options.functions, options.functionContext, options, evalLocal, evalResource, diags);

  for (const [name, decl] of config.locals) scope.local(name, decl.range);
  // Nothing is being evaluated here, so each resource is evaluated now or already was.
  const resources = config.resources.map((decl) => scope.resource(decl, undefined).expanded as ExpandedResource);

  const outputs = new Map<string, OutputValue>();
  for (const out of config.outputs.values()) {
    if (out.value === undefined) continue;
    const sink: Diagnostic[] = [];
    let value = evalExpr(evaluation(undefined, sink), out.value);
    diags.push(...dedupe(sink, `output "${out.name}"`));
    if (!out.sensitive && hasMarksDeep(value)) {
      diags.push(
        errorDiag('config.sensitive-output', 'Output refers to sensitive values', {
          detail:
            'To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, iamform requires that any output containing sensitive data be explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend to export this data, annotate the output value as sensitive by adding the following argument:\n    sensitive = true',
          range: out.declRange,
        }),
      );
    }
    if (out.sensitive) value = markSensitive(value);
    outputs.set(out.name, { name: out.name, value, sensitive: out.sensitive, ...(out.description !== undefined ? { description: out.description } : {}), range: out.range });
  }

  let provider: ObjectValue | undefined;
  const providerDecl = config.providers.find((p) => p.name === 'iam');
  if (providerDecl !== undefined) {
    const attrs = new Map<string, Value>();
    for (const [name, attr] of providerDecl.attributes) attrs.set(name, evalExpr(evaluation(), attr.expr));
    provider = objectVal(attrs);
  }

  const imports = config.imports.flatMap((imp) => {
    const to = addressOf(imp.to, config.files, diags);
    const id = evalExpr(evaluation(), imp.id);
    if (to === undefined) return [];
    const idString = convert(id, { kind: 'string' });
    if (!idString.ok || idString.value.kind === 'null') {
      diags.push(errorDiag('config.invalid-import-id', 'Invalid import id argument', { detail: 'The import ID must be a string that is known before apply.', range: imp.id.range }));
      return [];
    }
    return [{ to, id: idString.value, range: imp.range }];
  });
  const moved = config.moved.flatMap((m) => {
    const from = addressOf(m.from, config.files, diags);
    const to = addressOf(m.to, config.files, diags);
    return from && to ? [{ from, to, range: m.range }] : [];
  });

  const locals = new Map<string, Value>();
  for (const [name, state] of scope.localValues) if (state.kind === 'done') locals.set(name, state.value);
  return {
    config,
    variables,
    locals,
    resources,
    instances: resources.flatMap((r) => r.instances),
    outputs,
    ...(provider ? { provider } : {}),
    imports,
    moved,
  };
}

function addressOf(written: Expression, files: readonly HclFile[], diags: Diagnostic[]): ResourceAddress | undefined {
  const expr = staticExpression(written, diags);
  const file = files.find((f) => f.path === expr.range.file);
  if (file === undefined || (expr.kind !== 'scope-traversal' && expr.kind !== 'index')) {
    diags.push(errorDiag('config.invalid-address', 'Invalid address', { detail: 'A resource address is expected here, like iam_user.alice or iam_user.team["bob"].', range: expr.range }));
    return undefined;
  }
  const parsed = parseAddress(sourceText(file, expr), expr.range);
  diags.push(...parsed.diagnostics);
  return parsed.address;
}

/** Per config: the resources each local value refers to, transitively (shared by every resource). */
const localResourceMemos = new WeakMap<Config, Map<string, readonly ResourceAddress[]>>();

function expandResource(
  decl: ResourceDecl,
  scope: ConfigScope,
  options: EvaluateOptions,
  evaluation: (bindings?: Bindings, sink?: Diagnostic[]) => Evaluation,
  diags: Diagnostic[],
): ExpandedResource {
  const context = `${decl.mode === 'data' ? 'data' : 'resource'} "${decl.type}" "${decl.name}"`;
  const local: Diagnostic[] = [];
  let expansion: Expansion = { kind: 'single' };
  if (decl.forEach !== undefined) expansion = expandForEach(evalExpr(evaluation(undefined, local), decl.forEach.expr), decl.forEach, context, local);
  else if (decl.count !== undefined) expansion = expandCount(evalExpr(evaluation(undefined, local), decl.count.expr), decl.count, context, local);

  const direct: Reference[] = referencesInBody(decl.block.body);
  let memo = localResourceMemos.get(scope.config);
  if (memo === undefined) localResourceMemos.set(scope.config, (memo = new Map()));
  const references: Reference[] = [...direct, ...resourceReferencesThroughLocals(direct, scope.config.locals, memo)];
  const dependsOn = decodeDependsOn(decl, scope, local);
  const lifecycle = decodeLifecycle(decl, evaluation(undefined, local), local);
  const provider = decl.provider ? providerText(decl) : undefined;
  const schema: BodySchemaHook | undefined = options.schemaFor?.(decl.type, decl.mode);

  const instances: ResourceInstance[] = [];
  const make = (key: string | number | undefined, bindings: Bindings | undefined): void => {
    const address: ResourceAddress = key === undefined ? decl.address : { ...decl.address, key };
    const body = evalBody(evaluation(bindings, local), decl.block.body, schema, context, '', true);
    instances.push({
      address,
      type: decl.type,
      values: body.value,
      dependsOn,
      references,
      ranges: body.ranges,
      lifecycle,
      ...(provider !== undefined ? { provider } : {}),
      declRange: decl.declRange,
    });
  };
  switch (expansion.kind) {
    case 'single':
      make(undefined, undefined);
      break;
    case 'for_each':
      for (const inst of expansion.instances) make(inst.key, bind(undefined, 'each', inst.each));
      break;
    case 'count':
      for (let i = 0; i < expansion.count; i++) make(i, bind(undefined, 'count', countObject(i)));
      break;
    case 'unknown':
      break;
  }
  diags.push(...dedupe(local, context));
  return {
    decl,
    expansion: decl.forEach ? 'for_each' : decl.count ? 'count' : 'single',
    known: expansion.kind !== 'unknown',
    instances,
  };
}

function providerText(decl: ResourceDecl): string | undefined {
  const expr = decl.provider === undefined ? undefined : staticExpression(decl.provider.expr, []);
  if (expr?.kind !== 'scope-traversal') return undefined;
  return [expr.root, ...expr.steps.map((s) => (s.kind === 'attr' ? s.name : ''))].join('.');
}

/** Diagnostics repeated by every instance of a resource are reported once; context added. */
function dedupe(list: readonly Diagnostic[], context: string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.code}|${d.summary}|${d.detail ?? ''}|${d.range?.file}:${d.range?.start.offset}-${d.range?.end.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d.context === undefined && d.range !== undefined ? { ...d, context } : d);
  }
  return out;
}

function decodeDependsOn(decl: ResourceDecl, scope: ConfigScope, diags: Diagnostic[]): ResourceAddress[] {
  const attr = decl.dependsOn;
  if (attr === undefined) return [];
  if (attr.expr.kind !== 'tuple') {
    diags.push(errorDiag('config.invalid-depends-on', 'Invalid depends_on', { detail: 'The depends_on argument must be a list of references to resources, like [iam_group.ops].', range: attr.expr.range }));
    return [];
  }
  const out: ResourceAddress[] = [];
  for (const written of attr.expr.items) {
    const item = staticExpression(written, diags);
    const refs = item.kind === 'scope-traversal' ? referencesIn(item) : [];
    const ref = refs[0];
    if (ref === undefined || ref.kind !== 'resource') {
      diags.push(errorDiag('config.invalid-depends-on', 'Invalid depends_on reference', { detail: 'References in depends_on must be to a whole resource or data source, like iam_group.ops or data.iam_policy.ro.', range: item.range }));
      continue;
    }
    if (!scope.resourcesByKey.has(resourceKey(ref.address))) {
      diags.push(
        errorDiag('config.undeclared-resource', 'Reference to undeclared resource', {
          detail: `A ${ref.address.mode === 'data' ? 'data' : 'managed'} resource "${ref.address.type}" "${ref.address.name}" has not been declared in the configuration.`,
          range: item.range,
        }),
      );
      continue;
    }
    out.push(ref.address);
  }
  return out;
}

function decodeLifecycle(decl: ResourceDecl, e: Evaluation, diags: Diagnostic[]): LifecycleSettings {
  const l = decl.lifecycle;
  const flag = (expr: Expression | undefined): boolean => {
    if (expr === undefined) return false;
    const v = convert(evalExpr(e, expr), boolType);
    if (!v.ok || v.value.kind !== 'bool') {
      diags.push(errorDiag('config.invalid-lifecycle', 'Invalid lifecycle setting', { detail: 'A bool value known before apply is required here.', range: expr.range }));
      return false;
    }
    return v.value.value;
  };
  let ignoreChanges: readonly string[] | 'all' = [];
  const ic = l?.ignoreChanges === undefined ? undefined : staticExpression(l.ignoreChanges, diags);
  if (ic !== undefined) {
    if (ic.kind === 'scope-traversal' && ic.root === 'all' && ic.steps.length === 0) ignoreChanges = 'all';
    else if (ic.kind === 'tuple') {
      const names: string[] = [];
      for (const written of ic.items) {
        const item = staticExpression(written, diags);
        if (item.kind === 'scope-traversal') names.push(item.root);
        else diags.push(errorDiag('config.invalid-lifecycle', 'Invalid ignore_changes', { detail: 'ignore_changes lists attribute names, like [description], or is the keyword all.', range: item.range }));
      }
      ignoreChanges = names;
    } else diags.push(errorDiag('config.invalid-lifecycle', 'Invalid ignore_changes', { detail: 'ignore_changes lists attribute names, like [description], or is the keyword all.', range: ic.range }));
  }
  return { preventDestroy: flag(l?.preventDestroy), createBeforeDestroy: flag(l?.createBeforeDestroy), ignoreChanges };
}

/**
 * The value `TYPE.NAME` stands for in expressions: the instance object (config values, plus
 * the last known or unknown values of attributes the config does not set), a map of them by
 * key under `for_each`, a tuple under `count`; unknown when the keys are unknown.
 */
function referenceValue(expanded: ExpandedResource, hooks: ResourceHooks): Value {
  if (!expanded.known) return dynamicVal;
  const objects = expanded.instances.map((inst) => instanceObject(inst, hooks));
  switch (expanded.expansion) {
    case 'single':
      return objects[0] ?? dynamicVal;
    case 'count':
      return tupleVal(objects);
    case 'for_each':
      return objectVal(expanded.instances.map((inst, i) => [String(inst.address.key), objects[i] as Value] as const));
  }
}

function instanceObject(inst: ResourceInstance, hooks: ResourceHooks): Value {
  const schema = hooks.schemaFor?.(inst.type, inst.address.mode);
  const prior = hooks.resourceValues?.(inst.address, inst);
  const attrs = new Map(inst.values.attributes);
  const priorAttrs = prior !== undefined && (prior.kind === 'object' || prior.kind === 'map') ? mappingEntries(prior) : undefined;
  const fill = (name: string, sensitive: boolean): void => {
    if (attrs.has(name)) return;
    let v: Value = priorAttrs?.get(name) ?? unknownVal();
    if (sensitive) v = markSensitive(v);
    attrs.set(name, v);
  };
  fill('id', false);
  if (schema !== undefined) for (const [name, hook] of schema.attributes) fill(name, hook.sensitive === true);
  else if (priorAttrs !== undefined) for (const name of priorAttrs.keys()) fill(name, false);
  return objectVal(attrs);
}
