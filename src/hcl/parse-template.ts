/**
 * Templates: quoted strings, heredocs and standalone templates become `template` nodes.
 * Order of processing follows HCL: strip markers trim the adjacent literals first, then the
 * `<<-` form removes the common indentation of line-leading literals, then adjacent literals
 * merge and empty ones drop, then `if`/`for` directives are nested.
 */
import type { DirectiveMarker, HeredocExpr, TemplateExpr, TemplatePart } from './ast.js';
import { codes } from './messages.js';
import type { Parser } from './parser-state.js';
import { scanTemplate } from './template-scan.js';
import type { DirectiveTok, LiteralTok, TemplateTok } from './template-scan.js';

/** At an opening quote: parses through the closing quote and advances past it. */
export function parseQuotedTemplate(p: Parser): TemplateExpr {
  const start = p.lx.start;
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
  return { kind: 'template', parts, quoted: true, range: p.range(start, scan.end) };
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
  const template: TemplateExpr = { kind: 'template', parts, quoted: false, range: p.range(contentStart, scan.contentEnd) };
  lx.reset(scan.end);
  p.advance();
  return { kind: 'heredoc', marker, indented, template, range: p.range(start, scan.end) };
}

/** The whole text as a template (for `templatefile` and JSON strings). */
export function parseStandaloneTemplate(p: Parser): TemplateExpr {
  const scan = scanTemplate(p, 0, 'standalone');
  const parts = buildParts(p, scan.tokens, false);
  return { kind: 'template', parts, quoted: false, range: p.range(0, p.text.length) };
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
  const parts = nest(p, merged, cursor, null);
  return parts;
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

function mergeLiterals(tokens: TemplateTok[]): TemplateTok[] {
  const out: TemplateTok[] = [];
  for (const tok of tokens) {
    if (tok.kind === 'lit') {
      const last = out[out.length - 1];
      if (last?.kind === 'lit') {
        last.value += tok.value;
        last.end = tok.end;
        continue;
      }
      if (tok.value === '') {
        out.push({ ...tok });
        continue;
      }
    }
    out.push(tok);
  }
  return out.filter((tok) => tok.kind !== 'lit' || tok.value !== '');
}

function marker(p: Parser, tok: DirectiveTok): DirectiveMarker {
  return { stripLeft: tok.stripLeft, stripRight: tok.stripRight, range: p.range(tok.start, tok.end) };
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
        parts.push({ kind: 'template-literal', value: tok.value, range: p.range(tok.start, tok.end) });
        cursor.i++;
        break;
      case 'interp':
        parts.push({ kind: 'interpolation', expr: tok.expr, stripLeft: tok.stripLeft, stripRight: tok.stripRight, range: p.range(tok.start, tok.end) });
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
        if (until?.includes(tok.kind)) return parts;
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
  return parts;
}

function nestIf(p: Parser, tokens: TemplateTok[], cursor: { i: number }, open: DirectiveTok): TemplatePart {
  const thenParts = nest(p, tokens, cursor, ['else', 'endif', 'endfor']);
  let next = tokens[cursor.i];
  let elseMarker: DirectiveMarker | undefined;
  let elseParts: TemplatePart[] | undefined;
  if (next?.kind === 'else') {
    elseMarker = marker(p, next as DirectiveTok);
    cursor.i++;
    elseParts = nest(p, tokens, cursor, ['endif', 'endfor', 'else']);
    next = tokens[cursor.i];
  }
  let endifMarker: DirectiveMarker;
  let end = open.end;
  if (next?.kind === 'endif') {
    endifMarker = marker(p, next as DirectiveTok);
    end = (next as DirectiveTok).end;
    cursor.i++;
  } else {
    p.error(codes.unclosedDirective, 'Unclosed template directive', 'There is no "endif" to end this "if" directive.', p.range(open.start, open.end));
    const last = tokens[cursor.i - 1];
    if (last) end = last.end;
    endifMarker = { stripLeft: false, stripRight: false, range: p.range(end, end) };
  }
  const condition = open.condition ?? { kind: 'invalid' as const, range: p.range(open.start, open.end) };
  const node: TemplatePart = { kind: 'template-if', condition, thenParts, ifMarker: marker(p, open), endifMarker, range: p.range(open.start, end) };
  if (elseParts && elseMarker) return { ...node, elseParts, elseMarker };
  return node;
}

function nestFor(p: Parser, tokens: TemplateTok[], cursor: { i: number }, open: DirectiveTok): TemplatePart {
  const bodyParts = nest(p, tokens, cursor, ['endfor', 'else', 'endif']);
  const next = tokens[cursor.i];
  let endforMarker: DirectiveMarker;
  let end = open.end;
  if (next?.kind === 'endfor') {
    endforMarker = marker(p, next as DirectiveTok);
    end = (next as DirectiveTok).end;
    cursor.i++;
  } else {
    p.error(codes.unclosedDirective, 'Unclosed template directive', 'There is no "endfor" to end this "for" directive.', p.range(open.start, open.end));
    const last = tokens[cursor.i - 1];
    if (last) end = last.end;
    endforMarker = { stripLeft: false, stripRight: false, range: p.range(end, end) };
  }
  const valueVar = open.valueVar ?? { name: '', range: p.range(open.start, open.start) };
  const collection = open.collection ?? { kind: 'invalid' as const, range: p.range(open.start, open.end) };
  const base = { kind: 'template-for' as const, valueVar, collection, bodyParts, forMarker: marker(p, open), endforMarker, range: p.range(open.start, end) };
  return open.keyVar ? { ...base, keyVar: open.keyVar } : base;
}
