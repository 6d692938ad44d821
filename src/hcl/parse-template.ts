/**
 * Templates: quoted strings, heredocs and standalone templates become `template` nodes.
 * Order of processing follows HCL: strip markers trim the adjacent literals first, then the
 * `<<-` form removes the common indentation of line-leading literals, then adjacent literals
 * merge and empty ones drop, then `if`/`for` directives are nested.
 */
import type { DirectiveMarker, HeredocExpr, TemplateExpr, TemplatePart } from './ast.js';
import { codes } from './messages.js';
import { IdentNode, MarkerNode, exact } from './nodes.js';
import {
  HeredocNode,
  InterpolationNode,
  InvalidNode,
  LiteralPartNode,
  SimpleLiteralPartNode,
  SimpleTemplateNode,
  TemplateForNode,
  TemplateIfNode,
  TemplateNode,
} from './nodes-expr.js';
import type { Parser } from './parser-state.js';
import { scanTemplate } from './template-scan.js';
import type { DirectiveTok, LiteralTok, TemplateTok } from './template-scan.js';

/** At an opening quote: parses through the closing quote and advances past it. */
export function parseQuotedTemplate(p: Parser): TemplateExpr {
  const start = p.lx.start;
  const simple = simpleStringEnd(p.text, start + 1);
  if (simple > 0) {
    p.lx.reset(simple + 1);
    p.advance();
    if (simple === start + 1) return new TemplateNode(p.positions, start, simple + 1, [], true);
    return new SimpleTemplateNode([new SimpleLiteralPartNode(p.positions, start + 1, p.text.slice(start + 1, simple))]);
  }
  const scan = scanTemplate(p, p.lx.end, 'quoted');
  if (!scan.closed) {
    const atEnd = scan.end >= p.text.length;
    p.error(
      codes.unterminatedString,
      'Unterminated template string',
      atEnd
        ? 'No closing marker was found for the string before the end of the file.'
        : 'No closing quote was found for the string on this line. Quoted strings may not be split over multiple lines: use the \\n escape or a heredoc for a multi-line string.',
      p.range(start, start + 1),
    );
  }
  const parts = buildParts(p, scan.tokens, false);
  p.lx.reset(scan.end);
  p.advance();
  return new TemplateNode(p.positions, start, scan.end, parts, true);
}

/**
 * The offset of the closing quote when the string from `i` has no escapes, template sequences
 * or line breaks (the common case, parsed without the general template machinery); else -1.
 */
function simpleStringEnd(text: string, i: number): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i;
    if (c === 92 || c === 10 || c === 13 || ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123)) return -1;
  }
  return -1;
}

/** At a heredoc introduction: parses through the closing marker and advances past it. */
export function parseHeredoc(p: Parser): HeredocExpr {
  const lx = p.lx;
  const start = lx.start;
  const marker = p.intern(lx.heredocMarker);
  const indented = lx.heredocIndented;
  const contentStart = lx.end;
  const scan = scanTemplate(p, contentStart, 'heredoc', marker);
  if (!scan.closed) {
    p.error(
      codes.unclosedHeredoc,
      'Unclosed heredoc',
      `There is no line with the closing marker "${marker}" for this heredoc before the end of the file.`,
      p.range(start, contentStart),
    );
  }
  const parts = buildParts(p, scan.tokens, indented);
  const template = new TemplateNode(p.positions, contentStart, scan.contentEnd, parts, false);
  lx.reset(scan.end);
  p.advance();
  return new HeredocNode(p.positions, start, scan.end, marker, indented, template);
}

/** The whole text as a template (for `templatefile` and JSON strings). */
export function parseStandaloneTemplate(p: Parser): TemplateExpr {
  const scan = scanTemplate(p, 0, 'standalone');
  const parts = buildParts(p, scan.tokens, false);
  return new TemplateNode(p.positions, 0, p.text.length, parts, false);
}

/** A quoted string that must be literal (a block label): its value, reporting templates. */
export function quotedLiteralValue(p: Parser, template: TemplateExpr): string {
  let value = '';
  for (const part of template.parts) {
    if (part.kind === 'template-literal') value += part.value;
    else {
      p.error(
        codes.invalidStringLiteral,
        'Invalid string literal',
        'Template sequences are not allowed in this string. To include a literal "$", double it (as "$$") to escape it.',
        part.range,
      );
    }
  }
  return value;
}

function buildParts(p: Parser, tokens: TemplateTok[], indented: boolean): TemplatePart[] {
  applyStripMarkers(tokens);
  if (indented) removeCommonIndent(tokens);
  const merged = mergeLiterals(tokens);
  const cursor = { i: 0 };
  return nest(p, merged, cursor, null);
}

function applyStripMarkers(tokens: TemplateTok[]): void {
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as TemplateTok;
    if (tok.kind === 'lit') continue;
    const before = tokens[k - 1];
    if (tok.stripLeft && before?.kind === 'lit') before.value = before.value.trimEnd();
    const after = tokens[k + 1];
    if (tok.stripRight && after?.kind === 'lit') after.value = after.value.trimStart();
  }
}

