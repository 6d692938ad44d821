/**
 * Canonical spacing between two formatter tokens on one line. The rules only ever choose
 * between "no blank" and "one blank" (alignment widens some gaps later), and never join two
 * tokens that would scan as one, so re-scanning formatted text yields the same tokens.
 */
import type { FmtToken } from './format-tokens.js';

/**
 * What a token does where the plain token kind is ambiguous: `-` as negation or subtraction,
 * `*` as splat or multiplication, `in`/`if`/`for` as keywords of a `for` expression.
 */
export type TokenRole = 'unary' | 'binary' | 'splat' | 'keyword';

const KEYWORDS = new Set(['for', 'in', 'if']);

/** Roles for every token, decided from the previous token that is neither newline nor comment. */
export function tokenRoles(tokens: readonly FmtToken[]): (TokenRole | undefined)[] {
  const roles: (TokenRole | undefined)[] = [];
  let previous: FmtToken | undefined;
  let previousRole: TokenRole | undefined;
  for (const token of tokens) {
    let role: TokenRole | undefined;
    if (token.kind === 'punct' && token.text === '-') {
      role = previous !== undefined && endsOperand(previous, previousRole) ? 'binary' : 'unary';
    } else if (token.kind === 'punct' && token.text === '!') {
      role = 'unary';
    } else if (token.kind === 'punct' && token.text === '*') {
      role = previous !== undefined && previous.kind === 'punct' && (previous.text === '.' || previous.text === '[') ? 'splat' : 'binary';
    } else if (token.kind === 'word' && KEYWORDS.has(token.text) && previous !== undefined && !isPunct(previous, '.') && !isPunct(previous, '::')) {
      role = keywordRole(token, previous);
    }
    roles.push(role);
    if (token.kind !== 'newline' && token.kind !== 'line-comment' && token.kind !== 'block-comment') {
      previous = token;
      previousRole = role;
    }
  }
  return roles;
}

/** `for` right after `[` or `{`; `in` and `if` after something that ends an operand. */
function keywordRole(token: FmtToken, previous: FmtToken): TokenRole | undefined {
  if (token.text === 'for') return isPunct(previous, '[') || isPunct(previous, '{') ? 'keyword' : undefined;
  return previous.kind === 'word' || previous.kind === 'number' || previous.kind === 'string' || isCloserText(previous.text) || isPunct(previous, '...')
    ? 'keyword'
    : undefined;
}

function isPunct(token: FmtToken, text: string): boolean {
  return token.kind === 'punct' && token.text === text;
}

function isCloserText(text: string): boolean {
  return text === ')' || text === ']' || text === '}';
}

/** True when `token` can end an operand, so that a following `-` subtracts and `[` indexes. */
function endsOperand(token: FmtToken, role: TokenRole | undefined): boolean {
  switch (token.kind) {
    case 'word':
      return role !== 'keyword';
    case 'number':
    case 'string':
    case 'heredoc':
      return true;
    case 'punct':
      return isCloserText(token.text) || (token.text === '*' && role === 'splat');
    case 'line-comment':
    case 'block-comment':
    case 'newline':
    case 'other':
      return false;
    default: {
      const unreachable: never = token.kind;
      return unreachable;
    }
  }
}

const NONE = '';
const ONE = ' ';

/** The blank between `left` and `right`, which stand next to each other on one line. */
export function spaceBetween(left: FmtToken, leftRole: TokenRole | undefined, right: FmtToken, rightRole: TokenRole | undefined): string {
  if (right.kind === 'line-comment' || right.kind === 'block-comment' || left.kind === 'block-comment') return ONE;
  const l = left.kind === 'punct' ? left.text : undefined;
  const r = right.kind === 'punct' ? right.text : undefined;
  if (r === ',') return NONE;
  if (l === ',') return r === ')' || r === ']' ? NONE : ONE;
  if (l === '.' || r === '.' || l === '::' || r === '::') return NONE;
  if (r === '...') return NONE;
  if (l === '...') return r === ')' || r === ']' ? NONE : ONE;
  if (l === '(' || l === '[' || r === ')' || r === ']') return NONE;
  if (leftRole === 'unary' || leftRole === 'splat' || rightRole === 'splat') return NONE;
  if (r === '(') return left.kind === 'word' && leftRole !== 'keyword' ? NONE : ONE;
  if (r === '[') return endsOperand(left, leftRole) ? NONE : ONE;
  if (l === '{') return r === '}' ? NONE : ONE;
  return ONE;
}
