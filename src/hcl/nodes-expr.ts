/**
 * Expression and template node classes (see nodes.ts for the range scheme). Optional fields
 * are absent, not `undefined`, when not present in the source.
 */
import type { SourceRange } from '../diag/index.js';
import type * as A from './ast.js';
import { LeafNode, SyntaxNode, endOf, positionsOf, startOf } from './nodes.js';
import type { Positions } from './positions.js';

export class NumberNode extends LeafNode implements A.NumberLiteral {
  readonly kind = 'number';
  constructor(pos: Positions, s: number, e: number, readonly text: string, readonly value: number) {
    super(pos, s, e);
  }
}

export class BoolNode extends LeafNode implements A.BoolLiteral {
  readonly kind = 'bool';
  constructor(pos: Positions, s: number, e: number, readonly value: boolean) {
    super(pos, s, e);
  }
}

export class NullNode extends LeafNode implements A.NullLiteral {
  readonly kind = 'null';
}

export class StringNode extends LeafNode implements A.StringLiteral {
  readonly kind = 'string';
  constructor(pos: Positions, s: number, e: number, readonly value: string) {
    super(pos, s, e);
  }
}

export class InvalidNode extends LeafNode implements A.InvalidExpr {
  readonly kind = 'invalid';
}

export class TemplateNode extends LeafNode implements A.TemplateExpr {
  readonly kind = 'template';
  constructor(pos: Positions, s: number, e: number, readonly parts: A.TemplatePart[], readonly quoted: boolean) {
    super(pos, s, e);
  }
}

export class HeredocNode extends LeafNode implements A.HeredocExpr {
  readonly kind = 'heredoc';
  constructor(pos: Positions, s: number, e: number, readonly marker: string, readonly indented: boolean, readonly template: A.TemplateExpr) {
    super(pos, s, e);
  }
}

/**
 * The one literal part of a quoted string without escapes or template sequences: its end is
 * its start plus its length, and its template's range is one quote wider on each side.
 */
export class SimpleLiteralPartNode extends SyntaxNode implements A.TemplateLiteral {
  readonly kind = 'template-literal';
  readonly #pos: Positions;
  readonly #s: number;
  constructor(pos: Positions, s: number, readonly value: string) {
    super();
    this.#pos = pos;
    this.#s = s;
  }
  protected startOffset(): number {
    return this.#s;
  }
  protected endOffset(): number {
    return this.#s + this.value.length;
  }
  protected positions(): Positions {
    return this.#pos;
  }
}

/** A quoted string made of one `SimpleLiteralPartNode`; see there. */
export class SimpleTemplateNode extends SyntaxNode implements A.TemplateExpr {
  readonly kind = 'template';
  readonly quoted = true;
  constructor(readonly parts: [SimpleLiteralPartNode]) {
    super();
  }
  protected startOffset(): number {
    return startOf(this.parts[0]) - 1;
  }
  protected endOffset(): number {
    return endOf(this.parts[0]) + 1;
  }
  protected positions(): Positions {
    return positionsOf(this.parts[0]);
  }
}

export class LiteralPartNode extends LeafNode implements A.TemplateLiteral {
  readonly kind = 'template-literal';
  constructor(pos: Positions, s: number, e: number, readonly value: string) {
    super(pos, s, e);
  }
}

export class InterpolationNode extends LeafNode implements A.TemplateInterpolation {
  readonly kind = 'interpolation';
  constructor(pos: Positions, s: number, e: number, readonly expr: A.Expression, readonly stripLeft: boolean, readonly stripRight: boolean) {
    super(pos, s, e);
  }
}

export class TemplateIfNode extends LeafNode implements A.TemplateIf {
  readonly kind = 'template-if';
  declare readonly elseParts?: A.TemplatePart[];
  declare readonly elseMarker?: A.DirectiveMarker;
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly condition: A.Expression,
    readonly thenParts: A.TemplatePart[],
    readonly ifMarker: A.DirectiveMarker,
    readonly endifMarker: A.DirectiveMarker,
    elseParts?: A.TemplatePart[],
    elseMarker?: A.DirectiveMarker,
  ) {
    super(pos, s, e);
    if (elseParts && elseMarker) Object.assign(this, { elseParts, elseMarker });
  }
}

