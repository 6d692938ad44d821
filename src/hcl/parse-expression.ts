/**
 * Expressions: conditional, binary operators by the spec's precedence table (`* / %` over
 * `+ -` over comparison over equality over `&&` over `||`, all left-associative), unary `!`
 * and `-` binding tightest, then terms with their postfix traversals, indexes and splats.
 */
import type { BinaryOperator, Expression, IndexStep, SplatStep, TraversalStep } from './ast.js';
import { codes } from './messages.js';
import { endOf, exact, startOf } from './nodes.js';
import {
  AttrStepNode,
  BinaryNode,
  BoolNode,
  ConditionalNode,
  GetAttrNode,
  IndexNode,
  IndexStepNode,
  InvalidNode,
  NullNode,
  NumberNode,
  ParensNode,
  SplatIndexStepNode,
  SplatNode,
  StringNode,
  TraversalNode,
  UnaryNode,
} from './nodes-expr.js';
import { parseCall, parseObject, parseTuple } from './parse-collections.js';
import { parseHeredoc, parseQuotedTemplate } from './parse-template.js';
import { MAX_DEPTH } from './parser-state.js';
import type { Parser } from './parser-state.js';
import { T } from './tokens.js';

const LEVEL = new Uint8Array(64);
const OPERATOR: BinaryOperator[] = [];
function defineOp(kind: number, level: number, op: BinaryOperator): void {
  LEVEL[kind] = level;
  OPERATOR[kind] = op;
}
defineOp(T.OR, 1, '||');
defineOp(T.AND, 2, '&&');
defineOp(T.EQ, 3, '==');
defineOp(T.NEQ, 3, '!=');
defineOp(T.LT, 4, '<');
defineOp(T.GT, 4, '>');
defineOp(T.LTE, 4, '<=');
defineOp(T.GTE, 4, '>=');
defineOp(T.PLUS, 5, '+');
defineOp(T.MINUS, 5, '-');
defineOp(T.STAR, 6, '*');
defineOp(T.SLASH, 6, '/');
defineOp(T.PERCENT, 6, '%');

export function invalidAt(p: Parser, start: number, end: number): Expression {
  return new InvalidNode(p.positions, start, end);
}

export function parseExpression(p: Parser): Expression {
  if (++p.depth > MAX_DEPTH) {
    p.bail();
    p.depth--;
    return invalidAt(p, p.lx.start, p.lx.start);
  }
  const cond = parseBinary(p, 0);
  let result = cond;
  if (p.lx.tok() === T.QUESTION) {
    p.advance();
    const trueResult = parseExpression(p);
    let falseResult: Expression;
    if (p.lx.tok() !== T.COLON) {
      p.errorAtToken(
        codes.missingFalseExpression,
        'Missing false expression in conditional',
        'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
      );
      falseResult = invalidAt(p, endOf(trueResult), endOf(trueResult));
    } else {
      p.advance();
      falseResult = parseExpression(p);
    }
    result = new ConditionalNode(p.positions, startOf(cond), endOf(falseResult), cond, trueResult, falseResult);
  }
  p.depth--;
  return result;
}

function parseBinary(p: Parser, minLevel: number): Expression {
  let left = parseUnary(p);
  const lx = p.lx;
  for (;;) {
    const kind = lx.tok();
    const level = LEVEL[kind] as number;
    if (level === 0 || level <= minLevel) return left;
    const op = OPERATOR[kind] as BinaryOperator;
    const opStart = lx.start;
    p.advance();
    const right = parseBinary(p, level);
    left = new BinaryNode(p.positions, startOf(left), endOf(right), op, opStart, left, right);
  }
}

function parseUnary(p: Parser): Expression {
  const kind = p.lx.tok();
  if (kind === T.BANG || kind === T.MINUS) {
    const start = p.lx.start;
    p.advance();
    if (++p.depth > MAX_DEPTH) {
      p.bail();
      p.depth--;
      return invalidAt(p, start, start);
    }
    const operand = parseUnary(p);
    p.depth--;
    return new UnaryNode(p.positions, start, endOf(operand), kind === T.BANG ? '!' : '-', operand);
  }
  return parsePostfix(p);
}

