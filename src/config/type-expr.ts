import { didYouMean, errorDiag, type Diagnostic } from '../diag/index.js';
import type { Expression } from '../hcl/index.js';
import {
  boolType,
  dynamicType,
  listType,
  mapType,
  mappingEntries,
  numberType,
  objectType,
  objectVal,
  setType,
  stringType,
  tupleType,
  tupleVal,
  listVal,
  setVal,
  mapVal,
  convert,
  propagateMarks,
  type Type,
  type Value,
} from './value.js';

/**
 * Defaults of `optional(T, default)` attributes, mirroring the shape of the type: defaults
 * of an object's own attributes, and defaults nested in attribute or element types.
 */
export interface TypeDefaults {
  readonly attributes: ReadonlyMap<string, Value>;
  readonly children: ReadonlyMap<string, TypeDefaults>;
  /** Defaults for the elements of a list, set or map, or of every tuple element. */
  readonly element?: TypeDefaults;
}

export interface TypeConstraint {
  readonly type: Type;
  readonly defaults?: TypeDefaults;
}

const keywords = ['string', 'number', 'bool', 'any', 'list', 'set', 'map', 'object', 'tuple'];

/** Reads a type constraint expression (`list(object({name=string, tags=optional(map(string), {})}))`). */
export function parseTypeConstraint(expr: Expression, diags: Diagnostic[], evalDefault: (e: Expression) => Value): TypeConstraint {
  const r = parse(expr, diags, evalDefault);
  return r ?? { type: dynamicType };
}

function invalid(diags: Diagnostic[], expr: Expression, detail: string): undefined {
  diags.push(errorDiag('config.invalid-type', 'Invalid type specification', { detail, range: expr.range }));
  return undefined;
}

