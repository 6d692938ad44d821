/**
 * Scanning of template content (quoted strings, heredocs, standalone templates) into a flat
 * list of template tokens: literals, interpolations and directive tags. Interpolation and
 * directive expressions are parsed on the way with the expression parser. The structure
 * (`if`/`for` nesting), strip markers and heredoc indentation are applied in parse-template.
 */
import type { Expression, Identifier } from './ast.js';
import { isHexDigit } from './chars.js';
import { heredocCloseAt } from './lexer.js';
import { codes } from './messages.js';
import { parseExpression } from './parse-expression.js';
import type { Parser } from './parser-state.js';
import { T } from './tokens.js';

export type ScanMode = 'quoted' | 'heredoc' | 'standalone';

export interface LiteralTok {
  kind: 'lit';
  value: string;
  start: number;
  end: number;
}

export interface InterpTok {
  kind: 'interp';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  start: number;
  end: number;
}

export interface DirectiveTok {
  kind: 'if' | 'else' | 'endif' | 'for' | 'endfor';
  condition?: Expression;
  keyVar?: Identifier;
  valueVar?: Identifier;
  collection?: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  start: number;
  end: number;
}

export type TemplateTok = LiteralTok | InterpTok | DirectiveTok;

export interface ScanResult {
  tokens: TemplateTok[];
  /** Offset of the end of the content (the closing quote or the closing marker line). */
  contentEnd: number;
  /** Offset just past the closing delimiter (the quote, or the heredoc marker). */
  end: number;
  closed: boolean;
}

/**
 * Scans from `start` (just after the opening quote / heredoc newline, or 0 for standalone).
 * For heredocs `marker` is the closing marker.
 */
export function scanTemplate(p: Parser, start: number, mode: ScanMode, marker = ''): ScanResult {
  const text = p.text;
  const n = text.length;
  const tokens: TemplateTok[] = [];
  let i = start;
  let litStart = i;
  let segStart = i;
  let buf = '';

  const flush = (end: number): void => {
    if (end > litStart || buf !== '') {
      const value = buf === '' ? text.slice(litStart, end) : buf + text.slice(segStart, end);
      tokens.push({ kind: 'lit', value, start: litStart, end });
    }
    buf = '';
  };

  if (mode === 'heredoc') {
    const close = heredocCloseAt(text, i, marker);
    if (close >= 0) return { tokens, contentEnd: i, end: close, closed: true };
  }

  for (;;) {
    if (i >= n) {
      flush(n);
      return { tokens, contentEnd: n, end: n, closed: mode === 'standalone' };
    }
    const c = text.charCodeAt(i);
    if (mode === 'quoted') {
      if (c === 34) {
        flush(i);
        return { tokens, contentEnd: i, end: i + 1, closed: true };
      }
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) {
        flush(i);
        return { tokens, contentEnd: i, end: i, closed: false };
      }
      if (c === 92) {
        buf += text.slice(segStart, i);
        const [decoded, width] = decodeEscape(p, i);
        buf += decoded;
        i += width;
        segStart = i;
        continue;
      }
    } else if (c === 10 && mode === 'heredoc') {
      i++;
      flush(i);
      const close = heredocCloseAt(text, i, marker);
      if (close >= 0) return { tokens, contentEnd: i, end: close, closed: true };
      litStart = segStart = i;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
      flush(i);
      const after = c === 36 ? scanInterpolation(p, i, tokens, mode) : scanDirective(p, i, tokens, mode);
      i = after;
      litStart = segStart = i;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
      // `$${` and `%%{` are the literal `${` and `%{`.
      buf += text.slice(segStart, i + 1);
      i += 2;
      segStart = i;
      continue;
    }
    i++;
  }
}

/** Decodes the escape at `i` (a backslash) in a quoted string: the text and the width consumed. */
function decodeEscape(p: Parser, i: number): [string, number] {
  const text = p.text;
  const c = text.charCodeAt(i + 1);
  switch (c) {
    case 110:
      return ['\n', 2];
    case 114:
      return ['\r', 2];
    case 116:
      return ['\t', 2];
    case 34:
      return ['"', 2];
    case 92:
      return ['\\', 2];
    case 117: // u
    case 85: {
      // U
      const digits = c === 117 ? 4 : 8;
      let j = i + 2;
      while (j < i + 2 + digits && isHexDigit(text.charCodeAt(j))) j++;
      if (j - (i + 2) === digits) {
        const cp = parseInt(text.slice(i + 2, j), 16);
        if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) return [String.fromCodePoint(cp), 2 + digits];
        p.error(codes.invalidEscape, 'Invalid escape sequence', `The escape sequence "${text.slice(i, j)}" does not name a valid Unicode character.`, p.range(i, j));
        return ['\ufffd', 2 + digits];
      }
      p.error(
        codes.invalidEscape,
        'Invalid escape sequence',
        `The "\\${String.fromCharCode(c)}" escape must be followed by ${digits} hexadecimal digits.`,
        p.range(i, j),
      );
      return ['', j - i];
    }
    default: {
      if (Number.isNaN(c) || c === 10 || c === 13) {
        p.error(codes.invalidEscape, 'Invalid escape sequence', 'A backslash at the end of a line does not continue the string.', p.range(i, i + 1));
        return ['', 1];
      }
      const cp = text.codePointAt(i + 1) ?? c;
      const width = cp > 0xffff ? 3 : 2;
      p.error(
        codes.invalidEscape,
        'Invalid escape sequence',
        `The symbol "${String.fromCodePoint(cp)}" is not a valid escape sequence selector.`,
        p.range(i, i + width),
      );
      return [String.fromCodePoint(cp), width];
    }
  }
}

