import { describe, expect, it } from 'vitest';
import { formatHcl } from '../../../src/hcl/format.js';
import { corpusFiles, parseOrFail, shapeOf } from './helpers.js';

/** CRLF files are compared with their LF twin: line endings are the one intended change. */
const lf = (text: string): string => text.replace(/\r\n/g, '\n');

describe('fmt over the whole corpus', () => {
  const files = corpusFiles();

  it('covers at least 60 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(files)('$name', ({ name, source }) => {
    const input = parseOrFail(source, name);
    const once = formatHcl(input);

    it('keeps the syntax tree and the comments', () => {
      expect(shapeOf(parseOrFail(once, name))).toEqual(shapeOf(parseOrFail(lf(source), name)));
    });

    it('is idempotent', () => {
      expect(formatHcl(parseOrFail(once, name))).toBe(once);
    });

    it('writes LF line endings, no trailing blanks outside heredocs, one final newline', () => {
      expect(once).not.toContain('\r');
      if (once !== '') expect(once.endsWith('\n') && !once.endsWith('\n\n')).toBe(true);
      if (!/<<-?\w/.test(once)) expect(once).not.toMatch(/[ \t]\n/);
    });
  });
});
