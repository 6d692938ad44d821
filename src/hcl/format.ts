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
  const visit = (body: Body): void => {
    body.items.forEach((item, index) => {
      if (item.kind !== 'block') return;
      visit(item.body);
      const previous = index > 0 ? body.items[index - 1] : undefined;
      if (previous?.kind !== 'block') return;
      const multiLine = previous.range.start.line !== previous.range.end.line || item.range.start.line !== item.range.end.line;
      if (multiLine && !hasCommentBetween(file.comments, previous.range.end.offset, item.range.start.offset)) {
        lines.add(item.range.start.line);
      }
    });
  };
  visit(file.body);
  return lines;
}

function hasCommentBetween(comments: readonly Comment[], from: number, to: number): boolean {
  return comments.some((comment) => comment.range.start.offset >= from && comment.range.end.offset <= to);
}