/** Begins expression lexing at `offset`, with newlines insignificant. Returns the previous mode. */
function enterExpression(p: Parser, offset: number): boolean {
  const lx = p.lx;
  const saved = lx.skipNewlines;
  lx.skipNewlines = true;
  lx.reset(offset);
  lx.next();
  return saved;
}

/**
 * Expects the end of a `${...}` or `%{...}` sequence at the current token: optional `~`, then
 * `}`. Returns [stripRight, offset to resume scanning at].
 */
function closeSequence(p: Parser, what: 'interpolation' | 'directive', openStart: number, mode: ScanMode, quiet = false): [boolean, number] {
  const lx = p.lx;
  let strip = false;
  if (lx.tok() === T.TILDE) {
    strip = true;
    lx.next();
  }
  if (lx.tok() === T.CBRACE) return [strip, lx.end];
  if (lx.tok() === T.EOF || (mode === 'quoted' && lx.tok() === T.OQUOTE)) {
    p.error(
      codes.unclosedInterpolation,
      what === 'interpolation' ? 'Unclosed template interpolation' : 'Unclosed template directive',
      `There is no closing brace for this ${what} sequence.`,
      p.range(openStart, openStart + 2),
    );
    return [strip, lx.start];
  }
  if (!quiet) p.errorAtToken(
    codes.extraAfterInterpolation,
    what === 'interpolation' ? 'Extra characters after interpolation expression' : 'Extra characters in template directive',
    `Expected a closing brace to end the ${what}, but found extra characters.`,
  );
  // Resume after the next closing brace on this line, or at the token that stopped us.
  const text = p.text;
  let j = lx.start;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 125) return [strip, j + 1];
    if (c === 10 || (mode === 'quoted' && c === 34)) break;
    j++;
  }
  return [strip, lx.start];
}

function scanInterpolation(p: Parser, i: number, tokens: TemplateTok[], mode: ScanMode): number {
  const text = p.text;
  let j = i + 2;
  const stripLeft = text.charCodeAt(j) === 126;
  if (stripLeft) j++;
  const saved = enterExpression(p, j);
  const reported = p.diagnostics.length;
  const expr = parseExpression(p);
  const [stripRight, resume] = closeSequence(p, 'interpolation', i, mode, p.diagnostics.length > reported);
  p.lx.skipNewlines = saved;
  tokens.push({ kind: 'interp', expr, stripLeft, stripRight, start: i, end: resume });
  return resume;
}

function scanDirective(p: Parser, i: number, tokens: TemplateTok[], mode: ScanMode): number {
  const text = p.text;
  let j = i + 2;
  const stripLeft = text.charCodeAt(j) === 126;
  if (stripLeft) j++;
  const saved = enterExpression(p, j);
  const lx = p.lx;
  const tok: DirectiveTok = { kind: 'if', stripLeft, stripRight: false, start: i, end: i };
  let ok = true;
  if (p.isIdent('if')) {
    lx.next();
    tok.condition = parseExpression(p);
  } else if (p.isIdent('else') || p.isIdent('endif') || p.isIdent('endfor')) {
    tok.kind = p.tokenText() as 'else' | 'endif' | 'endfor';
    lx.next();
  } else if (p.isIdent('for')) {
    tok.kind = 'for';
    lx.next();
    scanForIntro(p, tok);
  } else {
    p.errorAtToken(
      codes.invalidDirective,
      'Invalid template directive',
      'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
    );
    ok = false;
  }
  const [stripRight, resume] = closeSequence(p, 'directive', i, mode, !ok);
  lx.skipNewlines = saved;
  tok.stripRight = stripRight;
  tok.end = resume;
  if (ok) tokens.push(tok);
  return resume;
}

function scanForIntro(p: Parser, tok: DirectiveTok): void {
  const lx = p.lx;
  const first = p.identifier();
  if (!first) {
    p.errorAtToken(codes.invalidFor, 'Invalid template "for" directive', 'A "for" directive needs the name of an iteration variable after "for".');
    return;
  }
  if (lx.tok() === T.COMMA) {
    lx.next();
    const second = p.identifier();
    if (!second) {
      p.errorAtToken(codes.invalidFor, 'Invalid template "for" directive', 'The name of a value variable is required after the comma.');
      return;
    }
    tok.keyVar = first;
    tok.valueVar = second;
  } else {
    tok.valueVar = first;
  }
  if (!p.isIdent('in')) {
    p.errorAtToken(codes.invalidFor, 'Invalid template "for" directive', 'The "in" keyword is required after the iteration variable names.');
    return;
  }
  lx.next();
  tok.collection = parseExpression(p);
}
