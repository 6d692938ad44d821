/**
 * The state shared by the native-syntax parsing functions: the lexer with its current token,
 * the diagnostics being collected, and helpers for ranges, newline modes and recovery.
 * The parse functions (parse-body, parse-expression, parse-template) take a `Parser` and move
 * it forward; none of them moves backwards.
 */
import type { Diagnostic, SourceRange } from '../diag/index.js';
import type { Identifier } from './ast.js';
import { Lexer, heredocCloseAt } from './lexer.js';
import { codes, syntaxError } from './messages.js';
import type { HclCode } from './messages.js';
import { IdentNode } from './nodes.js';
import type { Positions } from './positions.js';
import { T } from './tokens.js';

interface LexerMark {
  kind: number;
  start: number;
  end: number;
  comments: number;
  diagnostics: number;
}

export class Parser {
  readonly lx: Lexer;
  readonly file: string;
  private names: (string | undefined)[] = EMPTY_CACHE;
  /** Nesting depth of parse calls, to turn pathological nesting into a diagnostic. */
  depth = 0;
  /** Set once nesting went too deep: the rest of the file is skipped without more diagnostics. */
  bailed = false;

  constructor(
    readonly text: string,
    readonly positions: Positions,
    readonly diagnostics: Diagnostic[],
  ) {
    this.lx = new Lexer(text, positions, diagnostics);
    this.file = positions.file;
  }

  advance(): void {
    this.lx.next();
  }

  /**
   * Sets whether newlines are tokens and returns the previous setting. When newlines become
   * insignificant while the current token is a newline, it is skipped at once.
   */
  setSkipNewlines(skip: boolean): boolean {
    const lx = this.lx;
    const previous = lx.skipNewlines;
    lx.skipNewlines = skip;
    if (skip) while (lx.tok() === T.NEWLINE) lx.next();
    return previous;
  }

  /** The current token's text (a fresh slice; see `identText` for names). */
  tokenText(): string {
    return this.text.slice(this.lx.start, this.lx.end);
  }

  /**
   * The current identifier's text, shared with earlier occurrences of the same name through a
   * small direct-mapped cache (names repeat a lot; the cache avoids a slice per occurrence).
   */
  identText(): string {
    const lx = this.lx;
    return this.internRange(lx.start, lx.end);
  }

