/**
 * The formatter's own token scanner. It is deliberately coarser than the parser's lexer: a
 * quoted string (with everything inside its interpolations) and a heredoc (from `<<` to its
 * closing marker) are single opaque tokens, because `fmt` never rewrites string contents.
 *
 * Invariants:
 * - Total: every input yields tokens, never an exception; characters the scanner does not
 *   know become `other` tokens, so nothing is lost.
 * - Concatenating the token texts with the skipped blanks (spaces, tabs, carriage returns)
 *   gives the input back, except for blanks at the end of line comments, which are dropped.
 * - Newlines are tokens of their own, except inside opaque tokens and block comments.
 */

export type FmtTokenKind =
  | 'word'
  | 'number'
  | 'string'
  | 'heredoc'
  | 'punct'
  | 'line-comment'
  | 'block-comment'
  | 'newline'
  | 'other';

export interface FmtToken {
  readonly kind: FmtTokenKind;
  readonly text: string;
  /** 1-based line of the input where the token starts. */
  readonly line: number;
}

const PUNCTUATION = ['...', '::', '==', '!=', '<=', '>=', '&&', '||', '=>', '{', '}', '[', ']', '(', ')', ',', '.', '=', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':'];

const WORD = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC_OPENER = /<<-?([\p{ID_Start}_][\p{ID_Continue}-]*)\n/uy;

export function scanFmtTokens(source: string): FmtToken[] {
  const tokens: FmtToken[] = [];
  let line = 1;
  let i = 0;
  const push = (kind: FmtTokenKind, end: number): void => {
    const text = source.slice(i, end);
    tokens.push({ kind, text, line });
    line += countNewlines(text);
    i = end;
  };
  while (i < source.length) {
    const c = source[i] ?? '';
    const heredoc = c === '<' ? heredocEnd(source, i) : undefined;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\n') {
      push('newline', i + 1);
    } else if (c === '#' || source.startsWith('//', i)) {
      push('line-comment', lineCommentEnd(source, i));
    } else if (source.startsWith('/*', i)) {
      push('block-comment', blockCommentEnd(source, i));
    } else if (c === '"') {
      push('string', quotedEnd(source, i));
    } else if (heredoc !== undefined) {
      push('heredoc', heredoc);
    } else if (isDigit(c) && matchesAt(NUMBER, source, i)) {
      push('number', NUMBER.lastIndex);
    } else if (isAsciiWordStart(c)) {
      push('word', asciiWordEnd(source, i));
    } else if (matchesAt(WORD, source, i)) {
      push('word', WORD.lastIndex);
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
      if (punct !== undefined) push('punct', i + punct.length);
      else push('other', i + (source.codePointAt(i)! > 0xffff ? 2 : 1));
    }
  }
  return trimTrailingBlanks(tokens);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isAsciiWordStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

/** End of a word that starts with an ASCII letter; falls back to the Unicode pattern on non-ASCII. */
function asciiWordEnd(source: string, from: number): number {
  let i = from + 1;
  for (; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
    if (ascii) continue;
    if (c < 128) return i;
    WORD.lastIndex = from;
    WORD.test(source);
    return WORD.lastIndex;
  }
  return i;
}

function matchesAt(pattern: RegExp, source: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(source);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) count++;
  return count;
}

function lineCommentEnd(source: string, from: number): number {
  const newline = source.indexOf('\n', from);
  return newline === -1 ? source.length : newline;
}

function blockCommentEnd(source: string, from: number): number {
  const close = source.indexOf('*/', from + 2);
  return close === -1 ? source.length : close + 2;
}

/** End (exclusive) of the quoted template starting at `from` (a `"`). Stops before a raw newline. */
function quotedEnd(source: string, from: number): number {
  let i = from + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '"') {
      return i + 1;
    } else if (c === '\n') {
      return i;
    } else if ((c === '$' || c === '%') && source[i + 1] === c && source[i + 2] === '{') {
      i += 3;
    } else if ((c === '$' || c === '%') && source[i + 1] === '{') {
      i = templateSequenceEnd(source, i + 2);
    } else {
      i++;
    }
  }
  return source.length;
}

/** End (exclusive) of a `${ ... }` or `%{ ... }` whose opening brace ends just before `from`. */
function templateSequenceEnd(source: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < source.length) {
    const c = source[i];
    const heredoc = c === '<' ? heredocEnd(source, i) : undefined;
    if (c === '"') {
      i = quotedEnd(source, i);
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (depth === 0) return i;
    } else if (c === '#' || source.startsWith('//', i)) {
      i = lineCommentEnd(source, i);
    } else if (source.startsWith('/*', i)) {
      i = blockCommentEnd(source, i);
    } else if (heredoc !== undefined) {
      i = heredoc;
    } else {
      i++;
    }
  }
  return source.length;
}

/**
 * End (exclusive) of the heredoc opening at `from`: just after its closing marker, before the
 * newline that must follow it. Undefined when `<<` does not open a heredoc.
 */
function heredocEnd(source: string, from: number): number | undefined {
  HEREDOC_OPENER.lastIndex = from;
  const opener = HEREDOC_OPENER.exec(source);
  if (opener === null) return undefined;
  const marker = opener[1] ?? '';
  let lineStart = HEREDOC_OPENER.lastIndex;
  while (lineStart < source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const content = source.slice(lineStart, lineEnd).replace(/^[ \t]+/, '').replace(/\r$/, '');
    if (content === marker) return lineEnd - (source[lineEnd - 1] === '\r' ? 1 : 0);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return source.length;
}

/** Line comments keep their text but lose trailing blanks, which carry no meaning. */
function trimTrailingBlanks(tokens: FmtToken[]): FmtToken[] {
  return tokens.map((token) => (token.kind === 'line-comment' ? { ...token, text: token.text.replace(/[ \t\r]+$/, '') } : token));
}
