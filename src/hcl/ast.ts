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
import type { Expression } from './ast-expressions.js';

export type * from './ast-expressions.js';

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