export class TemplateForNode extends LeafNode implements A.TemplateFor {
  readonly kind = 'template-for';
  declare readonly keyVar?: A.Identifier;
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly valueVar: A.Identifier,
    readonly collection: A.Expression,
    readonly bodyParts: A.TemplatePart[],
    readonly forMarker: A.DirectiveMarker,
    readonly endforMarker: A.DirectiveMarker,
    keyVar?: A.Identifier,
  ) {
    super(pos, s, e);
    if (keyVar) Object.assign(this, { keyVar });
  }
}

const NO_STEPS: A.TraversalStep[] = [];

export class TraversalNode extends LeafNode implements A.ScopeTraversal {
  readonly kind = 'scope-traversal';
  readonly #rootEnd: number;
  constructor(pos: Positions, s: number, e: number, readonly root: string, rootEnd: number, readonly steps: A.TraversalStep[] = NO_STEPS) {
    super(pos, s, e);
    this.#rootEnd = rootEnd;
  }
  get rootRange(): SourceRange {
    return this.rangeOf(startOf(this), this.#rootEnd);
  }
  /** The root offset end, for the parser when it extends the traversal with more steps. */
  static rootEndOf(node: TraversalNode): number {
    return node.#rootEnd;
  }
}

export class AttrStepNode extends LeafNode implements A.AttrStep {
  readonly kind = 'attr';
  constructor(pos: Positions, s: number, e: number, readonly name: string) {
    super(pos, s, e);
  }
}

export class IndexStepNode extends LeafNode implements A.IndexStep {
  readonly kind = 'index';
  constructor(pos: Positions, s: number, e: number, readonly key: A.NumberLiteral | A.StringLiteral) {
    super(pos, s, e);
  }
}

export class SplatIndexStepNode extends LeafNode implements A.SplatIndexStep {
  readonly kind = 'index-expr';
  constructor(pos: Positions, s: number, e: number, readonly key: A.Expression) {
    super(pos, s, e);
  }
}

export class CallNode extends LeafNode implements A.FunctionCall {
  readonly kind = 'call';
  readonly #nameEnd: number;
  readonly #open: number;
  readonly #close: number;
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly name: string,
    nameEnd: number,
    readonly args: A.Expression[],
    readonly expandFinal: boolean,
    open: number,
    close: number,
  ) {
    super(pos, s, e);
    this.#nameEnd = nameEnd;
    this.#open = open;
    this.#close = close;
  }
  get nameRange(): SourceRange {
    return this.rangeOf(startOf(this), this.#nameEnd);
  }
  get openParenRange(): SourceRange {
    return this.rangeOf(this.#open, this.#open + 1);
  }
  /** An empty range where the call stopped when it was never closed. */
  get closeParenRange(): SourceRange {
    return this.rangeOf(this.#close, Math.max(this.#close, endOf(this)));
  }
}

/** Spans from its condition to its false result, sharing their positions. */
export class ConditionalNode extends SyntaxNode implements A.ConditionalExpr {
  readonly kind = 'conditional';
  constructor(_pos: Positions, _s: number, _e: number, readonly condition: A.Expression, readonly trueResult: A.Expression, readonly falseResult: A.Expression) {
    super();
  }
  protected startOffset(): number {
    return startOf(this.condition);
  }
  protected endOffset(): number {
    return endOf(this.falseResult);
  }
  protected positions(): Positions {
    return positionsOf(this.condition);
  }
}

/** Spans from its left operand to its right one, sharing their positions. */
export class BinaryNode extends SyntaxNode implements A.BinaryExpr {
  readonly kind = 'binary';
  readonly #opStart: number;
  constructor(_pos: Positions, _s: number, _e: number, readonly op: A.BinaryOperator, opStart: number, readonly left: A.Expression, readonly right: A.Expression) {
    super();
    this.#opStart = opStart;
  }
  protected startOffset(): number {
    return startOf(this.left);
  }
  protected endOffset(): number {
    return endOf(this.right);
  }
  protected positions(): Positions {
    return positionsOf(this.left);
  }
  get opRange(): SourceRange {
    return this.rangeOf(this.#opStart, this.#opStart + this.op.length);
  }
}

export class UnaryNode extends LeafNode implements A.UnaryExpr {
  readonly kind = 'unary';
  constructor(pos: Positions, s: number, e: number, readonly op: A.UnaryOperator, readonly operand: A.Expression) {
    super(pos, s, e);
  }
}

export class ParensNode extends LeafNode implements A.ParensExpr {
  readonly kind = 'parens';
  constructor(pos: Positions, s: number, e: number, readonly expr: A.Expression) {
    super(pos, s, e);
  }
}

export class TupleNode extends LeafNode implements A.TupleExpr {
  readonly kind = 'tuple';
  constructor(pos: Positions, s: number, e: number, readonly items: A.Expression[]) {
    super(pos, s, e);
  }
}

export class ObjectNode extends LeafNode implements A.ObjectExpr {
  readonly kind = 'object';
  constructor(pos: Positions, s: number, e: number, readonly items: A.ObjectItem[]) {
    super(pos, s, e);
  }
}

/** Spans from its key to its value, sharing their positions. */
export class ObjectItemNode extends SyntaxNode implements A.ObjectItem {
  readonly kind = 'object-item';
  constructor(_pos: Positions, _s: number, _e: number, readonly key: A.Expression, readonly bareKey: boolean, readonly separator: '=' | ':', readonly value: A.Expression) {
    super();
  }
  protected startOffset(): number {
    return startOf(this.key);
  }
  protected endOffset(): number {
    return endOf(this.value);
  }
  protected positions(): Positions {
    return positionsOf(this.key);
  }
}

export interface ForParts {
  keyVar?: A.Identifier | undefined;
  keyExpr?: A.Expression | undefined;
  condition?: A.Expression | undefined;
}

export class ForNode extends LeafNode implements A.ForExpr {
  readonly kind = 'for';
  declare readonly keyVar?: A.Identifier;
  declare readonly keyExpr?: A.Expression;
  declare readonly condition?: A.Expression;
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly result: 'tuple' | 'object',
    readonly valueVar: A.Identifier,
    readonly collection: A.Expression,
    readonly valueExpr: A.Expression,
    readonly grouping: boolean,
    extra: ForParts,
  ) {
    super(pos, s, e);
    if (extra.keyVar) Object.assign(this, { keyVar: extra.keyVar });
    if (extra.keyExpr) Object.assign(this, { keyExpr: extra.keyExpr });
    if (extra.condition) Object.assign(this, { condition: extra.condition });
  }
}

export class IndexNode extends LeafNode implements A.IndexExpr {
  readonly kind = 'index';
  constructor(pos: Positions, s: number, e: number, readonly collection: A.Expression, readonly key: A.Expression) {
    super(pos, s, e);
  }
}

export class GetAttrNode extends LeafNode implements A.GetAttrExpr {
  readonly kind = 'get-attr';
  readonly #nameStart: number;
  constructor(pos: Positions, s: number, e: number, readonly object: A.Expression, readonly name: string, nameStart: number) {
    super(pos, s, e);
    this.#nameStart = nameStart;
  }
  get nameRange(): SourceRange {
    return this.rangeOf(this.#nameStart, endOf(this));
  }
}

export class SplatNode extends LeafNode implements A.SplatExpr {
  readonly kind = 'splat';
  constructor(pos: Positions, s: number, e: number, readonly style: 'attr' | 'full', readonly source: A.Expression, readonly each: A.SplatStep[]) {
    super(pos, s, e);
  }
}
