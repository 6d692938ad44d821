/**
 * Expressions: conditional, binary operators by the spec's precedence table (`* / %` over
 * `+ -` over comparison over equality over `&&` over `||`, all left-associative), unary `!`
 * and `-` binding tightest, then terms with their postfix traversals, indexes and splats.
 */
import type { SourceRange } from '../diag/index.js';
import type { BinaryOperator, Expression, IndexStep, ScopeTraversal, SplatStep, TraversalStep } from './ast.js';
import { codes } from './messages.js';
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

type Mutable<X> = { -readonly [K in keyof X]: X[K] };

function span(a: SourceRange, b: SourceRange): SourceRange {
  return { file: a.file, start: a.start, end: b.end };
}

export function parseExpression(p: Parser): Expression {
  if (++p.depth > MAX_DEPTH) {
    p.bail();
    p.depth--;
    return { kind: 'invalid', range: p.tokenRange() };
  }
  const cond = parseBinary(p, 0);
  let result = cond;
  if (p.lx.tok() === T.QUESTION) {
    p.advance();
    const trueResult = parseExpression(p);
    if (p.lx.tok() !== T.COLON) {
      p.errorAtToken(
        codes.missingFalseExpression,
        'Missing false expression in conditional',
        'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
      );
      const falseResult: Expression = { kind: 'invalid', range: p.range(p.lx.start, p.lx.start) };
      result = { kind: 'conditional', condition: cond, trueResult, falseResult, range: span(cond.range, trueResult.range) };
    } else {
      p.advance();
      const falseResult = parseExpression(p);
      result = { kind: 'conditional', condition: cond, trueResult, falseResult, range: span(cond.range, falseResult.range) };
    }
  }
  p.depth--;
  return result;
}

function parseBinary(p: Parser, minLevel: number): Expression {
  let left = parseUnary(p);
  for (;;) {
    const kind = p.lx.tok();
    const level = LEVEL[kind] as number;
    if (level === 0 || level <= minLevel) return left;
    const op = OPERATOR[kind] as BinaryOperator;
    const opRange = p.tokenRange();
    p.advance();
    const right = parseBinary(p, level);
    left = { kind: 'binary', op, opRange, left, right, range: span(left.range, right.range) };
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
      return { kind: 'invalid', range: p.tokenRange() };
    }
    const operand = parseUnary(p);
    p.depth--;
    return { kind: 'unary', op: kind === T.BANG ? '!' : '-', operand, range: { file: p.file, start: p.positions.at(start), end: operand.range.end } };
  }
  return parsePostfix(p, parsePrimary(p));
}

