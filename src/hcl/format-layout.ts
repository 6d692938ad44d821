/**
 * Lays formatter tokens out in canonical style: one output line per input line (newlines are
 * never added or removed inside code, so the parse is unchanged), indentation from bracket
 * nesting, canonical spacing between tokens, `=` and trailing comments aligned in runs, blank
 * lines collapsed. Only blanks between tokens change; token texts are emitted as they are.
 */
import type { FmtToken } from './format-tokens.js';
import { spaceBetween, tokenRoles, type TokenRole } from './format-spacing.js';

export interface LayoutOptions {
  /** 1-based input lines before which exactly one blank line must stand (e.g. between blocks). */
  readonly blankLineBefore: ReadonlySet<number>;
}

interface LaidLine {
  readonly tokens: FmtToken[];
  readonly roles: (TokenRole | undefined)[];
  /** `gaps[k]` is the blank text before `tokens[k]`; `gaps[0]` is unused. */
  readonly gaps: string[];
  readonly level: number;
  readonly srcLine: number;
}

type Slot = LaidLine | 'blank';

const INDENT = '  ';

export function layoutTokens(tokens: readonly FmtToken[], options: LayoutOptions): string {
  const roles = tokenRoles(tokens);
  const slots = normaliseBlankLines(indentLines(splitLines(tokens, roles)), options.blankLineBefore);
  alignEquals(slots);
  alignTrailingComments(slots);
  const text = slots.map((slot) => (slot === 'blank' ? '' : render(slot))).join('\n');
  return text === '' ? '' : text + '\n';
}

interface RawLine {
  tokens: FmtToken[];
  roles: (TokenRole | undefined)[];
  srcLine: number;
}

function splitLines(tokens: readonly FmtToken[], roles: readonly (TokenRole | undefined)[]): RawLine[] {
  const lines: RawLine[] = [];
  let current: RawLine = { tokens: [], roles: [], srcLine: 1 };
  tokens.forEach((token, index) => {
    if (token.kind === 'newline') {
      lines.push(current);
      current = { tokens: [], roles: [], srcLine: token.line + 1 };
      return;
    }
    if (current.tokens.length === 0) current.srcLine = token.line;
    current.tokens.push(token);
    current.roles.push(roles[index]);
  });
  lines.push(current);
  return lines;
}

const OPENERS = new Set(['{', '[', '(']);
const CLOSERS = new Set(['}', ']', ')']);

function isOpener(token: FmtToken): boolean {
  return token.kind === 'punct' && OPENERS.has(token.text);
}

function isCloser(token: FmtToken): boolean {
  return token.kind === 'punct' && CLOSERS.has(token.text);
}

/**
 * A line that opens brackets without closing them indents the following lines by one level,
 * however many it opened; the level ends when all of those brackets are closed. Closers at the
 * start of a line dedent that line itself.
 */
function indentLines(lines: readonly RawLine[]): (LaidLine | 'blank')[] {
  let level = 0;
  const open: number[] = [];
  const close = (): void => {
    const top = open.length - 1;
    if (top < 0) return;
    open[top] = (open[top] ?? 1) - 1;
    if (open[top] === 0) {
      open.pop();
      level--;
    }
  };
  return lines.map((line) => {
    if (line.tokens.length === 0) return 'blank';
    let k = 0;
    while (k < line.tokens.length && isCloser(line.tokens[k]!)) {
      close();
      k++;
    }
    const lineLevel = level;
    let opened = 0;
    for (; k < line.tokens.length; k++) {
      const token = line.tokens[k]!;
      if (isOpener(token)) opened++;
      else if (isCloser(token)) {
        if (opened > 0) opened--;
        else close();
      }
    }
    if (opened > 0) {
      open.push(opened);
      level++;
    }
    const gaps = line.tokens.map((token, index) =>
      index === 0 ? '' : spaceBetween(line.tokens[index - 1]!, line.roles[index - 1], token, line.roles[index]),
    );
    keepNumbersApart(line.tokens, gaps);
    return { tokens: line.tokens, roles: line.roles, gaps, level: lineLevel, srcLine: line.srcLine };
  });
}

