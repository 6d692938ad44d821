/**
 * The native-syntax lexer. It is pulled one token at a time by the parser (`next()`), which
 * lets the parser switch into template scanning after an opening quote or heredoc marker
 * without a separate token buffer. Invariants:
 * - `kind`/`start`/`end` describe the current token; `start <= end <= text.length`.
 * - Comments met while lexing are appended to `comments` in source order, once each, because
 *   the parser never moves backwards.
 * - Newlines are tokens unless `skipNewlines` is set (inside parentheses, brackets,
 *   interpolations and `for` expressions). A line comment counts as a newline.
 * - Every problem is reported into `diagnostics`; the lexer never throws.
 */
import type { Diagnostic } from '../diag/index.js';
import type { Comment } from './ast.js';
import { codePointAt, isDigit, isIdentStart, scanIdentEnd } from './chars.js';
import { codes, syntaxError } from './messages.js';
import { CommentNode } from './nodes.js';
import type { Positions } from './positions.js';
import { T } from './tokens.js';
import type { TokenKind } from './tokens.js';

export class Lexer {
  kind: number = T.EOF;
  start = 0;
  end = 0;
  /** Offset where the next token is scanned from. */
  pos = 0;
  skipNewlines = false;
  /** For a `HEREDOC` token: the marker and whether it is the `<<-` form; `end` is after its newline. */
  heredocMarker = '';
  heredocIndented = false;
  readonly comments: Comment[] = [];
  private lastInvalidEnd = -1;

  constructor(
    readonly text: string,
    readonly positions: Positions,
    readonly diagnostics: Diagnostic[],
  ) {}

  /** The current token kind (a call, so that type narrowing does not outlive `next()`). */
  tok(): number {
    return this.kind;
  }

  /** Moves the scan position (used when the parser resumes after template content). */
  reset(pos: number): void {
    this.pos = pos;
  }

