import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../../src/hcl/index.js';
import { brokenCases } from './cases.js';

function located(source: string): [string, number | undefined, number | undefined][] {
  return parseHcl(source, 'broken.hcl').diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column]);
}

describe('broken inputs', () => {
  it('has at least 40 cases', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(brokenCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(located(c.source)).toEqual([[c.code, c.line, c.column]]);
  });

  it('every diagnostic is an error with a summary, a detail and a range in the file', () => {
    for (const c of brokenCases) {
      for (const d of parseHcl(c.source, 'broken.hcl').diagnostics) {
        expect(d.severity).toBe('error');
        expect(d.summary.length).toBeGreaterThan(0);
        expect(d.detail?.length ?? 0).toBeGreaterThan(0);
        expect(d.range?.file).toBe('broken.hcl');
        expect(d.range!.end.offset).toBeLessThanOrEqual(c.source.length);
      }
    }
  });
});

describe('messages in HCL style', () => {
  it('an unclosed block says there is no closing brace before the end of the file', () => {
    const [d] = parseHcl('a {\n', 'x.hcl').diagnostics;
    expect(d?.summary).toBe('Unclosed configuration block');
    expect(d?.detail).toMatch(/^There is no closing brace for this block before the end of the file/);
  });

  it('a redefined attribute names the line of the first definition', () => {
    const [d] = parseHcl('x {\n  a = 1\n  a = 2\n}\n', 'x.hcl').diagnostics;
    expect(d?.summary).toBe('Attribute redefined');
    expect(d?.detail).toBe('The argument "a" was already set at x.hcl:2,3-4. Each argument may be set only once.');
  });
});

describe('recovery', () => {
  it('reports several independent errors in one file and keeps what parsed', () => {
    const source = [
      'resource "iam_user" "a" {', // 1
      '  name = "a" extra', // 2: missing newline after argument
      '  email = @', // 3: invalid character
      '  ok = true', // 4
      '}', // 5
      'locals {', // 6
      '  x = [1 2]', // 7: missing item separator
      '  y = "${z"', // 8: unclosed interpolation
      '  w = f(1', // 9: unclosed call … newline inside parentheses is skipped, so the call runs on
      '}', // 10
      'good = 1', // 11
      'good = 2', // 12: attribute redefined
      '',
    ].join('\n');
    const result = parseHcl(source, 'multi.hcl');
    const found = result.diagnostics.map((d) => `${d.code}@${d.range?.start.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'hcl.missing-newline-after-argument@2',
        'hcl.invalid-character@3',
        'hcl.missing-item-separator@7',
        'hcl.unclosed-template-interpolation@8',
        'hcl.attribute-redefined@12',
      ]),
    );
    const items = result.file.body.items;
    expect(items.map((i) => (i.kind === 'block' ? i.type : i.name))).toEqual(['resource', 'locals', 'good', 'good']);
    const resource = items[0];
    if (resource?.kind !== 'block') throw new Error('no block');
    expect(resource.body.items.map((i) => (i.kind === 'attribute' ? i.name : i.type))).toEqual(['name', 'email', 'ok']);
  });

  it('continues after a broken line at the top level', () => {
    const result = parseHcl('a = 1 2\nb = ]\nc = 3\n', 'r.hcl');
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([
      ['hcl.missing-newline-after-argument', 1],
      ['hcl.invalid-expression', 2],
    ]);
    expect(result.file.body.items.map((i) => (i.kind === 'attribute' ? i.name : ''))).toEqual(['a', 'b', 'c']);
  });

  it('turns pathological nesting into one diagnostic', () => {
    const source = 'a = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const result = parseHcl(source, 'deep.hcl');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['hcl.nesting-too-deep']);
  });
});
