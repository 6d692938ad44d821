import { describe, expect, it } from 'vitest';
import { bodyAttributes, bodyBlocks, parseHcl } from '../../../src/hcl/index.js';
import type { Block } from '../../../src/hcl/index.js';
import { sexpr, shape, span } from './helpers.js';

function parseOk(source: string) {
  const result = parseHcl(source, 'main.hcl');
  expect(result.diagnostics).toEqual([]);
  return result.file;
}

describe('bodies', () => {
  const cases: [string, string, string[]][] = [
    ['attribute', 'a = 1\n', ['a=1']],
    ['attribute at end of file without newline', 'a = 1', ['a=1']],
    ['block with two quoted labels', 'resource "iam_user" "alice" {\n  name = "alice"\n}\n', ['resource "iam_user" "alice" {name=(tpl "alice")}']],
    ['bare label', 'provider iam {\n}\n', ['provider iam {}']],
    ['block without labels', 'locals {\n  a = 1\n  b = a\n}\n', ['locals {a=1 b=a}']],
    ['one-line block', 'data "iam_policy" "ro" { name = "x" }\n', ['data "iam_policy" "ro" {name=(tpl "x")}']],
    ['empty one-line block', 'lifecycle {}\n', ['lifecycle {}']],
    ['nested blocks', 'a {\n  b "x" {\n    c = 1\n  }\n}\n', ['a {b "x" {c=1}}']],
    ['items keep source order', 'z = 1\nblk {\n}\na = 2\n', ['z=1', 'blk {}', 'a=2']],
    ['blank lines and comments between items', '\n\n# c\na = 1\n\n// d\n/* e */\nb = 2\n', ['a=1', 'b=2']],
    ['multi-line expression in parentheses', 'a = (1 +\n  2)\n', ['a=(parens (+ 1 2))']],
    ['attribute named like a keyword', 'for = 1\nif = 2\n', ['for=1', 'if=2']],
  ];
  const render = (items: ReturnType<typeof parseOk>['body']['items']): string[] =>
    items.map((item) =>
      item.kind === 'attribute'
        ? `${item.name}=${sexpr(item.expr)}`
        : `${item.type}${item.labels.map((l) => ' ' + (l.quoted ? JSON.stringify(l.value) : l.value)).join('')} {${render(item.body.items).join(' ')}}`,
    );
  it.each(cases)('%s', (_name, source, expected) => {
    expect(render(parseOk(source).body.items)).toEqual(expected);
  });
});

describe('structure node shapes and ranges', () => {
  const source = '# users\nresource "iam_user" "alice" {\n  name  = "alice"\n  email = var.email # inline\n}\n';

  it('builds the file node', () => {
    const file = parseOk(source);
    expect([file.kind, file.path, file.syntax, file.source === source]).toEqual(['file', 'main.hcl', 'native', true]);
    expect(file.comments.map((c) => [c.style, c.text, ...span(c.range)])).toEqual([
      ['hash', '# users', 1, 1, 1, 8],
      ['hash', '# inline', 4, 21, 4, 29],
    ]);
  });

  it('gives blocks their labels, braces and ranges', () => {
    const block = parseOk(source).body.items[0] as Block;
    expect(shape(block.labels)).toEqual([
      { value: 'iam_user', quoted: true },
      { value: 'alice', quoted: true },
    ]);
    expect(span(block.typeRange)).toEqual([2, 1, 2, 9]);
    expect(block.labels.map((l) => span(l.range))).toEqual([
      [2, 10, 2, 20],
      [2, 21, 2, 28],
    ]);
    expect(span(block.openBraceRange)).toEqual([2, 29, 2, 30]);
    expect(span(block.closeBraceRange)).toEqual([5, 1, 5, 2]);
    expect(span(block.range)).toEqual([2, 1, 5, 2]);
    expect(span(block.body.range)).toEqual([2, 30, 5, 1]);
  });

  it('gives attributes their name range and full range', () => {
    const block = parseOk(source).body.items[0] as Block;
    const [name, email] = bodyAttributes(block.body);
    expect(span(name!.nameRange)).toEqual([3, 3, 3, 7]);
    expect(span(name!.range)).toEqual([3, 3, 3, 18]);
    expect(span(email!.expr.range)).toEqual([4, 11, 4, 20]);
  });

  it('serialises with ranges and compares without them', () => {
    const file = parseOk('a = 1\n');
    const json = JSON.parse(JSON.stringify(file.body.items[0])) as { range: { start: { line: number } } };
    expect(json.range.start.line).toBe(1);
    expect(shape(file.body.items[0])).toEqual({ kind: 'attribute', name: 'a', expr: { kind: 'number', text: '1', value: 1 } });
  });

  it('finds blocks by type', () => {
    const file = parseOk('a {\n}\nb {\n}\na "x" {\n}\n');
    expect(bodyBlocks(file.body, 'a').map((b) => b.labels.length)).toEqual([0, 1]);
    expect(bodyBlocks(file.body)).toHaveLength(3);
  });

  it('keeps comments inside expressions', () => {
    const file = parseOk('a = [\n  1, # one\n  2, /* two */\n]\n');
    expect(file.comments.map((c) => c.text)).toEqual(['# one', '/* two */']);
  });
});
