import type { SourceRange } from '../diag/index.js';
import type { ResourceAddress } from '../addr/index.js';
import type { Body, Expression, TemplatePart, TraversalStep } from '../hcl/index.js';

/**
 * A reference found in an expression, already classified. `resource` references name the
 * resource (and the instance key when written as a literal index, e.g. `iam_user.team["bob"]`).
 */
export type Reference =
  | { readonly kind: 'variable'; readonly name: string; readonly range: SourceRange }
  | { readonly kind: 'local'; readonly name: string; readonly range: SourceRange }
  | { readonly kind: 'resource'; readonly address: ResourceAddress; readonly range: SourceRange }
  | { readonly kind: 'each' | 'count' | 'path' | 'other'; readonly name: string; readonly range: SourceRange };

/** Every reference in `expr` whose root is not a name bound inside it (`for` variables). */
export function referencesIn(expr: Expression, bound: ReadonlySet<string> = new Set(), out: Reference[] = []): Reference[] {
  walk(expr, bound, out);
  return out;
}

/** Every reference in a body, including nested blocks; `dynamic` iterators are not references. */
export function referencesInBody(body: Body, bound: ReadonlySet<string> = new Set(), out: Reference[] = []): Reference[] {
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      walk(item.expr, bound, out);
    } else if (item.type === 'dynamic') {
      const iteratorAttr = item.body.items.find((i) => i.kind === 'attribute' && i.name === 'iterator');
      let iterator = item.labels[0]?.value ?? 'dynamic';
      if (iteratorAttr?.kind === 'attribute' && iteratorAttr.expr.kind === 'scope-traversal') iterator = iteratorAttr.expr.root;
      const inner = new Set(bound).add(iterator);
      for (const sub of item.body.items) {
        if (sub.kind === 'attribute') walk(sub.expr, sub.name === 'for_each' ? bound : inner, out);
        else referencesInBody(sub.body, inner, out);
      }
    } else {
      referencesInBody(item.body, bound, out);
    }
  }
  return out;
}

function walk(expr: Expression, bound: ReadonlySet<string>, out: Reference[]): void {
  switch (expr.kind) {
    case 'number':
    case 'bool':
    case 'null':
    case 'string':
    case 'invalid':
      return;
    case 'template':
      walkParts(expr.parts, bound, out);
      return;
    case 'heredoc':
      walkParts(expr.template.parts, bound, out);
      return;
    case 'scope-traversal':
      if (!bound.has(expr.root)) out.push(classify(expr.root, expr.steps, expr.range));
      return;
    case 'call':
      for (const a of expr.args) walk(a, bound, out);
      return;
    case 'conditional':
      walk(expr.condition, bound, out);
      walk(expr.trueResult, bound, out);
      walk(expr.falseResult, bound, out);
      return;
    case 'binary':
      walk(expr.left, bound, out);
      walk(expr.right, bound, out);
      return;
    case 'unary':
      walk(expr.operand, bound, out);
      return;
    case 'parens':
      walk(expr.expr, bound, out);
      return;
    case 'tuple':
      for (const i of expr.items) walk(i, bound, out);
      return;
    case 'object':
      for (const i of expr.items) {
        if (!i.bareKey) walk(i.key, bound, out);
        walk(i.value, bound, out);
      }
      return;
    case 'for': {
      walk(expr.collection, bound, out);
      const inner = new Set(bound).add(expr.valueVar.name);
      if (expr.keyVar) inner.add(expr.keyVar.name);
      if (expr.keyExpr) walk(expr.keyExpr, inner, out);
      walk(expr.valueExpr, inner, out);
      if (expr.condition) walk(expr.condition, inner, out);
      return;
    }
    case 'index':
      walk(expr.collection, bound, out);
      walk(expr.key, bound, out);
      return;
    case 'get-attr':
      walk(expr.object, bound, out);
      return;
    case 'splat':
      walk(expr.source, bound, out);
      for (const s of expr.each) if (s.kind === 'index-expr') walk(s.key, bound, out);
      return;
    default:
      return assertExpr(expr);
  }
}

