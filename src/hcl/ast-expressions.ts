/**
 * Expression and template nodes of the syntax tree; the invariants of ast.ts apply to them.
 */
import type { SourceRange } from '../diag/index.js';

export type Expression =
  | NumberLiteral
  | BoolLiteral
  | NullLiteral
  | StringLiteral
  | TemplateExpr
  | HeredocExpr
  | ScopeTraversal
  | FunctionCall
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParensExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | IndexExpr
  | GetAttrExpr
  | SplatExpr
  | InvalidExpr;

/**
 * A number exactly as written: `text` is the source text (`1`, `1.5`, `1e3`, `1.5E-2`), the
 * authority for arbitrary precision; `value` is the nearest JavaScript number.
 */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly text: string;
  readonly value: number;
  readonly range: SourceRange;
}

export interface BoolLiteral {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly range: SourceRange;
}

export interface NullLiteral {
  readonly kind: 'null';
  readonly range: SourceRange;
}

/**
 * A string that is never a template: a literal index key (`a["x"]`) inside a traversal step,
 * or a JSON object key in a place the JSON spec reads literally. Quoted strings in native
 * syntax are `template` nodes.
 */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly range: SourceRange;
}

/**
 * A quoted string (`quoted: true`) or the inside of a heredoc / `parseTemplate` input
 * (`quoted: false`). Literal parts are already unescaped and have strip markers (`~`) applied,
 * so evaluation concatenates them as they are. A template whose only part is one
 * interpolation (`"${x}"`) yields the interpolated value unconverted, as HCL does.
 */
export interface TemplateExpr {
  readonly kind: 'template';
  readonly parts: TemplatePart[];
  readonly quoted: boolean;
  readonly range: SourceRange;
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteral {
  readonly kind: 'template-literal';
  readonly value: string;
  readonly range: SourceRange;
}

/** `${ expr }`; `stripLeft` is `${~`, `stripRight` is `~}`. */
export interface TemplateInterpolation {
  readonly kind: 'interpolation';
  readonly expr: Expression;
  readonly stripLeft: boolean;
  readonly stripRight: boolean;
  readonly range: SourceRange;
}

/** One `%{ ... }` directive tag with its strip markers. */
export interface DirectiveMarker {
  readonly stripLeft: boolean;
  readonly stripRight: boolean;
  readonly range: SourceRange;
}

/** `%{if cond}then%{else}else%{endif}`; `elseParts`/`elseMarker` exist only with `%{else}`. */
export interface TemplateIf {
  readonly kind: 'template-if';
  readonly condition: Expression;
  readonly thenParts: TemplatePart[];
  readonly elseParts?: TemplatePart[];
  readonly ifMarker: DirectiveMarker;
  readonly elseMarker?: DirectiveMarker;
  readonly endifMarker: DirectiveMarker;
  readonly range: SourceRange;
}

/** `%{for k, v in coll}body%{endfor}`; `keyVar` exists only in the two-variable form. */
export interface TemplateFor {
  readonly kind: 'template-for';
  readonly keyVar?: Identifier;
  readonly valueVar: Identifier;
  readonly collection: Expression;
  readonly bodyParts: TemplatePart[];
  readonly forMarker: DirectiveMarker;
  readonly endforMarker: DirectiveMarker;
  readonly range: SourceRange;
}

export interface Identifier {
  readonly name: string;
  readonly range: SourceRange;
}

/**
 * `<<EOT` / `<<-EOT`. `template.parts` hold the content lines (for `indented`, with the common
 * leading whitespace already removed); the range covers the opening marker to the closing one.
 */
export interface HeredocExpr {
  readonly kind: 'heredoc';
  readonly marker: string;
  readonly indented: boolean;
  readonly template: TemplateExpr;
  readonly range: SourceRange;
}

/**
 * A reference: a root name and static steps, e.g. `iam_group.ops.id`, `var.users[0]`,
 * `each.value["name"]`, `a.0` (legacy index). A root alone (`count`) has no steps. An index
 * whose key is not a literal makes an `index` node instead.
 */
export interface ScopeTraversal {
  readonly kind: 'scope-traversal';
  readonly root: string;
  readonly rootRange: SourceRange;
  readonly steps: TraversalStep[];
  readonly range: SourceRange;
}

export type TraversalStep = AttrStep | IndexStep;

export interface AttrStep {
  readonly kind: 'attr';
  readonly name: string;
  readonly range: SourceRange;
}

/** `[key]` with a literal key, or the legacy `.0`. */
export interface IndexStep {
  readonly kind: 'index';
  readonly key: NumberLiteral | StringLiteral;
  readonly range: SourceRange;
}

/** `name(args)`, `name(args...)` (`expandFinal`), and `ns::name(...)` (name includes `::`). */
export interface FunctionCall {
  readonly kind: 'call';
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly args: Expression[];
  readonly expandFinal: boolean;
  readonly openParenRange: SourceRange;
  readonly closeParenRange: SourceRange;
  readonly range: SourceRange;
}

export interface ConditionalExpr {
  readonly kind: 'conditional';
  readonly condition: Expression;
  readonly trueResult: Expression;
  readonly falseResult: Expression;
  readonly range: SourceRange;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly opRange: SourceRange;
  readonly left: Expression;
  readonly right: Expression;
  readonly range: SourceRange;
}

export type UnaryOperator = '!' | '-';

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expression;
  readonly range: SourceRange;
}

