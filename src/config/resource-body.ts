import { didYouMean, errorDiag, type SourceRange } from '../diag/index.js';
import type { Block, Body } from '../hcl/index.js';
import { bind, iterationPairs } from './eval/context.js';
import { evalExpr, type Evaluation } from './eval/evaluate.js';
import { convert, dynamicVal, markSensitive, objectVal, tupleVal, type ObjectValue, type Type, type Value } from './value.js';

/**
 * What a resource schema tells the config evaluator about a resource type or a nested block.
 * Without one, bodies are decoded generically: every attribute is evaluated as written and
 * any attribute read from the resource that the config does not set is unknown.
 */
export interface BodySchemaHook {
  readonly attributes: ReadonlyMap<string, AttributeHook>;
  readonly blocks?: ReadonlyMap<string, BodySchemaHook>;
}

export interface AttributeHook {
  /** The value is converted to this type; default dynamic (kept as written). */
  readonly type?: Type;
  readonly required?: boolean;
  /** Set by the backend: unknown until apply unless the config sets it (when also optional). */
  readonly computed?: boolean;
  readonly optional?: boolean;
  readonly sensitive?: boolean;
}

export interface BodyResult {
  readonly value: ObjectValue;
  /** Source range of each attribute's expression, by path: `name`, `phone[0].number`. */
  readonly ranges: Map<string, SourceRange>;
}

const metaArguments = new Set(['for_each', 'count', 'depends_on', 'provider']);

/**
 * Evaluates a resource body (or a nested block's body) to an object: attributes by name,
 * nested blocks as tuples of objects by block type (static and `dynamic` blocks in source
 * order). `top` skips the meta-arguments and `lifecycle`.
 */
export function evalBody(e: Evaluation, body: Body, schema: BodySchemaHook | undefined, context: string, path: string, top: boolean, ranges = new Map<string, SourceRange>()): BodyResult {
  const attrs = new Map<string, Value>();
  const blocks = new Map<string, Value[] | 'unknown'>();
  for (const item of body.items) {
    if (item.kind === 'attribute') {
      if (top && metaArguments.has(item.name)) continue;
      const hook = schema?.attributes.get(item.name);
      if (schema !== undefined && (hook === undefined || (hook.computed === true && hook.optional !== true))) {
        e.diags.push(
          errorDiag('config.unsupported-argument', 'Unsupported argument', {
            detail: hook === undefined ? `An argument named "${item.name}" is not expected here.${didYouMean(item.name, schemaNames(schema))}` : `The argument "${item.name}" is set by the IAM backend and cannot be set in the configuration.`,
            range: item.nameRange,
            context,
          }),
        );
        continue;
      }
      let v = evalExpr(e, item.expr);
      if (hook?.type !== undefined) {
        const c = convert(v, hook.type);
        if (!c.ok) {
          e.diags.push(errorDiag('config.incorrect-attribute-type', 'Incorrect attribute value type', { detail: `Inappropriate value for attribute "${item.name}": ${c.error}.`, range: item.expr.range, context }));
          v = dynamicVal;
        } else v = c.value;
      }
      if (hook?.sensitive === true) v = markSensitive(v);
      attrs.set(item.name, v);
      ranges.set(path === '' ? item.name : path + item.name, item.expr.range);
      continue;
    }
    if (top && item.type === 'lifecycle') continue;
    if (item.type === 'dynamic') {
      evalDynamic(e, item, schema, context, path, blocks, ranges);
      continue;
    }
    const blockSchema = schema?.blocks?.get(item.type);
    if (schema !== undefined && blockSchema === undefined) {
      e.diags.push(errorDiag('config.unsupported-block', 'Unsupported block type', { detail: `Blocks of type "${item.type}" are not expected here.${didYouMean(item.type, schemaNames(schema))}`, range: item.typeRange, context }));
      continue;
    }
    appendBlock(blocks, item.type, (index) => evalBody(e, item.body, blockSchema, context, `${path}${item.type}[${index}].`, false, ranges).value);
  }
  if (schema !== undefined) {
    for (const [name, hook] of schema.attributes) {
      if (hook.required === true && !attrs.has(name)) {
        e.diags.push(errorDiag('config.missing-argument', 'Missing required argument', { detail: `The argument "${name}" is required, but no definition was found.`, range: body.range, context }));
      }
    }
  }
  for (const [type, list] of blocks) attrs.set(type, list === 'unknown' ? dynamicVal : tupleVal(list));
  return { value: objectVal(attrs), ranges };
}

