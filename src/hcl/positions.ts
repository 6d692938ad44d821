import { codePointCount } from '../diag/index.js';
import type { SourcePos, SourceRange } from '../diag/index.js';

/**
 * Turns offsets of the text being parsed into `SourcePos` values of the file the user reads.
 * Implementations share one `SourcePos` object for repeated requests of a recent offset, so
 * that adjacent nodes point at the same position object (this keeps the tree small).
 */
export interface Positions {
  readonly file: string;
  at(offset: number): SourcePos;
  range(start: number, end: number): SourceRange;
}

const CACHE_SIZE = 256;
const HAS_SURROGATE = /[\ud800-\udfff]/;

/**
 * Positions of a text read directly (native syntax). Line starts are discovered lazily as
 * offsets are requested, so parsing never pays for a separate pass. `base` shifts every
 * position (used when an expression is parsed from the middle of a larger file).
 */
export class TextPositions implements Positions {
  private readonly lineStarts: number[] = [0];
  private scanned = 0;
  private readonly astral: boolean;
  private readonly cacheKeys = new Int32Array(CACHE_SIZE).fill(-1);
  private readonly cacheValues: (SourcePos | undefined)[] = new Array<SourcePos | undefined>(CACHE_SIZE);

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly base: SourcePos = { line: 1, column: 1, offset: 0 },
  ) {
    this.astral = HAS_SURROGATE.test(text);
  }

  at(offset: number): SourcePos {
    const slot = offset & (CACHE_SIZE - 1);
    if (this.cacheKeys[slot] === offset) return this.cacheValues[slot] as SourcePos;
    const made = this.compute(offset);
    this.cacheKeys[slot] = offset;
    this.cacheValues[slot] = made;
    return made;
  }

  range(start: number, end: number): SourceRange {
    return { file: this.file, start: this.at(start), end: this.at(end) };
  }

  private compute(offset: number): SourcePos {
    const text = this.text;
    if (offset > text.length) offset = text.length;
    if (offset < 0) offset = 0;
    if (offset > this.scanned) {
      let i = this.scanned;
      for (;;) {
        const nl = text.indexOf('\n', i);
        if (nl < 0 || nl >= offset) break;
        this.lineStarts.push(nl + 1);
        i = nl + 1;
      }
      this.scanned = offset;
    }
    const starts = this.lineStarts;
    let line = starts.length - 1;
    if ((starts[line] as number) > offset) {
      let lo = 0;
      let hi = line;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
    }
    const lineStart = starts[line] as number;
    let column = offset - lineStart;
    if (this.astral) column = codePointCount(text, lineStart, offset);
    const base = this.base;
    if (line === 0) return { line: base.line, column: base.column + column, offset: base.offset + offset };
    return { line: base.line + line, column: column + 1, offset: base.offset + offset };
  }
}

/**
 * Positions of a decoded string (a JSON string value) mapped back into the file it came from:
 * `map[i]` is the file offset of decoded offset `i` (one entry more than the decoded length);
 * a number `map` is the file offset of decoded offset 0 of a string without escapes.
 */
export class MappedPositions implements Positions {
  readonly file: string;

  constructor(
    private readonly outer: Positions,
    private readonly map: Int32Array | number,
  ) {
    this.file = outer.file;
  }

  at(offset: number): SourcePos {
    const map = this.map;
    if (typeof map === 'number') return this.outer.at(map + offset);
    const clamped = Math.max(0, Math.min(offset, map.length - 1));
    return this.outer.at(map[clamped] as number);
  }

  range(start: number, end: number): SourceRange {
    return { file: this.file, start: this.at(start), end: this.at(end) };
  }
}
