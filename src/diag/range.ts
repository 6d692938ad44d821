/**
 * A position in a source text. `line` and `column` are 1-based; `column` counts Unicode code
 * points from the start of the line. `offset` is the 0-based index into the JavaScript string
 * of the source (UTF-16 code units; equal to the byte offset for ASCII sources — use
 * `utf8ByteOffset` where a true byte offset is needed).
 */
export interface SourcePos {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range `[start, end)` in one file. `file` is the path as the user should read it. */
export interface SourceRange {
  readonly file: string;
  readonly start: SourcePos;
  readonly end: SourcePos;
}

export function pos(line: number, column: number, offset: number): SourcePos {
  return { line, column, offset };
}

/** The smallest range covering both `a` and `b` (which must be in the same file). */
export function spanRanges(a: SourceRange, b: SourceRange): SourceRange {
  const start = a.start.offset <= b.start.offset ? a.start : b.start;
  const end = a.end.offset >= b.end.offset ? a.end : b.end;
  return { file: a.file, start, end };
}

export function formatRangeShort(range: SourceRange): string {
  return `${range.file}:${range.start.line},${range.start.column}`;
}

/** Byte offset in UTF-8 of a position inside `source`. */
export function utf8ByteOffset(source: string, position: SourcePos): number {
  return new TextEncoder().encode(source.slice(0, position.offset)).length;
}

/**
 * Maps string offsets of one source text to line/column positions. The line starts are found
 * in one O(n) pass on the first lookup (a large file read without problems never needs them);
 * each lookup is a binary search over them.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) {
        if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): SourcePos {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const lineStarts = this.lineStarts();
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = lineStarts[lo] ?? 0;
    return { line: lo + 1, column: codePointCount(this.text, lineStart, clamped) + 1, offset: clamped };
  }

  range(file: string, startOffset: number, endOffset: number): SourceRange {
    return { file, start: this.position(startOffset), end: this.position(endOffset) };
  }
}

/** The number of Unicode code points in `text.slice(from, to)` (a surrogate pair counts once). */
export function codePointCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
