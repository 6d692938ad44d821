import { describe, expect, it } from 'vitest';
import { parseHclJson } from '../../../src/hcl/index.js';
import type { Block, JsonBodySchema } from '../../../src/hcl/index.js';
import { sexpr, span } from './helpers.js';

const schema: JsonBodySchema = {
  blocks: {
    resource: { labels: 2, body: { blocks: { lifecycle: { labels: 0 } } } },
    variable: { labels: 1 },
    locals: { labels: 0 },
  },
};

function render(source: string): string[] {
  const result = parseHclJson(source, 'main.tf.json', schema);
  expect(result.diagnostics).toEqual([]);
  const walk = (items: typeof result.file.body.items): string[] =>
    items.map((item) =>
      item.kind === 'attribute' ? `${item.name}=${sexpr(item.expr)}` : `${item.type}${item.labels.map((l) => ' ' + l.value).join('')} {${walk(item.body.items).join(' ')}}`,
    );
  return walk(result.file.body.items);
}

describe('JSON syntax', () => {
  const cases: [string, string, string[]][] = [
    ['attributes of every JSON type', '{"a": "x", "b": 1.5, "c": true, "d": null, "e": [1, "y"], "f": {"k": 2}}', ['a=(tpl "x")', 'b=1.5', 'c=true', 'd=null', 'e=[1 (tpl "y")]', 'f={(tpl "k"):2}']],
    ['block with two label levels', '{"resource": {"iam_user": {"alice": {"name": "alice"}}}}', ['resource iam_user alice {name=(tpl "alice")}']],
    ['array of bodies repeats a block', '{"variable": {"x": [{"default": 1}, {"default": 2}]}}', ['variable x {default=1}', 'variable x {default=2}']],
    ['several labels at one level', '{"variable": {"a": {}, "b": {}}}', ['variable a {}', 'variable b {}']],
    ['nested block from the schema', '{"resource": {"t": {"n": {"lifecycle": {"prevent_destroy": true}}}}}', ['resource t n {lifecycle {prevent_destroy=true}}']],
    ['comment properties are skipped', '{"//": "note", "a": 1}', ['a=1']],
    ['strings are templates', '{"a": "${var.x}-y"}', ['a=(tpl ${var.x} "-y")']],
    ['numbers keep their exact text', '{"n": 123456789012345678901234567890}', ['n=123456789012345678901234567890']],
    ['escapes are decoded before template parsing', '{"a": "\\u0024{x}"}', ['a=(tpl ${x})']],
    ['zero-label block as an array', '{"locals": [{"a": 1}, {"b": 2}]}', ['locals {a=1}', 'locals {b=2}']],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(render(source)).toEqual(expected);
  });

  it('points ranges into the JSON text, including inside strings with escapes', () => {
    const source = '{\n  "resource": {"t": {"n": {\n    "name": "a\\"b-${var.x}"\n  }}}\n}';
    const result = parseHclJson(source, 'main.tf.json', schema);
    expect(result.diagnostics).toEqual([]);
    const block = result.file.body.items[0] as Block;
    expect(span(block.typeRange)).toEqual([2, 3, 2, 13]);
    expect(block.labels.map((l) => span(l.range))).toEqual([
      [2, 16, 2, 19],
      [2, 22, 2, 25],
    ]);
    const attr = block.body.items[0];
    if (attr?.kind !== 'attribute' || attr.expr.kind !== 'template') throw new Error('unexpected shape');
    expect(span(attr.nameRange)).toEqual([3, 5, 3, 11]);
    expect(span(attr.expr.range)).toEqual([3, 13, 3, 28]);
    const interp = attr.expr.parts[1];
    expect(interp && span(interp.range)).toEqual([3, 19, 3, 27]);
    expect(source.slice(interp!.range.start.offset, interp!.range.end.offset)).toBe('${var.x}');
    expect(result.file.syntax).toBe('json');
  });

  const broken: [string, string, string, number, number][] = [
    ['syntax error', '{"a": }', 'hcl.json-syntax', 1, 7],
    ['root is not an object', '[1]', 'hcl.json-root-not-object', 1, 1],
    ['block value is not an object', '{"locals": 1}', 'hcl.json-block-not-object', 1, 12],
    ['duplicate attribute', '{"a": 1,\n "a": 2}', 'hcl.attribute-redefined', 2, 2],
    ['duplicate key in an object expression', '{"a": {"k": 1, "k": 2}}', 'hcl.json-duplicate-property', 1, 16],
    ['template error inside a string', '{"a": "${x +}"}', 'hcl.invalid-expression', 1, 13],
    ['unterminated string', '{"a": "x', 'hcl.json-syntax', 1, 7],
  ];
  it.each(broken)('reports %s', (_name, source, code, line, column) => {
    const result = parseHclJson(source, 'x.json', schema);
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([[code, line, column]]);
  });
});
