import type { Diagnostic } from '../../diag/index.js';
import type { ScopeTraversal } from '../../hcl/index.js';
import type { FunctionContext, FunctionDef } from '../functions/types.js';
import { mappingEntries, numberVal, stringVal, type Value } from '../value.js';

/**
 * What an expression can see. The evaluator itself knows only literals, operators, local
 * names bound by `for` expressions and templates, and function calls; every other reference
 * is handed to `resolve`.
 */
export interface EvalContext {
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly functionContext: FunctionContext;
  /**
   * Resolves a reference whose root is not a local name. Returns the value of the root and
   * the leading steps it consumed (e.g. 2 for `var.x` in `var.x.y`: the evaluator applies the
   * rest), or undefined after pushing a diagnostic onto `diagnostics`.
   */
  resolve(ref: ScopeTraversal, diagnostics: Diagnostic[]): Resolved | undefined;
}

export interface Resolved {
  readonly value: Value;
  readonly consumed: number;
}

/** Names bound by `for` expressions, template `for` directives and `templatefile` vars. */
export interface Bindings {
  readonly name: string;
  readonly value: Value;
  readonly parent: Bindings | undefined;
}

export function bind(parent: Bindings | undefined, name: string, value: Value): Bindings {
  return { name, value, parent };
}

export function lookupBinding(bindings: Bindings | undefined, name: string): Value | undefined {
  for (let b = bindings; b !== undefined; b = b.parent) if (b.name === name) return b.value;
  return undefined;
}

/**
 * The key and value of each element that a `for` expression, a template `for` directive or a
 * `dynamic` block iterates: sequences by index (sets by the element itself), maps and objects
 * by key in lexical order. Undefined when `coll` is not a known collection.
 */
export function iterationPairs(coll: Value): [Value, Value][] | undefined {
  switch (coll.kind) {
    case 'list':
    case 'set':
    case 'tuple':
      return coll.elements.map((v, i) => [coll.kind === 'set' ? v : numberVal(i), v]);
    case 'map':
    case 'object':
      return [...mappingEntries(coll)].map(([k, v]) => [stringVal(k), v]);
    default:
      return undefined;
  }
}

/** A context that resolves no references: for templates and for tests of pure expressions. */
export function isolatedContext(functions: ReadonlyMap<string, FunctionDef>, functionContext: FunctionContext, what: string): EvalContext {
  return {
    functions,
    functionContext,
    resolve(ref, diagnostics) {
      diagnostics.push({
        severity: 'error',
        code: 'config.invalid-reference',
        summary: 'Invalid reference',
        detail: `A reference to "${ref.root}" is not available in ${what}.`,
        range: ref.range,
      });
      return undefined;
    },
  };
}