/** Attribute and block names a schema allows, for suggestions: built only when one is needed. */
function schemaNames(schema: BodySchemaHook): string[] {
  return [...schema.attributes.keys(), ...(schema.blocks?.keys() ?? [])];
}

function appendBlock(blocks: Map<string, Value[] | 'unknown'>, type: string, make: (index: number) => Value): void {
  let list = blocks.get(type);
  if (list === undefined) {
    list = [];
    blocks.set(type, list);
  }
  if (list === 'unknown') {
    make(0);
    return;
  }
  list.push(make(list.length));
}

function evalDynamic(
  e: Evaluation,
  block: Block,
  schema: BodySchemaHook | undefined,
  context: string,
  path: string,
  blocks: Map<string, Value[] | 'unknown'>,
  ranges: Map<string, SourceRange>,
): void {
  const label = block.labels[0];
  if (block.labels.length !== 1 || label === undefined) {
    e.diags.push(errorDiag('config.dynamic-labels', 'Invalid dynamic block', { detail: 'A dynamic block must have exactly one label: the type of the block it generates.', range: block.typeRange, context }));
    return;
  }
  const type = label.value;
  const blockSchema = schema?.blocks?.get(type);
  if (schema !== undefined && blockSchema === undefined) {
    e.diags.push(errorDiag('config.unsupported-block', 'Unsupported block type', { detail: `Blocks of type "${type}" are not expected here.${didYouMean(type, schemaNames(schema))}`, range: label.range, context }));
    return;
  }
  let forEach: Block['body']['items'][number] | undefined;
  let iterator = type;
  let content: Block | undefined;
  for (const item of block.body.items) {
    if (item.kind === 'attribute') {
      if (item.name === 'for_each') forEach = item;
      else if (item.name === 'iterator') {
        if (item.expr.kind === 'scope-traversal' && item.expr.steps.length === 0) iterator = item.expr.root;
        else e.diags.push(errorDiag('config.dynamic-iterator', 'Invalid dynamic iterator name', { detail: 'The iterator must be a single name, like `iterator = user`.', range: item.expr.range, context }));
      } else if (item.name !== 'labels') {
        e.diags.push(errorDiag('config.unsupported-argument', 'Unsupported argument', { detail: `An argument named "${item.name}" is not expected in a dynamic block.${didYouMean(item.name, ['for_each', 'iterator', 'labels'])}`, range: item.nameRange, context }));
      }
    } else if (item.type === 'content' && content === undefined) content = item;
    else e.diags.push(errorDiag('config.unsupported-block', 'Unsupported block type', { detail: `Blocks of type "${item.type}" are not expected in a dynamic block; put the generated block's body in a "content" block.`, range: item.typeRange, context }));
  }
  if (forEach === undefined || forEach.kind !== 'attribute' || content === undefined) {
    e.diags.push(
      errorDiag('config.dynamic-incomplete', 'Invalid dynamic block', {
        detail: forEach === undefined ? 'The argument "for_each" is required, but no definition was found.' : 'A dynamic block needs a "content" block.',
        range: block.typeRange,
        context,
      }),
    );
    return;
  }
  const coll = evalExpr(e, forEach.expr);
  if (coll.kind === 'unknown') {
    blocks.set(type, 'unknown');
    return;
  }
  const pairs = iterationPairs(coll);
  if (pairs === undefined) {
    e.diags.push(
      errorDiag('config.invalid-dynamic-for-each', 'Invalid dynamic for_each value', {
        detail: coll.kind === 'null' ? 'Cannot use a null value in for_each.' : `Cannot use a ${coll.type.kind} value in for_each. An iterable collection is required.`,
        range: forEach.expr.range,
        context,
      }),
    );
    return;
  }
  const body = content.body;
  for (const [k, v] of pairs) {
    const bindings = bind(e.bindings, iterator, objectVal({ key: k, value: v }));
    const inner: Evaluation = { ctx: e.ctx, diags: e.diags, bindings };
    appendBlock(blocks, type, (index) => evalBody(inner, body, blockSchema, context, `${path}${type}[${index}].`, false, ranges).value);
  }
}
