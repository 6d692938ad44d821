/**
 * Converts our syntax tree to the JSON shape of hcl2json (github.com/tmccombs/hcl2json), the
 * converter inside `hcl2-parser`, as hcl2json means it to be — so that a difference from
 * `hcl2-parser`'s output is either a bug of ours or a listed defect of theirs:
 *
 * - a body is an object: each attribute maps to its value; blocks nest under their type and
 *   then each label, and the innermost level is an array of bodies (repeated blocks append);
 * - literal numbers, bools and null are JSON values; `-`/`!` applied to a literal is folded;
 * - tuples and objects are arrays and objects of converted items;
 * - a template of literal parts only is its string, with `${` and `%{` escaped as `$${` and
 *   `%%{` (HCL's JSON syntax reads strings as templates, so that is the faithful form);
 *   `"${x}"` alone is the converted `x`; other templates are rebuilt from their parts, with
 *   `${<source>}` for interpolations and `%{if}`/`%{for}` directives rebuilt the way hcl2json
 *   writes them (no strip markers, `%{else}` only when the else part is not empty);
 * - any other expression is `${<its exact source text>}`.
 *
 * Numbers whose integer value a JavaScript number cannot hold exactly are returned as an
 * `ExactNumber`, which no JSON value equals.
 */
import type { Body, Expression, HclFile, ObjectItem, TemplateExpr, TemplatePart } from '../../../src/hcl/index.js';

export type Json = null | boolean | number | string | ExactNumber | Json[] | { [key: string]: Json };

export class ExactNumber {
  constructor(readonly text: string) {}
}

export function toHcl2Json(file: HclFile): { [key: string]: Json } {
  const source = (range: { start: { offset: number }; end: { offset: number } }): string =>
    file.source.slice(range.start.offset, range.end.offset);

  const wrap = (expr: Expression): string => '${' + source(expr.range) + '}';

  const body = (node: Body): { [key: string]: Json } => {
    const out: { [key: string]: Json } = {};
    for (const item of node.items) {
      if (item.kind !== 'block') continue;
      let level = out;
      let key = item.type;
      for (const label of item.labels) {
        const existing = level[key];
        const next = existing !== undefined && isObject(existing) ? existing : {};
        level[key] = next;
        level = next;
        key = label.value;
      }
      const existing = level[key];
      level[key] = [...(Array.isArray(existing) ? existing : []), body(item.body)];
    }
    for (const item of node.items) {
      if (item.kind === 'attribute') out[item.name] = expression(item.expr);
    }
    return out;
  };

  const expression = (expr: Expression): Json => {
    switch (expr.kind) {
      case 'number':
        return number(expr.text);
      case 'bool':
        return expr.value;
      case 'null':
        return null;
      case 'string':
        return escapeTemplate(expr.value);
      case 'template':
        return template(expr);
      case 'heredoc':
        return template(expr.template);
      case 'unary':
        if (expr.op === '-' && expr.operand.kind === 'number') return number('-' + expr.operand.text);
        if (expr.op === '!' && expr.operand.kind === 'bool') return !expr.operand.value;
        return wrap(expr);
      case 'tuple':
        return expr.items.map(expression);
      case 'object': {
        const out: { [key: string]: Json } = {};
        for (const item of expr.items) out[objectKey(item)] = expression(item.value);
        return out;
      }
      case 'scope-traversal':
      case 'call':
      case 'conditional':
      case 'binary':
      case 'parens':
      case 'for':
      case 'index':
      case 'get-attr':
      case 'splat':
      case 'invalid':
        return wrap(expr);
      default: {
        const unreachable: never = expr;
        return unreachable;
      }
    }
  };

  const objectKey = (item: ObjectItem): string => {
    if (item.bareKey && item.key.kind === 'scope-traversal') return item.key.root;
    if (item.key.kind === 'scope-traversal') return source(item.key.range);
    return stringPart(item.key);
  };

  /** `"${x}"` alone: HCL's template-wrap, the value of `x` itself. */
  const wrapped = (node: TemplateExpr): Expression | undefined => {
    const only = node.parts.length === 1 ? node.parts[0] : undefined;
    return only?.kind === 'interpolation' ? only.expr : undefined;
  };

  const template = (node: TemplateExpr): Json => {
    const inner = wrapped(node);
    if (inner !== undefined) return expression(inner);
    return parts(node.parts);
  };

  const parts = (list: readonly TemplatePart[]): string => list.map(part).join('');

  const part = (node: TemplatePart): string => {
    switch (node.kind) {
      case 'template-literal':
        return escapeTemplate(node.value);
      case 'interpolation':
        return stringPart(node.expr);
      case 'template-if': {
        const elsePart = node.elseParts === undefined ? '' : parts(node.elseParts);
        return `%{if ${source(node.condition.range)}}${parts(node.thenParts)}${elsePart === '' ? '' : '%{else}' + elsePart}%{endif}`;
      }
      case 'template-for': {
        const key = node.keyVar === undefined ? '' : node.keyVar.name + ', ';
        return `%{for ${key}${node.valueVar.name} in ${source(node.collection.range)}}${parts(node.bodyParts)}%{endfor}`;
      }
      default: {
        const unreachable: never = node;
        return unreachable;
      }
    }
  };

  /** An expression inside a template, as text: literals inline, nested templates spliced in. */
  const stringPart = (expr: Expression): string => {
    switch (expr.kind) {
      case 'number':
        return numberText(expr.text);
      case 'bool':
        return String(expr.value);
      case 'string':
        return escapeTemplate(expr.value);
      case 'template': {
        const inner = wrapped(expr);
        return inner !== undefined ? stringPart(inner) : parts(expr.parts);
      }
      case 'heredoc':
        return parts(expr.template.parts);
      default:
        return wrap(expr);
    }
  };

  return body(file.body);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ExactNumber);
}

/** `$${` and `%%{` are how a template writes a literal `${` and `%{`. */
export function escapeTemplate(text: string): string {
  return text.replace(/([$%])\{/g, (_, sigil: string) => sigil + sigil + '{');
}

/** HCL's decimal number, exact: a JS number when it holds the integer value exactly. */
function number(text: string): number | ExactNumber {
  const value = Number(text);
  const integer = integerValue(text);
  if (integer !== undefined && BigInt(value) !== integer) return new ExactNumber(text);
  return value;
}

function numberText(text: string): string {
  const integer = integerValue(text);
  return integer !== undefined ? integer.toString() : String(Number(text));
}

/** The exact integer a decimal literal denotes, or undefined when it has a fraction. */
function integerValue(text: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const exponent = Number(exponentText) - fraction.length;
  if (exponent >= 0) return BigInt(sign + digits) * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(-exponent);
  const mantissa = BigInt(sign + digits);
  return mantissa % divisor === 0n ? mantissa / divisor : undefined;
}
