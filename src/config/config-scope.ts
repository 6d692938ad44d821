import { didYouMean, errorDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import { formatAddress, type ResourceAddress } from '../addr/index.js';
import type { ScopeTraversal } from '../hcl/index.js';
import type { EvalContext, Resolved } from './eval/context.js';
import type { FunctionContext, FunctionDef } from './functions/types.js';
import type { Config, ResourceDecl } from './model.js';
import type { BodySchemaHook } from './resource-body.js';
import type { ExpandedResource, ResourceInstance } from './instance.js';
import { dynamicVal, propagateMarks, stringVal, unknownVal, type Value } from './value.js';

/** How the evaluator learns about resources beyond the config. */
export interface ResourceHooks {
  /** The schema of a resource or data source type, when the registry knows it. */
  schemaFor?(type: string, mode: ResourceAddress['mode']): BodySchemaHook | undefined;
  /**
   * The last known value of an instance (from state), whose attributes stand in for those the
   * config does not set. Without it such attributes are unknown. `instance`, when given, is the
   * instance as this evaluation decoded it, so that a planner can answer with planned values.
   */
  resourceValues?(address: ResourceAddress, instance?: ResourceInstance): Value | undefined;
}

type NodeState = { readonly kind: 'active' } | { readonly kind: 'done'; readonly value: Value };

/**
 * Resolves references for every expression of a config. Locals and resources are evaluated
 * on first use and remembered; a reference back into a value being evaluated is a cycle,
 * reported once with its members.
 */
export class ConfigScope implements EvalContext {
  readonly localValues = new Map<string, NodeState>();
  /** `value` is computed on the first reference: most instances are never referred to. */
  readonly resourceStates = new Map<string, { kind: 'active' } | { kind: 'done'; expanded: ExpandedResource; value: () => Value }>();
  private readonly stack: string[] = [];
  private readonly reportedCycles = new Set<string>();
  readonly resourcesByKey = new Map<string, ResourceDecl>();

  constructor(
    readonly config: Config,
    readonly variables: ReadonlyMap<string, Value>,
    readonly functions: ReadonlyMap<string, FunctionDef>,
    readonly functionContext: FunctionContext,
    readonly hooks: ResourceHooks,
    private readonly evalLocal: (name: string) => Value,
    private readonly evalResource: (decl: ResourceDecl) => { expanded: ExpandedResource; value: () => Value },
    readonly diags: Diagnostic[],
  ) {
    for (const r of config.resources) this.resourcesByKey.set(resourceKey(r.address), r);
  }

  resolve(ref: ScopeTraversal, diagnostics: Diagnostic[]): Resolved | undefined {
    const first = ref.steps[0];
    const firstName = first?.kind === 'attr' ? first.name : undefined;
    const fail = (code: string, summary: string, detail: string, range: SourceRange = ref.range): undefined => {
      diagnostics.push(errorDiag(code, summary, { detail, range }));
      return undefined;
    };
    switch (ref.root) {
      case 'var': {
        if (firstName === undefined) return fail('config.invalid-reference', 'Invalid reference', 'The "var" object does not support this operation. Refer to a variable by name, like var.users.');
        const v = this.variables.get(firstName);
        if (v === undefined) {
          return fail(
            'config.undeclared-variable',
            'Reference to undeclared input variable',
            `An input variable with the name "${firstName}" has not been declared. This variable can be declared with a variable "${firstName}" {} block.${didYouMean(firstName, this.variables.keys())}`,
            headRange(ref, 1),
          );
        }
        return { value: v, consumed: 1 };
      }
      case 'local': {
        if (firstName === undefined) return fail('config.invalid-reference', 'Invalid reference', 'The "local" object does not support this operation. Refer to a local value by name, like local.team.');
        if (!this.config.locals.has(firstName)) {
          return fail(
            'config.undeclared-local',
            'Reference to undeclared local value',
            `A local value with the name "${firstName}" has not been declared.${didYouMean(firstName, this.config.locals.keys())}`,
            headRange(ref, 1),
          );
        }
        return { value: this.local(firstName, ref.range), consumed: 1 };
      }
      case 'path':
        if (firstName === 'module' || firstName === 'root' || firstName === 'cwd') return { value: stringVal('.'), consumed: 1 };
        return fail('config.invalid-reference', 'Invalid "path" attribute', `The "path" object does not have an attribute named "${firstName ?? ''}". The supported attributes are path.module, path.root and path.cwd.`);
      case 'each':
        return fail(
          'config.each-outside-for-each',
          'Reference to "each" in context without for_each',
          'The "each" object can be used only in "resource" and "data" blocks, and only when the "for_each" argument is set.',
        );
      case 'count':
        return fail('config.count-outside-count', 'Reference to "count" in non-counted context', 'The "count" object can only be used in "resource" and "data" blocks when the "count" argument is set.');
      case 'self':
      case 'terraform':
      case 'module':
        return fail('config.invalid-reference', 'Invalid reference', `The "${ref.root}" object is not available in iamform configurations.`);
      case 'data': {
        const type = firstName;
        const second = ref.steps[1];
        const name = second?.kind === 'attr' ? second.name : undefined;
        if (type === undefined || name === undefined) {
          return fail('config.invalid-reference', 'Invalid reference', 'A reference to a data source must have the form data.TYPE.NAME.');
        }
        return this.resourceRef(ref, { mode: 'data', type, name }, 2, diagnostics);
      }
      default: {
        if (firstName === undefined) {
          const suggestion = didYouMean(ref.root, ['var', 'local', 'each', 'count', 'path', 'data', ...new Set(this.config.resources.map((r) => r.type))]);
          return fail(
            'config.invalid-reference',
            'Invalid reference',
            `A reference to a resource type must be followed by at least one attribute access, specifying the resource name.${suggestion}`,
          );
        }
        return this.resourceRef(ref, { mode: 'managed', type: ref.root, name: firstName }, 1, diagnostics);
      }
    }
  }

  /** The value of a local, evaluating it on first use. */
  local(name: string, range: SourceRange): Value {
    const key = `local.${name}`;
    const state = this.localValues.get(name);
    if (state?.kind === 'done') return state.value;
    if (state?.kind === 'active') return this.cycle(key, range);
    this.localValues.set(name, { kind: 'active' });
    this.stack.push(key);
    const value = this.evalLocal(name);
    this.stack.pop();
    this.localValues.set(name, { kind: 'done', value });
    return value;
  }

  /** A resource's expansion and reference value, evaluating it on first use. */
  resource(decl: ResourceDecl, range: SourceRange | undefined): { expanded?: ExpandedResource; value: () => Value } {
    const key = resourceKey(decl.address);
    const state = this.resourceStates.get(key);
    if (state?.kind === 'done') return state;
    if (state?.kind === 'active') {
      const value = range === undefined ? dynamicVal : this.cycle(key, range);
      return { value: () => value };
    }
    this.resourceStates.set(key, { kind: 'active' });
    this.stack.push(key);
    const evaluated = this.evalResource(decl);
    this.stack.pop();
    let memo: Value | undefined;
    const done = { kind: 'done' as const, expanded: evaluated.expanded, value: (): Value => (memo ??= evaluated.value()) };
    this.resourceStates.set(key, done);
    return done;
  }

  private cycle(key: string, range: SourceRange): Value {
    const start = this.stack.indexOf(key);
    const members = start === -1 ? [key] : this.stack.slice(start);
    const id = [...members].sort().join(',');
    if (!this.reportedCycles.has(id)) {
      this.reportedCycles.add(id);
      this.diags.push(
        errorDiag('config.cycle', 'Dependency cycle', {
          detail: `These values refer to each other, so none of them can be evaluated: ${[...members, key].join(' → ')}.`,
          range,
        }),
      );
    }
    return dynamicVal;
  }

  private resourceRef(ref: ScopeTraversal, address: ResourceAddress, consumed: number, diagnostics: Diagnostic[]): Resolved | undefined {
    const decl = this.resourcesByKey.get(resourceKey(address));
    if (decl === undefined) {
      const prefix = address.mode === 'data' ? 'data.' : '';
      const candidates = this.config.resources.filter((r) => r.mode === address.mode).map((r) => `${prefix}${r.type}.${r.name}`);
      const suggestion = didYouMean(`${prefix}${address.type}.${address.name}`, candidates);
      diagnostics.push(
        errorDiag('config.undeclared-resource', 'Reference to undeclared resource', {
          detail: `A ${address.mode === 'data' ? 'data' : 'managed'} resource "${address.type}" "${address.name}" has not been declared in the configuration.${suggestion}`,
          range: headRange(ref, consumed),
        }),
      );
      return undefined;
    }
    const value = this.resource(decl, ref.range).value();
    // Without a schema, an attribute the config does not set is simply not known yet.
    const schema = this.hooks.schemaFor?.(decl.type, decl.mode);
    if (schema !== undefined || value.kind === 'unknown') return { value, consumed };
    const expanded = decl.forEach !== undefined || decl.count !== undefined;
    const keyStep = expanded ? ref.steps[consumed] : undefined;
    let instance: Value | undefined = value;
    let used = consumed;
    if (expanded) {
      if (keyStep?.kind !== 'index') return { value, consumed };
      instance = lookupInstance(value, keyStep.key.value);
      if (instance === undefined) return { value, consumed };
      used++;
    }
    const attrStep = ref.steps[used];
    if (attrStep?.kind === 'attr' && instance.kind === 'object' && !instance.attributes.has(attrStep.name)) {
      return { value: propagateMarks(unknownVal(), instance), consumed: used + 1 };
    }
    return { value, consumed };
  }
}

/** The range of a reference's root and its first `steps` steps: `var.x` of `var.x.y[0]`. */
function headRange(ref: ScopeTraversal, steps: number): SourceRange {
  const last = ref.steps[Math.min(steps, ref.steps.length) - 1];
  return last === undefined ? ref.rootRange : { file: ref.range.file, start: ref.rootRange.start, end: last.range.end };
}

function lookupInstance(value: Value, key: string | number): Value | undefined {
  if (value.kind === 'object' && typeof key === 'string') return value.attributes.get(key);
  if (value.kind === 'tuple' && typeof key === 'number') return value.elements[key];
  return undefined;
}

export function resourceKey(address: ResourceAddress): string {
  return formatAddress({ mode: address.mode, type: address.type, name: address.name });
}
