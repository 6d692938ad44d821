import type { Diagnostic } from './diagnostic.js';
import type { SourceRange } from './range.js';

/** Returns the text of a source file by the name used in ranges, or undefined if unknown. */
export type SourceLookup = (file: string) => string | undefined;

export interface RenderOptions {
  readonly color: boolean;
  readonly sources: SourceLookup;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  underline: '\u001b[4m',
  noUnderline: '\u001b[24m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
} as const;

/** Ranges longer than this many lines show their first and last lines around an elision. */
const MAX_SNIPPET_LINES = 6;

/**
 * Renders one diagnostic in Terraform's shape:
 *
 *     Error: SUMMARY
 *
 *       on FILE line N, in CONTEXT:
 *       N: source line
 *            ^^^^^
 *
 *     DETAIL
 *
 * With colour the range is underlined in the source line itself; without it a caret line
 * under each source line marks the range. The output always ends with a newline.
 */
export function renderDiagnostic(diagnostic: Diagnostic, options: RenderOptions): string {
  return render(diagnostic, options.color, (file) => options.sources(file)?.split('\n'));
}

/**
 * Renders several diagnostics separated by blank lines. Each file's source is looked up and
 * split into lines once, however many diagnostics point into it.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!lines.has(file)) lines.set(file, options.sources(file)?.split('\n'));
    return lines.get(file);
  };
  return diagnostics.map((d) => render(d, options.color, linesOf)).join('\n');
}

function render(diagnostic: Diagnostic, color: boolean, linesOf: (file: string) => string[] | undefined): string {
  const paint = (codes: string, text: string): string => (color ? `${codes}${text}${ANSI.reset}` : text);
  const label = diagnostic.severity === 'error' ? 'Error' : 'Warning';
  const labelColor = diagnostic.severity === 'error' ? ANSI.red : ANSI.yellow;
  const out: string[] = [`${paint(ANSI.bold + labelColor, `${label}:`)} ${paint(ANSI.bold, diagnostic.summary)}`];

  if (diagnostic.range) {
    out.push('');
    const context = diagnostic.context ? `, in ${diagnostic.context}` : '';
    out.push(`  on ${diagnostic.range.file} line ${diagnostic.range.start.line}${context}:`);
    const lines = linesOf(diagnostic.range.file);
    if (lines !== undefined) out.push(...snippet(lines, diagnostic.range, color));
  }
  if (diagnostic.detail) {
    out.push('', diagnostic.detail);
  }
  return out.join('\n') + '\n';
}

/** `lines` is the whole source split at `\n`. */
function snippet(lines: readonly string[], range: SourceRange, color: boolean): string[] {
  const first = range.start.line;
  // A range that ends at column 1 of a later line ends, for display, on the line before.
  const last = Math.max(first, range.end.column === 1 && range.end.line > first ? range.end.line - 1 : range.end.line);
  const shown: (number | 'gap')[] = [];
  if (last - first + 1 <= MAX_SNIPPET_LINES) {
    for (let n = first; n <= last; n++) shown.push(n);
  } else {
    for (let n = first; n < first + 3; n++) shown.push(n);
    shown.push('gap');
    for (let n = last - 1; n <= last; n++) shown.push(n);
  }
  const width = String(last).length;
  const out: string[] = [];
  for (const entry of shown) {
    if (entry === 'gap') {
      out.push(`  ${' '.repeat(width)}  ...`);
      continue;
    }
    const text = (lines[entry - 1] ?? '').replace(/\r$/, '');
    const chars = Array.from(text);
    const from = entry === range.start.line ? range.start.column - 1 : firstNonBlank(chars);
    const to = entry === range.end.line ? range.end.column - 1 : chars.length;
    const prefix = `  ${String(entry).padStart(width)}: `;
    const markFrom = Math.min(from, chars.length);
    const markTo = Math.max(markFrom + 1, Math.min(to, chars.length + 1));
    if (color) {
      const before = chars.slice(0, markFrom).join('');
      const inside = chars.slice(markFrom, markTo).join('');
      const after = chars.slice(markTo).join('');
      out.push(`${prefix}${before}${ANSI.underline}${inside}${ANSI.noUnderline}${after}`);
    } else {
      out.push(prefix + text);
      const lead = chars.slice(0, markFrom).map((c) => (c === '\t' ? '\t' : ' ')).join('');
      out.push(`${' '.repeat(prefix.length)}${lead}${'^'.repeat(markTo - markFrom)}`);
    }
  }
  return out;
}

function firstNonBlank(chars: string[]): number {
  const index = chars.findIndex((c) => c !== ' ' && c !== '\t');
  return index === -1 ? 0 : index;
}
