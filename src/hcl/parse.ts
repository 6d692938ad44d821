/**
 * Entry points for native syntax. None of them throws for any input: problems are returned
 * as diagnostics, and the returned tree holds everything that parsed.
 */
import type { Diagnostic, SourcePos } from '../diag/index.js';
import type { Expression, TemplateExpr } from './ast.js';
import type { HclFile } from './ast.js';
import { codes } from './messages.js';
import { BodyNode, FileNode, exact } from './nodes.js';
import { parseBody } from './parse-body.js';
import { parseExpression as parseExpr } from './parse-expression.js';
import { parseStandaloneTemplate } from './parse-template.js';
import { Parser } from './parser-state.js';
import type { Positions } from './positions.js';
import { TextPositions } from './positions.js';
import { T } from './tokens.js';

export interface ParseResult {
  readonly file: HclFile;
  readonly diagnostics: Diagnostic[];
}

export interface ExpressionResult {
  readonly expr: Expression;
  readonly diagnostics: Diagnostic[];
}

export interface TemplateResult {
  readonly template: TemplateExpr;
  readonly diagnostics: Diagnostic[];
}

/** Parses a native-syntax file (`*.hcl`). */
export function parseHcl(source: string, path: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const positions = new TextPositions(path, source);
  const p = new Parser(source, positions, diagnostics);
  p.advance();
  const items = parseBody(p, false, false);
  const body = new BodyNode(positions, 0, source.length, exact(items));
  const file = new FileNode(positions, source.length, path, source, body, p.lx.comments, 'native');
  return { file, diagnostics };
}

/**
 * Parses one expression that makes up all of `source`. `startPos` is where `source` begins
 * in the file named `path` (default line 1, column 1, offset 0), so that ranges point there.
 */
export function parseExpression(source: string, path: string, startPos?: SourcePos): ExpressionResult {
  return parseExpressionAt(source, new TextPositions(path, source, startPos));
}

/** As `parseExpression`, with positions supplied by the caller (e.g. mapped into a JSON file). */
export function parseExpressionAt(source: string, positions: Positions): ExpressionResult {
  const diagnostics: Diagnostic[] = [];
  const p = new Parser(source, positions, diagnostics);
  p.lx.skipNewlines = true;
  p.advance();
  const expr = parseExpr(p);
  if (p.lx.tok() !== T.EOF) {
    p.errorAtToken(codes.invalidExpression, 'Extra characters after expression', 'An expression was successfully parsed, but extra characters were found after it.');
  }
  return { expr, diagnostics };
}

/** Parses `source` as a standalone template (as `templatefile` reads a file). */
export function parseTemplate(source: string, path: string, startPos?: SourcePos): TemplateResult {
  return parseTemplateAt(source, new TextPositions(path, source, startPos));
}

export function parseTemplateAt(source: string, positions: Positions): TemplateResult {
  const diagnostics: Diagnostic[] = [];
  const p = new Parser(source, positions, diagnostics);
  const template = parseStandaloneTemplate(p);
  return { template, diagnostics };
}