/**
 * Runs of blank lines become one; none at the start or end of the file, right after a line
 * that opens a bracket or right before a line that starts with a closer; one where `required`
 * asks.
 */
function normaliseBlankLines(lines: readonly Slot[], required: ReadonlySet<number>): Slot[] {
  const out: Slot[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (line === 'blank') {
      if (previous !== undefined && previous !== 'blank' && !endsWithOpener(previous)) out.push('blank');
      continue;
    }
    if (isCloser(line.tokens[0]!)) {
      while (out[out.length - 1] === 'blank') out.pop();
    } else if (required.has(line.srcLine) && previous !== undefined && previous !== 'blank') {
      out.push('blank');
    }
    out.push(line);
  }
  while (out[out.length - 1] === 'blank') out.pop();
  return out;
}

/** `0 .5` (a legacy index on a number) must not become `0.5`, which scans as one number. */
function keepNumbersApart(tokens: readonly FmtToken[], gaps: string[]): void {
  for (let k = 1; k + 1 < tokens.length; k++) {
    const dot = tokens[k]!;
    if (dot.kind === 'punct' && dot.text === '.' && tokens[k - 1]!.kind === 'number' && tokens[k + 1]!.kind === 'number') gaps[k] = ' ';
  }
}

function endsWithOpener(line: LaidLine): boolean {
  const code = line.tokens.filter((token) => token.kind !== 'line-comment' && token.kind !== 'block-comment');
  const last = code[code.length - 1];
  return last !== undefined && isOpener(last);
}

function isMultiLine(line: LaidLine): boolean {
  return line.tokens.some((token) => token.text.includes('\n'));
}

/**
 * Index of the `=` of a single-line attribute or object item, or undefined. A line whose value
 * opens brackets it does not close (a multi-line value) has none and so ends a run.
 */
function assignmentIndex(line: LaidLine): number | undefined {
  if (isMultiLine(line) || isCloser(line.tokens[0]!)) return undefined;
  const index = line.tokens.findIndex((token, k) => k > 0 && token.kind === 'punct' && token.text === '=');
  if (index === -1) return undefined;
  let net = 0;
  for (const token of line.tokens.slice(index)) {
    if (isOpener(token)) net++;
    else if (isCloser(token)) net--;
  }
  return net === 0 ? index : undefined;
}

function alignEquals(slots: Slot[]): void {
  alignRuns(slots, assignmentIndex);
}

/** Index of a line comment that ends a line with code before it, or undefined. */
function trailingCommentIndex(line: LaidLine): number | undefined {
  const last = line.tokens.length - 1;
  if (last < 1 || line.tokens[last]!.kind !== 'line-comment' || isMultiLine(line)) return undefined;
  return last;
}

function alignTrailingComments(slots: Slot[]): void {
  alignRuns(slots, trailingCommentIndex);
}

/**
 * For each run of consecutive lines where `pick` finds a token, pads the gap before that token
 * so that all of them start in one column: one blank after the longest text before it.
 */
function alignRuns(slots: Slot[], pick: (line: LaidLine) => number | undefined): void {
  let run: { line: LaidLine; index: number; width: number }[] = [];
  const flush = (): void => {
    const column = Math.max(...run.map((entry) => entry.width));
    for (const entry of run) entry.line.gaps[entry.index] = ' '.repeat(column - entry.width + 1);
    run = [];
  };
  for (const slot of slots) {
    const index = slot === 'blank' ? undefined : pick(slot);
    if (slot === 'blank' || index === undefined) {
      if (run.length > 0) flush();
      continue;
    }
    run.push({ line: slot, index, width: widthBefore(slot, index) });
  }
  if (run.length > 0) flush();
}

function widthBefore(line: LaidLine, index: number): number {
  let text = INDENT.repeat(line.level) + (line.tokens[0]?.text ?? '');
  for (let k = 1; k < index; k++) text += line.gaps[k]! + line.tokens[k]!.text;
  return [...text].length;
}

function render(line: LaidLine): string {
  let text = INDENT.repeat(line.level);
  line.tokens.forEach((token, k) => {
    text += (k === 0 ? '' : line.gaps[k]) + token.text;
  });
  return text;
}
