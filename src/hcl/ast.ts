/**
 * The syntax tree of an HCL file, for both native syntax (`*.hcl`) and JSON syntax
 * (`*.hcl.json`, `*.tf.json`).
 *
 * Invariants every consumer may rely on:
 * - Every node is plain data (JSON-serialisable, no methods, no cycles) and carries
 *   `range: SourceRange` in the file it came from; `file.source.slice(range.start.offset,
 *   range.end.offset)` is the node's source text (for JSON syntax: the JSON text, or the part of
 *   a JSON string the node was parsed from).
 * - Node discriminant is `kind`. The unions below are closed; switch over them exhaustively.
 * - The tree holds everything that parsed, even when diagnostics were reported. A part that
 *   could not be parsed is an `invalid` expression (its error was already reported).
 * - No evaluation happens here: numbers keep their source text, templates keep their parts.
 *
 * - Ranges (`range`, `nameRange`, `typeRange`, …) are computed when read: nodes are class
 *   instances that keep offsets, and the range properties are getters on their prototypes
 *   (a tree costs a few words per node instead of a position object per token boundary).
 *   Read them as properties; `JSON.stringify` includes them (nodes have `toJSON`); but spreads
 *   (`{...node}`) and deep-equality against plain objects see only the data fields. Each read
 *   returns a fresh, equal `SourceRange`.
 * - Arrays in the tree are shared with nobody else but must be treated as read-only.
 *
 * - Which class implements a node is not part of the contract (several may implement one
 *   interface); switch on `kind`.
 *
 * Change log (additive only): v1 — initial shape. v2 — ranges are getters (see above);
 * `HclFile.syntax` tells native from JSON files.
 */
import type { SourceRange } from '../diag/index.js';

export interface HclFile {
  readonly kind: 'file';
  /** The path as given to the parser, also the `file` of every range. */
  readonly path: string;
  /** The full source text, for snippets and for recovering expression text. */
  readonly source: string;
  readonly body: Body;
  /** Every comment in source order (also those inside expressions), for the formatter. */
  readonly comments: Comment[];
  /** Which syntax the file was read from. */
  readonly syntax: 'native' | 'json';
  readonly range: SourceRange;
}

/**
 * `#` and `//` comments end before the newline (the newline is not part of the range);
 * `/* *\/` comments span their delimiters. `text` is the exact source text of the range.
 */
export interface Comment {
  readonly kind: 'comment';
  readonly style: 'hash' | 'slash' | 'block';
  readonly text: string;
  readonly range: SourceRange;
}

/** A sequence of attributes and blocks in source order (duplicates are diagnosed, but kept). */
export interface Body {
  readonly kind: 'body';
  readonly items: BodyItem[];
  /** For a block body: from after `{` to before `}`; for the file body: the whole file. */
  readonly range: SourceRange;
}

export type BodyItem = Attribute | Block;

export interface Attribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly expr: Expression;
  /** From the name to the end of the expression. */
  readonly range: SourceRange;
}

export interface BlockLabel {
  /** The label's value (escapes decoded for quoted labels). */
  readonly value: string;
  readonly range: SourceRange;
  readonly quoted: boolean;
}

export interface Block {
  readonly kind: 'block';
  readonly type: string;
  readonly typeRange: SourceRange;
  readonly labels: BlockLabel[];
  readonly body: Body;
  readonly openBraceRange: SourceRange;
  /** Where `}` is; for a block left unclosed at end of file, an empty range at the end. */
  readonly closeBraceRange: SourceRange;
  /** From the type to the closing brace. */
  readonly range: SourceRange;
}

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

/** Attributes of a body, in source order. */
export function bodyAttributes(body: Body): Attribute[] {
  return body.items.filter((item): item is Attribute => item.kind === 'attribute');
}

/** Blocks of a body, in source order, optionally only those of one type. */
export function bodyBlocks(body: Body, type?: string): Block[] {
  return body.items.filter((item): item is Block => item.kind === 'block' && (type === undefined || item.type === type));
}

/** The source text of any node of `file`. */
export function sourceText(file: HclFile, node: { readonly range: SourceRange }): string {
  return file.source.slice(node.range.start.offset, node.range.end.offset);
}