function parse(expr: Expression, diags: Diagnostic[], evalDefault: (e: Expression) => Value): TypeConstraint | undefined {
  if (expr.kind === 'parens') return parse(expr.expr, diags, evalDefault);
  if (expr.kind === 'scope-traversal' && expr.steps.length === 0) {
    switch (expr.root) {
      case 'string':
        return { type: stringType };
      case 'number':
        return { type: numberType };
      case 'bool':
        return { type: boolType };
      case 'any':
        return { type: dynamicType };
      case 'list':
      case 'set':
      case 'map':
        return invalid(diags, expr, `The ${expr.root} type constructor requires one argument specifying the element type.`);
      case 'object':
        return invalid(diags, expr, 'The object type constructor requires one argument specifying the attribute types as a map.');
      case 'tuple':
        return invalid(diags, expr, 'The tuple type constructor requires one argument specifying the element types as a list.');
      default:
        return invalid(diags, expr, `The keyword "${expr.root}" is not a valid type specification.${didYouMean(expr.root, keywords)}`);
    }
  }
  if (expr.kind !== 'call') return invalid(diags, expr, 'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).');
  const args = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map': {
      if (args.length !== 1) return invalid(diags, expr, `The ${expr.name} type constructor requires one argument specifying the element type.`);
      const inner = parse(args[0] as Expression, diags, evalDefault);
      if (inner === undefined) return undefined;
      const type = expr.name === 'list' ? listType(inner.type) : expr.name === 'set' ? setType(inner.type) : mapType(inner.type);
      return inner.defaults === undefined ? { type } : { type, defaults: { attributes: new Map(), children: new Map(), element: inner.defaults } };
    }
    case 'tuple': {
      const list = args[0];
      if (args.length !== 1 || list === undefined || list.kind !== 'tuple') return invalid(diags, expr, 'The tuple type constructor requires one argument specifying the element types as a list.');
      const elements: Type[] = [];
      for (const item of list.items) {
        const t = parse(item, diags, evalDefault);
        if (t === undefined) return undefined;
        elements.push(t.type);
      }
      return { type: tupleType(elements) };
    }
    case 'object': {
      const obj = args[0];
      if (args.length !== 1 || obj === undefined || obj.kind !== 'object') return invalid(diags, expr, 'The object type constructor requires one argument specifying the attribute types as a map.');
      const attrs = new Map<string, Type>();
      const optional: string[] = [];
      const defaults = new Map<string, Value>();
      const children = new Map<string, TypeDefaults>();
      for (const item of obj.items) {
        const key = item.key.kind === 'scope-traversal' && item.key.steps.length === 0 ? item.key.root : item.key.kind === 'template' && item.key.parts.length === 1 && item.key.parts[0]?.kind === 'template-literal' ? item.key.parts[0].value : undefined;
        if (key === undefined) {
          invalid(diags, item.key, 'Object constructor map keys must be attribute names.');
          continue;
        }
        let valueExpr = item.value;
        let isOptional = false;
        let defaultExpr: Expression | undefined;
        if (valueExpr.kind === 'call' && valueExpr.name === 'optional') {
          if (valueExpr.args.length < 1 || valueExpr.args.length > 2) {
            invalid(diags, valueExpr, 'The optional modifier requires the attribute type and, optionally, a default value.');
            continue;
          }
          isOptional = true;
          defaultExpr = valueExpr.args[1];
          valueExpr = valueExpr.args[0] as Expression;
        }
        const t = parse(valueExpr, diags, evalDefault);
        if (t === undefined) continue;
        attrs.set(key, t.type);
        if (t.defaults !== undefined) children.set(key, t.defaults);
        if (isOptional) {
          optional.push(key);
          if (defaultExpr !== undefined) {
            const d = evalDefault(defaultExpr);
            const c = convert(d, t.type);
            if (!c.ok) {
              diags.push(errorDiag('config.invalid-type', 'Invalid default value for optional attribute', { detail: `This default value is not compatible with the attribute's type constraint: ${c.error}.`, range: defaultExpr.range }));
            } else if (c.value.kind !== 'null') {
              defaults.set(key, c.value);
            }
          }
        }
      }
      const type = objectType(attrs, optional);
      return defaults.size === 0 && children.size === 0 ? { type } : { type, defaults: { attributes: defaults, children } };
    }
    case 'optional':
      return invalid(diags, expr, 'Keyword "optional" is valid only as a modifier for object type attributes.');
    default:
      return invalid(diags, expr, `Keyword "${expr.name}" is not a valid type constructor.${didYouMean(expr.name, keywords)}`);
  }
}

/**
 * Fills in `optional(T, default)` defaults where a converted value has null for such an
 * attribute, at every depth. `value` must already conform to the constraint's type.
 */
export function applyDefaults(value: Value, defaults: TypeDefaults | undefined): Value {
  if (defaults === undefined) return value;
  switch (value.kind) {
    case 'object': {
      const out = new Map<string, Value>();
      let changed = false;
      for (const [name, v] of value.attributes) {
        let next = v;
        const d = defaults.attributes.get(name);
        if (next.kind === 'null' && d !== undefined) next = d;
        next = applyDefaults(next, defaults.children.get(name));
        if (next !== v) changed = true;
        out.set(name, next);
      }
      return changed ? propagateMarks(objectVal(out), value) : value;
    }
    case 'list':
    case 'set':
    case 'tuple': {
      if (defaults.element === undefined) return value;
      const elements = value.elements.map((e) => applyDefaults(e, defaults.element));
      const rebuilt = value.kind === 'tuple' ? tupleVal(elements) : value.kind === 'list' ? listVal(elements) : setVal(elements);
      return propagateMarks(value.elements.length === 0 ? value : rebuilt, value);
    }
    case 'map': {
      if (defaults.element === undefined || value.entries.size === 0) return value;
      const out = new Map<string, Value>();
      for (const [k, e] of mappingEntries(value)) out.set(k, applyDefaults(e, defaults.element));
      return propagateMarks(mapVal(out), value);
    }
    default:
      return value;
  }
}
