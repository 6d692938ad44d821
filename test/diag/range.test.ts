import { describe, expect, it } from 'vitest';
import { LineIndex, closest, editDistance, sortDiagnostics, errorDiag, warningDiag, utf8ByteOffset } from '../../src/diag/index.js';

describe('LineIndex', () => {
  const text = 'ab\ncdé😀f\n\nxyz';
  const index = new LineIndex(text);
  const table: [number, number, number][] = [
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [5, 2, 3],
    [6, 2, 4], // after é
    [8, 2, 5], // after the surrogate pair: one code point
    [10, 3, 1],
    [11, 4, 1],
    [14, 4, 4],
    [99, 4, 4],
  ];
  it.each(table)('offset %i is line %i column %i', (offset, line, column) => {
    const p = index.position(offset);
    expect([p.line, p.column]).toEqual([line, column]);
  });
  it('computes UTF-8 byte offsets', () => {
    expect(utf8ByteOffset(text, index.position(8))).toBe(11);
  });
});

describe('suggestions', () => {
  it.each([
    ['emial', ['email', 'name'], 'email'],
    ['Email', ['email'], 'email'],
    ['nmae', ['name', 'email'], 'name'],
    ['zzzzzz', ['name', 'email'], undefined],
    ['ecs:servers:lst', ['ecs:servers:list', 'ecs:servers:get'], 'ecs:servers:list'],
  ] as const)('%s → %s', (given, candidates, expected) => {
    expect(closest(given, candidates)).toBe(expected);
  });
  it('edit distance counts a transposition as one edit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('sortDiagnostics', () => {
  it('orders by file, offset, then errors first', () => {
    const r = (file: string, offset: number) => ({ file, start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + 2, offset: offset + 1 } });
    const sorted = sortDiagnostics([
      warningDiag('w', 'b2', { range: r('b.hcl', 2) }),
      errorDiag('e', 'a5', { range: r('a.hcl', 5) }),
      warningDiag('w', 'a1w', { range: r('a.hcl', 1) }),
      errorDiag('e', 'a1e', { range: r('a.hcl', 1) }),
      errorDiag('e', 'none'),
    ]);
    expect(sorted.map((d) => d.summary)).toEqual(['none', 'a1e', 'a1w', 'a5', 'b2']);
  });
});