function assertExpr(expr: never): never {
  throw new Error(`unexpected expression ${JSON.stringify(expr)}`);
}

function walkParts(parts: readonly TemplatePart[], bound: ReadonlySet<string>, out: Reference[]): void {
  for (const p of parts) {
    switch (p.kind) {
      case 'template-literal':
        break;
      case 'interpolation':
        walk(p.expr, bound, out);
        break;
      case 'template-if':
        walk(p.condition, bound, out);
        walkParts(p.thenParts, bound, out);
        walkParts(p.elseParts ?? [], bound, out);
        break;
      case 'template-for': {
        walk(p.collection, bound, out);
        const inner = new Set(bound).add(p.valueVar.name);
        if (p.keyVar) inner.add(p.keyVar.name);
        walkParts(p.bodyParts, inner, out);
        break;
      }
    }
  }
}

function attrName(step: TraversalStep | undefined): string | undefined {
  return step?.kind === 'attr' ? step.name : undefined;
}

function classify(root: string, steps: readonly TraversalStep[], range: SourceRange): Reference {
  const first = attrName(steps[0]);
  switch (root) {
    case 'var':
      return first === undefined ? { kind: 'other', name: root, range } : { kind: 'variable', name: first, range };
    case 'local':
      return first === undefined ? { kind: 'other', name: root, range } : { kind: 'local', name: first, range };
    case 'each':
    case 'count':
    case 'path':
      return { kind: root, name: first ?? '', range };
    case 'data': {
      const name = attrName(steps[1]);
      if (first === undefined || name === undefined) return { kind: 'other', name: root, range };
      return { kind: 'resource', address: withLiteralKey({ mode: 'data', type: first, name }, steps[2]), range };
    }
    default:
      if (first === undefined || root === 'self' || root === 'terraform' || root === 'module') return { kind: 'other', name: root, range };
      return { kind: 'resource', address: withLiteralKey({ mode: 'managed', type: root, name: first }, steps[1]), range };
  }
}

function withLiteralKey(address: ResourceAddress, step: TraversalStep | undefined): ResourceAddress {
  if (step?.kind !== 'index') return address;
  return { ...address, key: step.key.value };
}

/**
 * The resource references a body makes through local values, transitively: `local.ids` whose
 * expression names `iam_user.team` yields a `resource` reference to `iam_user.team`, ranged
 * at the `local.ids` reference in the body (where a dependency cycle would be reported). A
 * local that refers back to itself stops the walk; the evaluator reports that cycle.
 * `memo` caches each local's resource references across calls.
 */
export function resourceReferencesThroughLocals(
  references: readonly Reference[],
  locals: ReadonlyMap<string, { readonly expr: Expression }>,
  memo: Map<string, readonly ResourceAddress[]> = new Map(),
): Reference[] {
  const out: Reference[] = [];
  for (const ref of references) {
    if (ref.kind !== 'local') continue;
    for (const address of localResources(ref.name, locals, memo, new Set())) out.push({ kind: 'resource', address, range: ref.range });
  }
  return out;
}

function localResources(
  name: string,
  locals: ReadonlyMap<string, { readonly expr: Expression }>,
  memo: Map<string, readonly ResourceAddress[]>,
  visiting: Set<string>,
): readonly ResourceAddress[] {
  const known = memo.get(name);
  if (known !== undefined) return known;
  const decl = locals.get(name);
  if (decl === undefined || visiting.has(name)) return [];
  visiting.add(name);
  const found: ResourceAddress[] = [];
  for (const ref of referencesIn(decl.expr)) {
    if (ref.kind === 'resource') found.push(ref.address);
    else if (ref.kind === 'local') found.push(...localResources(ref.name, locals, memo, visiting));
  }
  visiting.delete(name);
  memo.set(name, found);
  return found;
}