function parsePrimary(p: Parser): Expression {
  const lx = p.lx;
  const start = lx.start;
  const end = lx.end;
  switch (lx.tok()) {
    case T.NUMBER: {
      const text = p.tokenText();
      p.advance();
      return new NumberNode(p.positions, start, end, text, Number(text));
    }
    case T.IDENT: {
      if (p.isIdent('true') || p.isIdent('false')) {
        p.advance();
        return new BoolNode(p.positions, start, end, end - start === 4);
      }
      if (p.isIdent('null')) {
        p.advance();
        return new NullNode(p.positions, start, end);
      }
      const name = p.identText();
      p.advance();
      const next = lx.tok();
      if (next === T.OPAREN || next === T.DCOLON) return parseCall(p, name, start, end);
      return new TraversalNode(p.positions, start, end, name, end);
    }
    case T.OQUOTE:
      return parseQuotedTemplate(p);
    case T.HEREDOC:
      return parseHeredoc(p);
    case T.OPAREN:
      return parseParens(p);
    case T.OBRACK:
      return parseTuple(p);
    case T.OBRACE:
      return parseObject(p);
    case T.EOF:
      p.error(codes.missingExpression, 'Missing expression', 'Expected the start of an expression, but found the end of the file.', p.tokenRange());
      return invalidAt(p, start, start);
    default:
      p.errorAtToken(codes.invalidExpression, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
      return invalidAt(p, start, start);
  }
}

function parseParens(p: Parser): Expression {
  const lx = p.lx;
  const start = lx.start;
  const saved = p.setSkipNewlines(true);
  p.advance();
  const expr = parseExpression(p);
  if (lx.tok() !== T.CPAREN) {
    p.errorAtToken(codes.unbalancedParens, 'Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
    p.skipUntil([T.CPAREN]);
  }
  let end = lx.start;
  lx.skipNewlines = saved;
  if (lx.tok() === T.CPAREN) {
    end = lx.end;
    p.advance();
  }
  return new ParensNode(p.positions, start, end, expr);
}

/** A key usable as a static traversal step: a number or a string without templates. */
function literalKey(p: Parser, key: Expression): IndexStep['key'] | undefined {
  if (key.kind === 'number') return key;
  if (key.kind === 'template' && key.quoted) {
    if (key.parts.length === 0) return new StringNode(p.positions, startOf(key), endOf(key), '');
    const only = key.parts[0];
    if (key.parts.length === 1 && only?.kind === 'template-literal') return new StringNode(p.positions, startOf(key), endOf(key), only.value);
  }
  return undefined;
}

/**
 * A term and its postfix operators. Static steps after a root name accumulate into one
 * `scope-traversal`; the first dynamic operator turns what came before into its operand.
 */
function parsePostfix(p: Parser): Expression {
  const lx = p.lx;
  const pos = p.positions;
  let expr = parsePrimary(p);
  if (lx.tok() !== T.DOT && lx.tok() !== T.OBRACK) return expr;
  let steps: TraversalStep[] | null = null;
  const start = startOf(expr);
  let end = endOf(expr);
  for (;;) {
    const kind = lx.tok();
    if (kind === T.DOT) {
      const dotStart = lx.start;
      p.advance();
      if (lx.tok() === T.IDENT) {
        const nameStart = lx.start;
        const nameEnd = lx.end;
        const name = p.identText();
        p.advance();
        if (expr.kind === 'scope-traversal') (steps ??= []).push(new AttrStepNode(pos, dotStart, nameEnd, name));
        else expr = new GetAttrNode(pos, start, nameEnd, expr, name, nameStart);
        end = nameEnd;
        continue;
      }
      if (lx.tok() === T.NUMBER) {
        const text = p.tokenText();
        if (!/^[0-9]+$/.test(text)) {
          p.errorAtToken(codes.invalidLegacyIndex, 'Invalid legacy index syntax', 'A legacy index after a dot must be a whole number, as in "list.0".');
        }
        const key = new NumberNode(pos, lx.start, lx.end, text, Number(text));
        const keyEnd = lx.end;
        p.advance();
        if (expr.kind === 'scope-traversal') (steps ??= []).push(new IndexStepNode(pos, dotStart, keyEnd, key));
        else expr = new IndexNode(pos, start, keyEnd, expr, key);
        end = keyEnd;
        continue;
      }
      if (lx.tok() === T.STAR) {
        const starEnd = lx.end;
        p.advance();
        expr = parseAttrSplat(p, seal(p, expr, steps, end), starEnd);
        steps = null;
        end = endOf(expr);
        continue;
      }
      p.errorAtToken(codes.invalidAttributeName, 'Invalid attribute name', 'An attribute name is required after a dot.');
      return seal(p, expr, steps, end);
    }
    if (kind === T.OBRACK) {
      const openStart = lx.start;
      const saved = p.setSkipNewlines(true);
      p.advance();
      if (lx.tok() === T.STAR) {
        p.advance();
        const closeEnd = expectCloseBracket(p, saved);
        expr = parseFullSplat(p, seal(p, expr, steps, end), closeEnd);
        steps = null;
        end = endOf(expr);
        continue;
      }
      const key = parseExpression(p);
      const closeEnd = expectCloseBracket(p, saved);
      const literal = expr.kind === 'scope-traversal' ? literalKey(p, key) : undefined;
      if (literal) (steps ??= []).push(new IndexStepNode(pos, openStart, closeEnd, literal));
      else {
        expr = new IndexNode(pos, start, closeEnd, seal(p, expr, steps, end), key);
        steps = null;
      }
      end = closeEnd;
      continue;
    }
    return seal(p, expr, steps, end);
  }
}

/**
 * The traversal with its accumulated static steps, once a dynamic operator (or the end of
 * the term) is reached. Only a bare root (`scope-traversal` without steps) accumulates steps;
 * any other operand is returned as it is.
 */
function seal(p: Parser, expr: Expression, steps: TraversalStep[] | null, end: number): Expression {
  if (!steps || !(expr instanceof TraversalNode)) return expr;
  return new TraversalNode(p.positions, startOf(expr), end, expr.root, TraversalNode.rootEndOf(expr), exact(steps));
}

/** Expects `]` (restoring the newline mode before moving past it); returns the end offset. */
function expectCloseBracket(p: Parser, savedSkip: boolean): number {
  const lx = p.lx;
  if (lx.tok() !== T.CBRACK) {
    p.errorAtToken(codes.missingCloseBracket, 'Missing close bracket on index', 'The index operator must end with a closing bracket ("]").');
    p.skipUntil([T.CBRACK, T.NEWLINE]);
  }
  const end = lx.tok() === T.CBRACK ? lx.end : lx.start;
  lx.skipNewlines = savedSkip;
  if (lx.tok() === T.CBRACK) p.advance();
  return end;
}

/** After `source.*`: attribute steps only; a following index applies to the whole result. */
function parseAttrSplat(p: Parser, source: Expression, starEnd: number): Expression {
  const lx = p.lx;
  const each: SplatStep[] = [];
  let end = starEnd;
  while (lx.tok() === T.DOT) {
    const dotStart = lx.start;
    p.advance();
    if (lx.tok() !== T.IDENT) {
      p.errorAtToken(codes.invalidAttributeName, 'Invalid attribute name', 'An attribute name is required after a dot.');
      break;
    }
    end = lx.end;
    each.push(new AttrStepNode(p.positions, dotStart, end, p.identText()));
    p.advance();
  }
  return new SplatNode(p.positions, startOf(source), end, 'attr', source, exact(each));
}

/**
 * After `source[*]`: attribute and index steps apply to each element. A second `[*]` ends this
 * splat and starts one over its result.
 */
function parseFullSplat(p: Parser, source: Expression, closeEnd: number): Expression {
  const lx = p.lx;
  const pos = p.positions;
  const each: SplatStep[] = [];
  let end = closeEnd;
  for (;;) {
    if (lx.tok() === T.DOT) {
      const dotStart = lx.start;
      p.advance();
      if (lx.tok() === T.IDENT) {
        end = lx.end;
        each.push(new AttrStepNode(pos, dotStart, end, p.identText()));
        p.advance();
        continue;
      }
      if (lx.tok() === T.NUMBER) {
        const key = new NumberNode(pos, lx.start, lx.end, p.tokenText(), Number(p.tokenText()));
        end = lx.end;
        each.push(new SplatIndexStepNode(pos, dotStart, end, key));
        p.advance();
        continue;
      }
      p.errorAtToken(codes.invalidAttributeName, 'Invalid attribute name', 'An attribute name is required after a dot.');
      break;
    }
    if (lx.tok() === T.OBRACK) {
      const openStart = lx.start;
      const saved = p.setSkipNewlines(true);
      p.advance();
      if (lx.tok() === T.STAR) {
        p.advance();
        const innerEnd = expectCloseBracket(p, saved);
        return parseFullSplat(p, new SplatNode(pos, startOf(source), end, 'full', source, exact(each)), innerEnd);
      }
      const key = parseExpression(p);
      end = expectCloseBracket(p, saved);
      each.push(new SplatIndexStepNode(pos, openStart, end, key));
      continue;
    }
    break;
  }
  return new SplatNode(pos, startOf(source), end, 'full', source, exact(each));
}
