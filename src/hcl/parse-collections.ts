/**
 * Bracketed expressions: function calls, tuples, objects and `for` expressions. Newlines are
 * insignificant inside calls, tuples and `for` expressions; inside an object constructor they
 * separate items (as commas do), so they stay tokens there.
 */
import type { Expression, Identifier, ObjectItem } from './ast.js';
import { codes } from './messages.js';
import { endOf, exact, startOf } from './nodes.js';
import { CallNode, ForNode, InvalidNode, ObjectItemNode, ObjectNode, TupleNode } from './nodes-expr.js';
import { parseExpression } from './parse-expression.js';
import type { Parser } from './parser-state.js';
import { T } from './tokens.js';

/** After the function name (current token `(` or `::`). */
export function parseCall(p: Parser, firstName: string, nameStart: number, firstNameEnd: number): Expression {
  const lx = p.lx;
  let name = firstName;
  let nameEnd = firstNameEnd;
  while (lx.tok() === T.DCOLON) {
    p.advance();
    if (lx.tok() !== T.IDENT) {
      p.errorAtToken(codes.invalidFunctionName, 'Invalid function name', 'A function name is required after "::".');
      if (lx.tok() !== T.OPAREN) return new InvalidNode(p.positions, nameStart, lx.start);
      break;
    }
    name += '::' + p.tokenText();
    nameEnd = lx.end;
    p.advance();
  }
  if (nameEnd !== firstNameEnd) name = p.intern(name);
  if (lx.tok() !== T.OPAREN) {
    p.errorAtToken(codes.invalidFunctionName, 'Missing function arguments', `A namespaced name such as "${name}" must be followed by "(" and the function arguments.`);
    return new InvalidNode(p.positions, nameStart, nameEnd);
  }
  const open = lx.start;
  const saved = p.setSkipNewlines(true);
  p.advance();
  const args: Expression[] = [];
  let expandFinal = false;
  let reported = false;
  while (lx.tok() !== T.CPAREN) {
    if (lx.tok() === T.EOF) break;
    args.push(parseExpression(p));
    if (lx.tok() === T.ELLIPSIS) {
      expandFinal = true;
      p.advance();
      if (lx.tok() !== T.CPAREN) {
        p.errorAtToken(codes.unclosedCall, 'Missing closing parenthesis', 'An expanded function argument (with "...") must be immediately followed by closing parentheses.');
        reported = true;
        p.skipUntil([T.CPAREN]);
      }
      break;
    }
    if (lx.tok() === T.COMMA) {
      p.advance();
      continue;
    }
    if (lx.tok() === T.CPAREN || lx.tok() === T.EOF || isCloser(lx.tok())) break;
    p.errorAtToken(codes.missingArgumentSeparator, 'Missing argument separator', 'A comma is required to separate each function argument from the next.');
    reported = true;
    p.skipUntil([T.CPAREN]);
    break;
  }
  let close: number;
  let end: number;
  if (lx.tok() === T.CPAREN) {
    close = lx.start;
    end = lx.end;
    lx.skipNewlines = saved;
    p.advance();
  } else {
    if (!reported) {
      p.error(codes.unclosedCall, 'Unterminated function call', `There is no closing parenthesis for this call of "${name}".`, p.range(open, open + 1));
    }
    close = end = lx.start;
    lx.skipNewlines = saved;
  }
  return new CallNode(p.positions, nameStart, end, name, nameEnd, exact(args), expandFinal, open, close);
}

/** A closing delimiter that belongs to an enclosing construct: the current one is unclosed. */
function isCloser(kind: number): boolean {
  return kind === T.CBRACE || kind === T.CBRACK || kind === T.CPAREN;
}