/** `( expr )`, kept so that the formatter and object keys can tell it from a bare one. */
export interface ParensExpr {
  readonly kind: 'parens';
  readonly expr: Expression;
  readonly range: SourceRange;
}

export interface TupleExpr {
  readonly kind: 'tuple';
  readonly items: Expression[];
  readonly range: SourceRange;
}

export interface ObjectExpr {
  readonly kind: 'object';
  readonly items: ObjectItem[];
  readonly range: SourceRange;
}

/**
 * One `key = value` / `key: value` item. `bareKey` is true when the key is a lone identifier
 * (then `key` is a `scope-traversal` without steps, and its name is the key string, as HCL
 * reads `{ name = 1 }`); a parenthesized key is a `parens` expression to evaluate. In JSON
 * syntax keys are `template` nodes.
 */
export interface ObjectItem {
  readonly kind: 'object-item';
  readonly key: Expression;
  readonly bareKey: boolean;
  readonly separator: '=' | ':';
  readonly value: Expression;
  readonly range: SourceRange;
}

/**
 * `[for k, v in coll : value if cond]` (`result: 'tuple'`) or
 * `{for k, v in coll : key => value... if cond}` (`result: 'object'`; `keyExpr` present,
 * `grouping` is the `...`).
 */
export interface ForExpr {
  readonly kind: 'for';
  readonly result: 'tuple' | 'object';
  readonly keyVar?: Identifier;
  readonly valueVar: Identifier;
  readonly collection: Expression;
  readonly keyExpr?: Expression;
  readonly valueExpr: Expression;
  readonly condition?: Expression;
  readonly grouping: boolean;
  readonly range: SourceRange;
}

/** `collection[key]` where the index is not a literal or the collection is not a reference. */
export interface IndexExpr {
  readonly kind: 'index';
  readonly collection: Expression;
  readonly key: Expression;
  readonly range: SourceRange;
}

/** `object.name` where `object` is not a plain reference (e.g. `f(x).id`, `(a).b`). */
export interface GetAttrExpr {
  readonly kind: 'get-attr';
  readonly object: Expression;
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly range: SourceRange;
}

/**
 * `source.*.a.b` (`style: 'attr'`, steps are attribute names only) or `source[*].a[0]`
 * (`style: 'full'`). `each` is the relative traversal applied to every element; an index or
 * attribute written after an attribute splat's steps applies to the whole result and wraps
 * this node instead.
 */
export interface SplatExpr {
  readonly kind: 'splat';
  readonly style: 'attr' | 'full';
  readonly source: Expression;
  readonly each: SplatStep[];
  readonly range: SourceRange;
}

export type SplatStep = AttrStep | SplatIndexStep;

export interface SplatIndexStep {
  readonly kind: 'index-expr';
  readonly key: Expression;
  readonly range: SourceRange;
}

/** Stands where an expression failed to parse; its diagnostic has already been reported. */
export interface InvalidExpr {
  readonly kind: 'invalid';
  readonly range: SourceRange;
}