function parsePrimary(p: Parser): Expression {
  const lx = p.lx;
  switch (lx.tok()) {
    case T.NUMBER: {
      const text = p.tokenText();
      const range = p.tokenRange();
      p.advance();
      return { kind: 'number', text, value: Number(text), range };
    }
    case T.IDENT: {
      const range = p.tokenRange();
      if (p.isIdent('true') || p.isIdent('false')) {
        const value = lx.end - lx.start === 4;
        p.advance();
        return { kind: 'bool', value, range };
      }
      if (p.isIdent('null')) {
        p.advance();
        return { kind: 'null', range };
      }
      const name = p.identText();
      p.advance();
      if (lx.tok() === T.OPAREN || lx.tok() === T.DCOLON) return parseCall(p, name, range);
      const traversal: ScopeTraversal = { kind: 'scope-traversal', root: name, rootRange: range, steps: [], range };
      return traversal;
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
      return { kind: 'invalid', range: p.tokenRange() };
    default:
      p.errorAtToken(codes.invalidExpression, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
      return { kind: 'invalid', range: p.range(lx.start, lx.start) };
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
  return { kind: 'parens', expr, range: p.range(start, end) };
}

/** A key usable as a static traversal step: a number or a string without templates. */
function literalKey(key: Expression): IndexStep['key'] | undefined {
  if (key.kind === 'number') return key;
  if (key.kind === 'template' && key.quoted) {
    if (key.parts.length === 0) return { kind: 'string', value: '', range: key.range };
    const only = key.parts[0];
    if (key.parts.length === 1 && only?.kind === 'template-literal') return { kind: 'string', value: only.value, range: key.range };
  }
  return undefined;
}

function parsePostfix(p: Parser, expr: Expression): Expression {
  const lx = p.lx;
  for (;;) {
    const kind = lx.tok();
    if (kind === T.DOT) {
      const dotStart = lx.start;
      p.advance();
      if (lx.tok() === T.IDENT) {
        const step = { kind: 'attr' as const, name: p.identText(), range: p.range(dotStart, lx.end) };
        const nameRange = p.tokenRange();
        p.advance();
        if (expr.kind === 'scope-traversal') extendTraversal(expr, step);
        else expr = { kind: 'get-attr', object: expr, name: step.name, nameRange, range: span(expr.range, step.range) };
        continue;
      }
      if (lx.tok() === T.NUMBER) {
        const text = p.tokenText();
        const numRange = p.tokenRange();
        if (!/^[0-9]+$/.test(text)) {
          p.errorAtToken(codes.invalidLegacyIndex, 'Invalid legacy index syntax', 'A legacy index after a dot must be a whole number, as in "list.0".');
        }
        p.advance();
        const key = { kind: 'number' as const, text, value: Number(text), range: numRange };
        const range = p.range(dotStart, numRange.end.offset);
        if (expr.kind === 'scope-traversal') extendTraversal(expr, { kind: 'index', key, range });
        else expr = { kind: 'index', collection: expr, key, range: span(expr.range, range) };
        continue;
      }
      if (lx.tok() === T.STAR) {
        const starEnd = lx.end;
        p.advance();
        expr = parseAttrSplat(p, expr, starEnd);
        continue;
      }
      p.errorAtToken(codes.invalidAttributeName, 'Invalid attribute name', 'An attribute name is required after a dot.');
      return expr;
    }
    if (kind === T.OBRACK) {
      const openStart = lx.start;
      const saved = p.setSkipNewlines(true);
      p.advance();
      if (lx.tok() === T.STAR) {
        p.advance();
        const closeEnd = expectCloseBracket(p, saved);
        expr = parseFullSplat(p, expr, closeEnd);
        continue;
      }
      const key = parseExpression(p);
      const closeEnd = expectCloseBracket(p, saved);
      const range = p.range(openStart, closeEnd);
      const literal = literalKey(key);
      if (literal && expr.kind === 'scope-traversal') extendTraversal(expr, { kind: 'index', key: literal, range });
      else expr = { kind: 'index', collection: expr, key, range: span(expr.range, range) };
      continue;
    }
    return expr;
  }
}

function extendTraversal(traversal: ScopeTraversal, step: TraversalStep): void {
  traversal.steps.push(step);
  (traversal as Mutable<ScopeTraversal>).range = span(traversal.range, step.range);
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
    each.push({ kind: 'attr', name: p.identText(), range: p.range(dotStart, end) });
    p.advance();
  }
  return { kind: 'splat', style: 'attr', source, each, range: { file: p.file, start: source.range.start, end: p.positions.at(end) } };
}

/**
 * After `source[*]`: attribute and index steps apply to each element. A second `[*]` ends this
 * splat and starts one over its result.
 */
function parseFullSplat(p: Parser, source: Expression, closeEnd: number): Expression {
  const lx = p.lx;
  const each: SplatStep[] = [];
  let end = closeEnd;
  for (;;) {
    if (lx.tok() === T.DOT) {
      const dotStart = lx.start;
      p.advance();
      if (lx.tok() === T.IDENT) {
        end = lx.end;
        each.push({ kind: 'attr', name: p.identText(), range: p.range(dotStart, end) });
        p.advance();
        continue;
      }
      if (lx.tok() === T.NUMBER) {
        const key: Expression = { kind: 'number', text: p.tokenText(), value: Number(p.tokenText()), range: p.tokenRange() };
        end = lx.end;
        each.push({ kind: 'index-expr', key, range: p.range(dotStart, end) });
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
        const inner: Expression = { kind: 'splat', style: 'full', source, each, range: { file: p.file, start: source.range.start, end: p.positions.at(end) } };
        return parseFullSplat(p, inner, innerEnd);
      }
      const key = parseExpression(p);
      end = expectCloseBracket(p, saved);
      each.push({ kind: 'index-expr', key, range: p.range(openStart, end) });
      continue;
    }
    break;
  }
  return { kind: 'splat', style: 'full', source, each, range: { file: p.file, start: source.range.start, end: p.positions.at(end) } };
}