/** At `[`: a tuple, or a `for` expression when the first token inside is `for`. */
export function parseTuple(p: Parser): Expression {
  const lx = p.lx;
  const start = lx.start;
  const saved = p.setSkipNewlines(true);
  p.advance();
  if (p.isIdent('for')) return parseFor(p, 'tuple', start, saved);
  const items: Expression[] = [];
  let reported = false;
  while (lx.tok() !== T.CBRACK && lx.tok() !== T.EOF) {
    items.push(parseExpression(p));
    if (lx.tok() === T.COMMA) {
      p.advance();
      continue;
    }
    if (lx.tok() === T.CBRACK || lx.tok() === T.EOF || isCloser(lx.tok())) break;
    p.errorAtToken(codes.missingItemSeparator, 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
    reported = true;
    p.skipUntil([T.CBRACK]);
    break;
  }
  const end = closeWith(p, T.CBRACK, saved, reported, start, 'tuple');
  return new TupleNode(p.positions, start, end, exact(items));
}

/**
 * Consumes the closing delimiter if present (restoring the newline mode first) and returns the
 * end offset of the construct; reports a missing one unless an error was already reported.
 */
function closeWith(p: Parser, close: number, saved: boolean, reported: boolean, open: number, what: 'tuple' | 'object' | 'for'): number {
  const lx = p.lx;
  if (lx.tok() === close) {
    const end = lx.end;
    lx.skipNewlines = saved;
    p.advance();
    return end;
  }
  if (!reported) {
    const closer = close === T.CBRACK ? ']' : '}';
    const code = what === 'object' ? codes.unclosedObject : what === 'tuple' ? codes.unclosedTuple : codes.invalidFor;
    const summary = what === 'object' ? 'Unclosed object constructor' : what === 'tuple' ? 'Unclosed tuple constructor' : 'Unclosed "for" expression';
    p.error(code, summary, `There is no closing "${closer}" for this ${what === 'for' ? '"for" expression' : what} before ${lx.tok() === T.EOF ? 'the end of the file' : 'this point'}.`, p.range(open, open + 1));
  }
  const end = lx.start;
  lx.skipNewlines = saved;
  return end;
}

/** At `{`: an object constructor, or a `for` expression when the first token inside is `for`. */
export function parseObject(p: Parser): Expression {
  const lx = p.lx;
  const start = lx.start;
  const saved = lx.skipNewlines;
  lx.skipNewlines = false;
  p.advance();
  while (lx.tok() === T.NEWLINE) p.advance();
  if (p.isIdent('for')) {
    p.setSkipNewlines(true);
    return parseFor(p, 'object', start, saved);
  }
  const items: ObjectItem[] = [];
  let reported = false;
  for (;;) {
    while (lx.tok() === T.NEWLINE) p.advance();
    if (lx.tok() === T.CBRACE || lx.tok() === T.EOF) break;
    const key = parseExpression(p);
    const bareKey = key.kind === 'scope-traversal' && key.steps.length === 0;
    if (lx.tok() !== T.EQUAL && lx.tok() !== T.COLON) {
      p.errorAtToken(
        codes.missingKeyValueSeparator,
        'Missing key/value separator',
        'Expected an equals sign ("=") to mark the beginning of the attribute value.',
      );
      reported = true;
      p.skipUntil([T.NEWLINE, T.COMMA, T.CBRACE]);
      if (lx.tok() === T.COMMA || lx.tok() === T.NEWLINE) {
        p.advance();
        reported = false;
        continue;
      }
      break;
    }
    const separator = lx.tok() === T.EQUAL ? '=' : ':';
    p.advance();
    const value = parseExpression(p);
    items.push(new ObjectItemNode(p.positions, startOf(key), endOf(value), key, bareKey, separator, value));
    if (lx.tok() === T.COMMA) {
      p.advance();
      continue;
    }
    if (lx.tok() === T.NEWLINE || lx.tok() === T.CBRACE || lx.tok() === T.EOF) continue;
    p.errorAtToken(codes.missingAttributeSeparator, 'Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.');
    p.skipUntil([T.NEWLINE, T.COMMA, T.CBRACE]);
    if (lx.tok() === T.COMMA) p.advance();
  }
  const end = closeWith(p, T.CBRACE, saved, reported, start, 'object');
  return new ObjectNode(p.positions, start, end, exact(items));
}

/** At the `for` keyword inside `[` or `{` (newlines already insignificant). */
function parseFor(p: Parser, result: 'tuple' | 'object', start: number, saved: boolean): Expression {
  const lx = p.lx;
  const close = result === 'tuple' ? T.CBRACK : T.CBRACE;
  p.advance();
  const fail = (detail: string): Expression => {
    p.errorAtToken(codes.invalidFor, 'Invalid "for" expression', detail);
    p.skipUntil([close]);
    const end = closeWith(p, close, saved, true, start, 'for');
    return new InvalidNode(p.positions, start, end);
  };
  const first = p.identifier();
  if (!first) return fail('A "for" expression needs the name of an iteration variable after "for".');
  let keyVar: Identifier | undefined;
  let valueVar = first;
  if (lx.tok() === T.COMMA) {
    p.advance();
    const second = p.identifier();
    if (!second) return fail('The name of a value variable is required after the comma.');
    keyVar = first;
    valueVar = second;
  }
  if (!p.isIdent('in')) return fail('The "in" keyword is required after the iteration variable names.');
  p.advance();
  const collection = parseExpression(p);
  if (lx.tok() !== T.COLON) return fail('A colon is required after the collection expression, to introduce the result expression.');
  p.advance();
  let keyExpr: Expression | undefined;
  let valueExpr = parseExpression(p);
  let grouping = false;
  if (result === 'object') {
    if (lx.tok() !== T.FATARROW) return fail('An object "for" expression needs "=>" between the key expression and the value expression.');
    p.advance();
    keyExpr = valueExpr;
    valueExpr = parseExpression(p);
    if (lx.tok() === T.ELLIPSIS) {
      grouping = true;
      p.advance();
    }
  }
  let condition: Expression | undefined;
  if (p.isIdent('if')) {
    p.advance();
    condition = parseExpression(p);
  }
  if (lx.tok() !== close) return fail(`Expected "${close === T.CBRACK ? ']' : '}'}" to end the "for" expression${condition ? '' : ', or "if" and a condition'}.`);
  const end = closeWith(p, close, saved, false, start, 'for');
  return new ForNode(p.positions, start, end, result, valueVar, collection, valueExpr, grouping, { keyVar, keyExpr, condition });
}