  internRange(start: number, end: number): string {
    const text = this.text;
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 13)) & (NAME_CACHE - 1);
    if (this.names === EMPTY_CACHE) this.names = new Array<string | undefined>(NAME_CACHE);
    const known = this.names[slot];
    if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
    const made = text.slice(start, end);
    this.names[slot] = made;
    return made;
  }

  /** `value` or an equal string seen before (best effort, for repeated names such as labels). */
  intern(value: string): string {
    let h = value.length;
    for (let i = 0; i < value.length; i++) h = (Math.imul(h, 31) + value.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 13)) & (NAME_CACHE - 1);
    if (this.names === EMPTY_CACHE) this.names = new Array<string | undefined>(NAME_CACHE);
    const known = this.names[slot];
    if (known === value) return known;
    this.names[slot] = value;
    return value;
  }

  isIdent(word: string): boolean {
    const lx = this.lx;
    return lx.tok() === T.IDENT && lx.end - lx.start === word.length && this.text.startsWith(word, lx.start);
  }

  /** At an identifier: its node, moving past it. Anything else: undefined, without moving. */
  identifier(): Identifier | undefined {
    const lx = this.lx;
    if (lx.tok() !== T.IDENT) return undefined;
    const id = new IdentNode(this.positions, lx.start, lx.end, this.identText());
    lx.next();
    return id;
  }

  range(start: number, end: number): SourceRange {
    return this.positions.range(start, end);
  }

  tokenRange(): SourceRange {
    return this.positions.range(this.lx.start, this.lx.end);
  }

  error(code: HclCode, summary: string, detail: string, range: SourceRange): void {
    if (this.bailed) return;
    this.diagnostics.push(syntaxError(code, summary, detail, range));
  }

  /**
   * Too deep nesting: reports it once at the current token and skips to the end of the file,
   * so that the callers unwinding from the depth see the end and stop quietly.
   */
  bail(): void {
    if (!this.bailed) {
      this.error(codes.nestingTooDeep, 'Nesting too deep', `Expressions and blocks may nest at most ${MAX_DEPTH} levels deep.`, this.tokenRange());
      this.bailed = true;
    }
    this.lx.reset(this.text.length);
    this.lx.next();
  }

  /** Reports at the current token, unless it is an invalid character already reported. */
  errorAtToken(code: HclCode, summary: string, detail: string): void {
    if (this.lx.tok() === T.INVALID) return;
    this.error(code, summary, detail, this.tokenRange());
  }

  /**
   * Skips tokens until one of `stops` at nesting level zero (not consumed), or the end of
   * file. Brackets, braces and parentheses are balanced on the way, and strings and heredocs
   * are skipped whole, so that recovery resumes at a sensible place. An unbalanced closing
   * bracket stops the skip, except `]` and `)` in `lineOnly` mode (recovery in a body), which
   * are skipped. In `lineOnly` mode a bracket that is never closed does not swallow the rest
   * of the file: the skip then ends at the first newline after the error instead.
   */
  skipUntil(stops: readonly number[], lineOnly = false): void {
    let depth = 0;
    const lx = this.lx;
    let mark: LexerMark | undefined;
    for (;;) {
      const kind = lx.tok();
      if (kind === T.EOF) {
        if (mark) this.restore(mark);
        return;
      }
      if (depth === 0 && stops.includes(kind)) return;
      switch (kind) {
        case T.NEWLINE:
          if (lineOnly && !mark) mark = this.mark();
          break;
        case T.OBRACE:
        case T.OBRACK:
        case T.OPAREN:
        case T.TEMPLATE_OPEN:
          depth++;
          break;
        case T.CBRACE:
          if (depth === 0) return;
          depth--;
          break;
        case T.CBRACK:
        case T.CPAREN:
          if (depth === 0 && !lineOnly) return;
          if (depth > 0) depth--;
          break;
        case T.OQUOTE:
          this.skipQuotedString();
          break;
        case T.HEREDOC:
          this.skipHeredoc();
          break;
        default:
          break;
      }
      lx.next();
    }
  }

  private mark(): LexerMark {
    const lx = this.lx;
    return { kind: lx.kind, start: lx.start, end: lx.end, comments: lx.comments.length, diagnostics: this.diagnostics.length };
  }

  private restore(mark: LexerMark): void {
    const lx = this.lx;
    lx.kind = mark.kind;
    lx.start = mark.start;
    lx.end = mark.end;
    lx.reset(mark.end);
    lx.comments.length = mark.comments;
    this.diagnostics.length = mark.diagnostics;
  }

  /** From an opening quote, moves the scan position past the closing quote (or line end). */
  private skipQuotedString(): void {
    const text = this.text;
    let i = this.lx.end;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) {
        i++;
        break;
      } else if (c === 10) break;
      else i++;
    }
    this.lx.reset(Math.min(i, text.length));
  }

  /** From a heredoc introduction, moves the scan position past its closing marker line. */
  private skipHeredoc(): void {
    const text = this.text;
    const marker = this.lx.heredocMarker;
    let i = this.lx.end;
    while (i < text.length) {
      const close = heredocCloseAt(text, i, marker);
      if (close >= 0) {
        this.lx.reset(close);
        return;
      }
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl + 1;
    }
    this.lx.reset(text.length);
  }
}

const NAME_CACHE = 4096;
const EMPTY_CACHE: (string | undefined)[] = [];

/** Deepest nesting of expressions and blocks before the parser gives up on a branch. */
export const MAX_DEPTH = 500;
