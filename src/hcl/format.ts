/**
 * `fmt`: rewrites native-syntax HCL in canonical style, the way `terraform fmt` does it.
 *
 * Guarantees, for any file that parsed without errors:
 * - idempotent: formatting the output again returns it unchanged;
 * - the output parses to the same syntax tree as the input (ranges aside), with the same
 *   comments in the same places (a line comment loses only trailing blanks);
 * - string contents, heredoc contents and comment texts are emitted exactly as written;
 * - line endings become `\n`, and a non-empty result ends with exactly one newline.
 * Only the blanks between tokens and blank lines change; no line is split or joined.
 */
import type { SourceRange } from '../diag/index.js';
import type { Body, Comment, HclFile } from './ast.js';
import { layoutTokens } from './format-layout.js';
import { scanFmtTokens } from './format-tokens.js';

/**
 * The canonical text of `file`, which must have parsed without errors. JSON-syntax files have
 * no canonical HCL layout and come back as they are.
 */
export function formatHcl(file: HclFile): string {
  if (file.syntax === 'json') return file.source;
  const source = file.source.replace(/\r\n/g, '\n');
  return layoutTokens(scanFmtTokens(source), { blankLineBefore: blankLinesBetweenBlocks(file) });
}

/**
 * Input lines that start a block directly following another block of the same body, where
 * either of the two spans several lines and no comment stands between them: such blocks are
 * separated by exactly one blank line. Runs of one-line blocks stay together as written.
 */
function blankLinesBetweenBlocks(file: HclFile): Set<number> {
  const lines = new Set<number>();
  const comments = commentOffsets(file.comments);
  const visit = (body: Body): void => {
    let previous: SourceRange | undefined;
    for (const item of body.items) {
      if (item.kind !== 'block') {
        previous = undefined;
        continue;
      }
      visit(item.body);
      const range = item.range;
      if (previous !== undefined) {
        const multiLine = previous.start.line !== previous.end.line || range.start.line !== range.end.line;
        if (multiLine && !comments.between(previous.end.offset, range.start.offset)) lines.add(range.start.line);
      }
      previous = range;
    }
  };
  visit(file.body);
  return lines;
}

/**
 * Answers "does a whole comment lie between offsets `from` and `to`?" by binary search (a scan
 * per block pair made formatting quadratic). Comments are in source order and never overlap,
 * so their ends ascend with their starts: the first comment starting at or after `from` is the
 * only one that can fit.
 */
function commentOffsets(comments: readonly Comment[]): { between(from: number, to: number): boolean } {
  const starts = comments.map((comment) => comment.range.start.offset);
  const ends = comments.map((comment) => comment.range.end.offset);
  return {
    between(from, to) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((starts[mid] as number) < from) lo = mid + 1;
        else hi = mid;
      }
      return lo < ends.length && (ends[lo] as number) <= to;
    },
  };
}