/** `<<-`: the least leading whitespace of non-blank line-leading literals is removed from them. */
function removeCommonIndent(tokens: TemplateTok[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  const adjust: LiteralTok[] = [];
  let atLineStart = true;
  for (const tok of tokens) {
    if (atLineStart) {
      if (tok.kind === 'lit') {
        const leading = leadingSpaceCount(tok.value);
        const blank = tok.value.endsWith('\n') && tok.value.trim() === '';
        if (!blank) {
          adjust.push(tok);
          if (leading < min) min = leading;
        }
      } else {
        min = 0;
      }
    }
    atLineStart = tok.kind === 'lit' && tok.value.endsWith('\n');
  }
  if (min === 0 || min === Number.MAX_SAFE_INTEGER) return;
  for (const tok of adjust) tok.value = tok.value.slice(Math.min(min, leadingSpaceCount(tok.value)));
}

function leadingSpaceCount(value: string): number {
  let i = 0;
  while (i < value.length) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** Joins runs of adjacent literals (heredoc lines) into one flat string each; drops empty ones. */
function mergeLiterals(tokens: TemplateTok[]): TemplateTok[] {
  const out: TemplateTok[] = [];
  let run: LiteralTok[] = [];
  const flushRun = (): void => {
    const first = run[0];
    if (!first) return;
    const value = run.length === 1 ? first.value : run.map((t) => t.value).join('');
    if (value !== '') out.push({ ...first, value, end: (run[run.length - 1] as LiteralTok).end });
    run = [];
  };
  for (const tok of tokens) {
    if (tok.kind === 'lit') run.push(tok);
    else {
      flushRun();
      out.push(tok);
    }
  }
  flushRun();
  return out;
}

function marker(p: Parser, tok: DirectiveTok): DirectiveMarker {
  return new MarkerNode(p.positions, tok.start, tok.end, tok.stripLeft, tok.stripRight);
}

/**
 * Builds parts until a directive in `until` (left unconsumed at `cursor.i`) or the end.
 * Unmatched `else`/`endif`/`endfor` are reported and dropped.
 */
function nest(p: Parser, tokens: TemplateTok[], cursor: { i: number }, until: readonly string[] | null): TemplatePart[] {
  const parts: TemplatePart[] = [];
  while (cursor.i < tokens.length) {
    const tok = tokens[cursor.i] as TemplateTok;
    switch (tok.kind) {
      case 'lit':
        parts.push(new LiteralPartNode(p.positions, tok.start, tok.end, tok.value));
        cursor.i++;
        break;
      case 'interp':
        parts.push(new InterpolationNode(p.positions, tok.start, tok.end, tok.expr, tok.stripLeft, tok.stripRight));
        cursor.i++;
        break;
      case 'if':
        cursor.i++;
        parts.push(nestIf(p, tokens, cursor, tok));
        break;
      case 'for':
        cursor.i++;
        parts.push(nestFor(p, tokens, cursor, tok));
        break;
      case 'else':
      case 'endif':
      case 'endfor':
        if (until?.includes(tok.kind)) return exact(parts);
        p.error(
          codes.unexpectedDirective,
          `Unexpected "${tok.kind}" directive`,
          tok.kind === 'endfor' ? 'There is no open "for" directive for this "endfor" to close.' : `There is no open "if" directive for this "${tok.kind}" to belong to.`,
          p.range(tok.start, tok.end),
        );
        cursor.i++;
        break;
      default: {
        const never: never = tok;
        return never;
      }
    }
  }
  return exact(parts);
}

function nestIf(p: Parser, tokens: TemplateTok[], cursor: { i: number }, open: DirectiveTok): TemplatePart {
  const thenParts = nest(p, tokens, cursor, ['else', 'endif', 'endfor']);
  const next = tokens[cursor.i];
  let elseMarker: DirectiveMarker | undefined;
  let elseParts: TemplatePart[] | undefined;
  if (next?.kind === 'else') {
    elseMarker = marker(p, next);
    cursor.i++;
    elseParts = nest(p, tokens, cursor, ['endif', 'endfor', 'else']);
  }
  const close = closeDirective(p, tokens, cursor, open, 'endif');
  const condition = open.condition ?? new InvalidNode(p.positions, open.start, open.end);
  return new TemplateIfNode(p.positions, open.start, close.end, condition, thenParts, marker(p, open), close.marker, elseParts, elseMarker);
}

function nestFor(p: Parser, tokens: TemplateTok[], cursor: { i: number }, open: DirectiveTok): TemplatePart {
  const bodyParts = nest(p, tokens, cursor, ['endfor', 'else', 'endif']);
  const close = closeDirective(p, tokens, cursor, open, 'endfor');
  const valueVar = open.valueVar ?? new IdentNode(p.positions, open.start, open.start, '');
  const collection = open.collection ?? new InvalidNode(p.positions, open.start, open.end);
  return new TemplateForNode(p.positions, open.start, close.end, valueVar, collection, bodyParts, marker(p, open), close.marker, open.keyVar);
}

/**
 * At the token after the parts of `open`: consumes its `closer` directive, or reports it
 * missing. Returns the closer's marker (when missing, an empty one where the parts end) and
 * the end offset of the whole directive.
 */
function closeDirective(p: Parser, tokens: TemplateTok[], cursor: { i: number }, open: DirectiveTok, closer: 'endif' | 'endfor'): { marker: DirectiveMarker; end: number } {
  const next = tokens[cursor.i];
  if (next?.kind === closer) {
    cursor.i++;
    return { marker: marker(p, next), end: next.end };
  }
  p.error(codes.unclosedDirective, 'Unclosed template directive', `There is no "${closer}" to end this "${open.kind}" directive.`, p.range(open.start, open.end));
  const end = tokens[cursor.i - 1]?.end ?? open.end;
  return { marker: new MarkerNode(p.positions, end, end, false, false), end };
}
