import type { SourceRange } from './range.js';

export type Severity = 'error' | 'warning';

/**
 * A user-facing problem. Diagnostics are values: they are returned across module boundaries,
 * never thrown. `code` is stable across releases (tests and tools may match on it);
 * `summary` is one line; `detail` may span lines. `context` names the enclosing block, e.g.
 * `resource "iam_user" "alice"`, and is shown after the file and line when known.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly summary: string;
  readonly detail?: string;
  readonly range?: SourceRange;
  readonly context?: string;
}

export type Diagnostics = Diagnostic[];

interface DiagnosticFields {
  detail?: string | undefined;
  range?: SourceRange | undefined;
  context?: string | undefined;
}

function make(severity: Severity, code: string, summary: string, fields: DiagnosticFields): Diagnostic {
  const diagnostic: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { severity, code, summary };
  if (fields.detail !== undefined) diagnostic.detail = fields.detail;
  if (fields.range !== undefined) diagnostic.range = fields.range;
  if (fields.context !== undefined) diagnostic.context = fields.context;
  return diagnostic;
}

export function errorDiag(code: string, summary: string, fields: DiagnosticFields = {}): Diagnostic {
  return make('error', code, summary, fields);
}

export function warningDiag(code: string, summary: string, fields: DiagnosticFields = {}): Diagnostic {
  return make('warning', code, summary, fields);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, errors before warnings at the same place. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.range?.file ?? '';
    const fb = b.range?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const oa = a.range?.start.offset ?? -1;
    const ob = b.range?.start.offset ?? -1;
    if (oa !== ob) return oa - ob;
    if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
    return 0;
  });
}

/**
 * The identity of a diagnostic for removing repeats: the same code and summary at the same
 * place (several evaluation passes may report one problem more than once).
 */
export function diagnosticKey(d: Diagnostic): string {
  return `${d.code}|${d.summary}|${d.range?.file ?? ''}:${d.range?.start.offset ?? ''}`;
}
