/**
 * The structural language: bodies of attributes and blocks. Newlines are significant here.
 * Recovery: after an error the parser skips to the end of the line (balancing brackets), so
 * the next item is parsed normally and independent errors are all reported.
 */
import type { Attribute, Block, BlockLabel, BodyItem } from './ast.js';
import { codes, describeRange } from './messages.js';
import { AttributeNode, BlockNode, BodyNode, LabelNode, endOf, exact, startOf } from './nodes.js';
import { parseExpression } from './parse-expression.js';
import { parseQuotedTemplate, quotedLiteralValue } from './parse-template.js';
import { MAX_DEPTH } from './parser-state.js';
import type { Parser } from './parser-state.js';
import { T } from './tokens.js';

/**
 * Parses items until `}` (left as the current token) or the end of file. `oneLine` is set for
 * a block body that started on the line of its `{`: it may hold one argument only.
 */
export function parseBody(p: Parser, inBlock: boolean, oneLine: boolean): BodyItem[] {
  const lx = p.lx;
  const items: BodyItem[] = [];
  for (;;) {
    while (lx.tok() === T.NEWLINE) {
      p.advance();
      oneLine = false;
    }
    const kind = lx.tok();
    if (kind === T.EOF) return items;
    if (kind === T.CBRACE) {
      if (inBlock) return items;
      p.error(
        codes.unexpectedCloseBrace,
        'Unexpected closing brace',
        'There is no open block for this closing brace to end. This may be caused by incorrect brace nesting elsewhere in this file.',
        p.tokenRange(),
      );
      p.advance();
      continue;
    }
    if (kind === T.IDENT) {
      const oneLineItem = inBlock && oneLine && items.length === 0;
      const item = parseItem(p, oneLineItem);
      if (item) {
        if (item.kind === 'attribute') {
          const first = firstAttribute(items, item.name);
          if (first) {
            p.error(
              codes.attributeRedefined,
              'Attribute redefined',
              `The argument "${item.name}" was already set at ${describeRange(first.nameRange)}. Each argument may be set only once.`,
              item.nameRange,
            );
          }
        } else if (oneLineItem) {
          p.error(
            codes.invalidSingleLineBlock,
            'Invalid single-argument block definition',
            'A single-line block definition can contain only a single argument. To define a nested block, place it on a line of its own within its parent block.',
            p.range(startOf(item), startOf(item) + item.type.length),
          );
        }
        items.push(item);
      }
      continue;
    }
    if (kind === T.OQUOTE) {
      p.error(codes.quotedArgumentName, 'Invalid argument name', 'Argument names must not be quoted.', p.tokenRange());
    } else {
      p.errorAtToken(codes.bodyItemRequired, 'Argument or block definition required', 'An argument or block definition is required here.');
    }
    const before = lx.start;
    p.skipUntil([T.NEWLINE], true);
    if (lx.start === before && lx.tok() !== T.NEWLINE && lx.tok() !== T.EOF && lx.tok() !== T.CBRACE) p.advance();
  }
}

/** The first attribute named `name` among `items` (bodies are short: a scan beats a map). */
function firstAttribute(items: readonly BodyItem[], name: string): Attribute | undefined {
  for (const item of items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

/** At an identifier starting an item. Returns undefined when nothing usable was parsed. */
function parseItem(p: Parser, oneLineBody: boolean): BodyItem | undefined {
  const lx = p.lx;
  const name = p.identText();
  const nameStart = lx.start;
  const nameEnd = lx.end;
  p.advance();
  const kind = lx.tok();
  if (kind === T.EQUAL) {
    p.advance();
    const reported = p.diagnostics.length;
    const expr = parseExpression(p);
    const attr: Attribute = new AttributeNode(p.positions, nameStart, endOf(expr), name, nameEnd, expr);
    endOfItem(p, oneLineBody, true, p.diagnostics.length > reported);
    return attr;
  }
  if (kind === T.OQUOTE || kind === T.IDENT || kind === T.OBRACE) return parseBlock(p, name, nameStart, nameEnd, oneLineBody);
  p.error(
    codes.bodyItemRequired,
    'Argument or block definition required',
    'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
    p.range(nameStart, nameEnd),
  );
  p.skipUntil([T.NEWLINE], true);
  return undefined;
}

/**
 * After an argument or a block: a newline or the end of file; inside a one-line block body
 * its closing brace instead (a newline there is an error: such a body holds one argument).
 */
function endOfItem(p: Parser, oneLineBody: boolean, argument: boolean, quiet = false): void {
  const kind = p.lx.tok();
  const singleLine = (): void =>
    p.errorAtToken(
      codes.invalidSingleLineBlock,
      'Invalid single-argument block definition',
      'A single-line block definition must end with a closing brace immediately after its single argument definition.',
    );
  if (kind === T.NEWLINE) {
    if (oneLineBody) singleLine();
    p.advance();
    return;
  }
  if (kind === T.EOF || (oneLineBody && kind === T.CBRACE)) return;
  if (quiet) {
    // The expression already reported why it stopped here; skip the rest of the line silently.
  } else if (oneLineBody) singleLine();
  else if (argument) {
    p.errorAtToken(codes.missingNewlineAfterArgument, 'Missing newline after argument', 'An argument definition must end with a newline.');
  } else {
    p.errorAtToken(codes.missingNewlineAfterBlock, 'Missing newline after block definition', 'A block definition must end with a newline.');
  }
  p.skipUntil([T.NEWLINE], true);
}

function parseBlock(p: Parser, type: string, typeStart: number, typeEnd: number, oneLineBody: boolean): Block | undefined {
  const lx = p.lx;
  const labels: BlockLabel[] = [];
  for (;;) {
    if (lx.tok() === T.IDENT) {
      labels.push(new LabelNode(p.positions, lx.start, lx.end, p.identText(), false));
      p.advance();
    } else if (lx.tok() === T.OQUOTE) {
      const template = parseQuotedTemplate(p);
      labels.push(new LabelNode(p.positions, startOf(template), endOf(template), p.intern(quotedLiteralValue(p, template)), true));
    } else break;
  }
  if (lx.tok() !== T.OBRACE) {
    p.errorAtToken(codes.invalidBlockDefinition, 'Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.');
    p.skipUntil([T.NEWLINE, T.OBRACE], true);
    if (lx.tok() !== T.OBRACE) return undefined;
  }
  if (++p.depth > MAX_DEPTH) {
    p.bail();
    p.depth--;
    return undefined;
  }
  const open = lx.start;
  p.advance();
  const oneLine = lx.tok() !== T.NEWLINE;
  const items = parseBody(p, true, oneLine);
  p.depth--;
  let close: number;
  let end: number;
  if (lx.tok() === T.CBRACE) {
    close = lx.start;
    end = lx.end;
    p.advance();
    endOfItem(p, oneLineBody, false);
  } else {
    p.error(
      codes.unclosedBlock,
      'Unclosed configuration block',
      'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
      p.range(open, open + 1),
    );
    close = end = lx.start;
  }
  const body = new BodyNode(p.positions, open + 1, close, exact(items));
  return new BlockNode(p.positions, typeStart, end, type, typeEnd, exact(labels), body, open, close);
}
