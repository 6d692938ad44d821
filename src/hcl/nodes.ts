/**
 * The classes behind the syntax tree interfaces of ast.ts. Every node keeps the offsets of its
 * ranges and the `Positions` of its file, and computes `range` (and `nameRange`, …) when read:
 * a tree of a large file then costs a few words per node instead of a position object per
 * token boundary. Offsets are hidden (private fields or symbol keys); data fields are own,
 * enumerable properties.
 */
import type { SourceRange } from '../diag/index.js';
import type * as A from './ast.js';
import type { Positions } from './positions.js';

export abstract class SyntaxNode {
  /** Offsets of the node in the text its `positions()` map; see the subclasses. */
  protected abstract startOffset(): number;
  protected abstract endOffset(): number;
  protected abstract positions(): Positions;

  get range(): SourceRange {
    return this.positions().range(this.startOffset(), this.endOffset());
  }

  /** A secondary range of this node (e.g. `nameRange`) from stored offsets. */
  protected rangeOf(start: number, end: number): SourceRange {
    return this.positions().range(start, end);
  }

  /** Plain-data form, so that JSON output carries the ranges too. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...(this as object) };
    for (const key of rangeKeys(this)) out[key] = (this as unknown as Record<string, unknown>)[key];
    return out;
  }

  static startOf(node: SyntaxNode): number {
    return node.startOffset();
  }

  static endOf(node: SyntaxNode): number {
    return node.endOffset();
  }

  static positionsOf(node: SyntaxNode): Positions {
    return node.positions();
  }
}

/*
 * The offsets of a LeafNode live under symbol keys, not in `#private` fields: its constructor
 * runs for two dozen node classes, and V8 defines private fields at such a shared, megamorphic
 * site through a slow path that made parsing a large file about a fifth slower (measured with
 * `npm run bench hcl-parse`). The classes' own extra offsets stay private: their constructors
 * see one class each, where private fields measured faster than symbol keys.
 */
const POSITIONS = Symbol('positions');
const START = Symbol('start');
const END = Symbol('end');

/** A node that stores its own offsets and positions (tokens and bracketed constructs). */
export abstract class LeafNode extends SyntaxNode {
  declare private readonly [POSITIONS]: Positions;
  declare private readonly [START]: number;
  declare private readonly [END]: number;

  constructor(pos: Positions, start: number, end: number) {
    super();
    this[POSITIONS] = pos;
    this[START] = start;
    this[END] = end;
  }

  protected startOffset(): number {
    return this[START];
  }

  protected endOffset(): number {
    return this[END];
  }

  protected positions(): Positions {
    return this[POSITIONS];
  }
}

function rangeKeys(node: object): string[] {
  const keys: string[] = [];
  for (let proto: object | null = Object.getPrototypeOf(node) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if ((key === 'range' || key.endsWith('Range')) && !keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

/**
 * An array of exactly its length: arrays grown by `push` keep spare capacity, which for the
 * many short lists of a tree (labels, steps, parts) would cost more than the nodes themselves.
 */
export function exact<X>(items: X[]): X[] {
  return items.length === 0 ? [] : items.slice();
}

/** Start offset of a node made by this module (in the coordinates of its own text). */
export function startOf(node: object): number {
  return SyntaxNode.startOf(node as SyntaxNode);
}

export function endOf(node: object): number {
  return SyntaxNode.endOf(node as SyntaxNode);
}

export function positionsOf(node: object): Positions {
  return SyntaxNode.positionsOf(node as SyntaxNode);
}

export class CommentNode extends LeafNode implements A.Comment {
  readonly kind = 'comment';
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly style: A.Comment['style'],
    readonly text: string,
  ) {
    super(pos, s, e);
  }
}

export class BodyNode extends LeafNode implements A.Body {
  readonly kind = 'body';
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly items: A.BodyItem[],
  ) {
    super(pos, s, e);
  }
}

/** Starts at its name; ends where its expression ends, whose positions it shares. */
export class AttributeNode extends SyntaxNode implements A.Attribute {
  readonly kind = 'attribute';
  readonly #s: number;
  readonly #nameEnd: number;
  constructor(
    _pos: Positions,
    s: number,
    _e: number,
    readonly name: string,
    nameEnd: number,
    readonly expr: A.Expression,
  ) {
    super();
    this.#s = s;
    this.#nameEnd = nameEnd;
  }
  protected startOffset(): number {
    return this.#s;
  }
  protected endOffset(): number {
    return endOf(this.expr);
  }
  protected positions(): Positions {
    return positionsOf(this.expr);
  }
  get nameRange(): SourceRange {
    return this.rangeOf(this.#s, this.#nameEnd);
  }
}

export class LabelNode extends LeafNode implements A.BlockLabel {
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly value: string,
    readonly quoted: boolean,
  ) {
    super(pos, s, e);
  }
}

export class BlockNode extends LeafNode implements A.Block {
  readonly kind = 'block';
  readonly #typeEnd: number;
  readonly #open: number;
  readonly #close: number;
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly type: string,
    typeEnd: number,
    readonly labels: A.BlockLabel[],
    readonly body: A.Body,
    open: number,
    close: number,
  ) {
    super(pos, s, e);
    this.#typeEnd = typeEnd;
    this.#open = open;
    this.#close = close;
  }
  get typeRange(): SourceRange {
    return this.rangeOf(startOf(this), this.#typeEnd);
  }
  get openBraceRange(): SourceRange {
    return this.rangeOf(this.#open, this.#open + 1);
  }
  /** An empty range at the end of the block when it was never closed. */
  get closeBraceRange(): SourceRange {
    return this.rangeOf(this.#close, endOf(this));
  }
}

export class IdentNode extends LeafNode implements A.Identifier {
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly name: string,
  ) {
    super(pos, s, e);
  }
}

export class MarkerNode extends LeafNode implements A.DirectiveMarker {
  constructor(
    pos: Positions,
    s: number,
    e: number,
    readonly stripLeft: boolean,
    readonly stripRight: boolean,
  ) {
    super(pos, s, e);
  }
}

export class FileNode extends LeafNode implements A.HclFile {
  readonly kind = 'file';
  constructor(
    pos: Positions,
    length: number,
    readonly path: string,
    readonly source: string,
    readonly body: A.Body,
    readonly comments: A.Comment[],
    readonly syntax: 'native' | 'json',
  ) {
    super(pos, 0, length);
  }
}