  next(): void {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) {
        this.set(T.EOF, n, n);
        return;
      }
      const c = text.charCodeAt(i);
      switch (c) {
        case 32: // space
        case 9: // tab
          i++;
          continue;
        case 13: // \r: part of \r\n, otherwise ignored like whitespace
          if (text.charCodeAt(i + 1) === 10) {
            if (this.skipNewlines) {
              i += 2;
              continue;
            }
            this.set(T.NEWLINE, i, i + 2);
            return;
          }
          i++;
          continue;
        case 10:
          if (this.skipNewlines) {
            i++;
            continue;
          }
          this.set(T.NEWLINE, i, i + 1);
          return;
        case 35: // #
          i = this.lineComment(i, 'hash');
          continue;
        case 47: // /
          if (text.charCodeAt(i + 1) === 47) {
            i = this.lineComment(i, 'slash');
            continue;
          }
          if (text.charCodeAt(i + 1) === 42) {
            i = this.blockComment(i);
            continue;
          }
          this.set(T.SLASH, i, i + 1);
          return;
        case 34: // "
          this.set(T.OQUOTE, i, i + 1);
          return;
        case 123:
          this.set(T.OBRACE, i, i + 1);
          return;
        case 125:
          this.set(T.CBRACE, i, i + 1);
          return;
        case 91:
          this.set(T.OBRACK, i, i + 1);
          return;
        case 93:
          this.set(T.CBRACK, i, i + 1);
          return;
        case 40:
          this.set(T.OPAREN, i, i + 1);
          return;
        case 41:
          this.set(T.CPAREN, i, i + 1);
          return;
        case 44:
          this.set(T.COMMA, i, i + 1);
          return;
        case 46: // .
          if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) this.set(T.ELLIPSIS, i, i + 3);
          else this.set(T.DOT, i, i + 1);
          return;
        case 61: // =
          if (text.charCodeAt(i + 1) === 61) this.set(T.EQ, i, i + 2);
          else if (text.charCodeAt(i + 1) === 62) this.set(T.FATARROW, i, i + 2);
          else this.set(T.EQUAL, i, i + 1);
          return;
        case 33: // !
          if (text.charCodeAt(i + 1) === 61) this.set(T.NEQ, i, i + 2);
          else this.set(T.BANG, i, i + 1);
          return;
        case 60: // <
          if (text.charCodeAt(i + 1) === 60) {
            this.heredocStart(i);
            return;
          }
          if (text.charCodeAt(i + 1) === 61) this.set(T.LTE, i, i + 2);
          else this.set(T.LT, i, i + 1);
          return;
        case 62: // >
          if (text.charCodeAt(i + 1) === 61) this.set(T.GTE, i, i + 2);
          else this.set(T.GT, i, i + 1);
          return;
        case 38: // &
          if (text.charCodeAt(i + 1) === 38) {
            this.set(T.AND, i, i + 2);
            return;
          }
          break;
        case 124: // |
          if (text.charCodeAt(i + 1) === 124) {
            this.set(T.OR, i, i + 2);
            return;
          }
          break;
        case 63:
          this.set(T.QUESTION, i, i + 1);
          return;
        case 58: // :
          if (text.charCodeAt(i + 1) === 58) this.set(T.DCOLON, i, i + 2);
          else this.set(T.COLON, i, i + 1);
          return;
        case 43:
          this.set(T.PLUS, i, i + 1);
          return;
        case 45:
          this.set(T.MINUS, i, i + 1);
          return;
        case 42:
          this.set(T.STAR, i, i + 1);
          return;
        case 37: // %
          if (text.charCodeAt(i + 1) === 123) this.set(T.TEMPLATE_OPEN, i, i + 2);
          else this.set(T.PERCENT, i, i + 1);
          return;
        case 126:
          this.set(T.TILDE, i, i + 1);
          return;
        case 36: // $
          if (text.charCodeAt(i + 1) === 123) {
            this.set(T.TEMPLATE_OPEN, i, i + 2);
            return;
          }
          break;
        default:
          if (c >= 48 && c <= 57) {
            this.set(T.NUMBER, i, scanNumberEnd(text, i));
            return;
          }
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
            this.set(T.IDENT, i, scanIdentEnd(text, i + 1));
            return;
          }
          if (c >= 128) {
            const cp = codePointAt(text, i);
            if (isIdentStart(cp)) {
              this.set(T.IDENT, i, scanIdentEnd(text, i + (cp > 0xffff ? 2 : 1)));
              return;
            }
            if (cp === 0xfeff && i === 0) {
              this.invalid(i, 1, 'The file starts with a byte order mark, which is not permitted. Save the file as UTF-8 without a BOM.');
              return;
            }
            this.invalid(i, cp > 0xffff ? 2 : 1, 'This character is not used within the language.');
            return;
          }
      }
      if (c === 39) {
        this.invalid(i, 1, 'Single quotes are not valid. Use double quotes (") to enclose strings.');
        return;
      }
      this.invalid(i, 1, 'This character is not used within the language.');
      return;
    }
  }

  private set(kind: TokenKind, start: number, end: number): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.pos = end;
  }

  private invalid(i: number, width: number, detail: string): void {
    if (this.lastInvalidEnd !== i) {
      this.diagnostics.push(syntaxError(codes.invalidChar, 'Invalid character', detail, this.positions.range(i, i + width)));
    }
    this.lastInvalidEnd = i + width;
    this.set(T.INVALID, i, i + width);
  }

  private lineComment(i: number, style: 'hash' | 'slash'): number {
    const text = this.text;
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    let textEnd = end;
    if (textEnd > i && text.charCodeAt(textEnd - 1) === 13) textEnd--;
    this.comments.push(new CommentNode(this.positions, i, textEnd, style, text.slice(i, textEnd)));
    return end;
  }

  private blockComment(i: number): number {
    const text = this.text;
    const close = text.indexOf('*/', i + 2);
    const end = close < 0 ? text.length : close + 2;
    if (close < 0) {
      this.diagnostics.push(
        syntaxError(codes.unterminatedComment, 'Unterminated comment', 'There is no closing "*/" for this comment before the end of the file.', this.positions.range(i, i + 2)),
      );
    }
    this.comments.push(new CommentNode(this.positions, i, end, 'block', text.slice(i, end)));
    return end;
  }

  /** `<<EOT` or `<<-EOT` followed by a newline. Anything else after `<<` is an error. */
  private heredocStart(i: number): void {
    const text = this.text;
    let j = i + 2;
    const indented = text.charCodeAt(j) === 45;
    if (indented) j++;
    const identStart = j;
    if (j < text.length && isIdentStart(codePointAt(text, j))) j = scanIdentEnd(text, j + 1);
    let nl = j;
    if (text.charCodeAt(nl) === 13) nl++;
    if (j === identStart || text.charCodeAt(nl) !== 10) {
      if (this.lastInvalidEnd !== i) {
        this.diagnostics.push(
          syntaxError(
            codes.invalidHeredoc,
            'Invalid heredoc introduction',
            'A heredoc starts with "<<" or "<<-", then an identifier as its closing marker, then a newline.',
            this.positions.range(i, j),
          ),
        );
      }
      this.lastInvalidEnd = j;
      this.set(T.INVALID, i, j);
      return;
    }
    this.heredocMarker = text.slice(identStart, j);
    this.heredocIndented = indented;
    this.set(T.HEREDOC, i, nl + 1);
  }
}

/** Index just past a number starting at `i`: digits, optional `.digits`, optional exponent. */
export function scanNumberEnd(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      i = j + 1;
      while (isDigit(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

/**
 * If a heredoc's closing marker line starts at `i` (blanks, `marker`, then a newline or the end
 * of the text), the offset just past the marker; else -1.
 */
export function heredocCloseAt(text: string, i: number, marker: string): number {
  let j = i;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  if (!text.startsWith(marker, j)) return -1;
  const after = j + marker.length;
  if (after >= text.length) return after;
  const c = text.charCodeAt(after);
  if (c === 10 || (c === 13 && text.charCodeAt(after + 1) === 10)) return after;
  return -1;
}
