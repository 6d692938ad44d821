import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/hcl/index.js';
import { expr, sexpr, shape, span } from './helpers.js';

describe('operator precedence and associativity', () => {
  const cases: [string, string][] = [
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['x / y * z', '(* (/ x y) z)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a % b + c', '(+ (% a b) c)'],
    ['a + b < c', '(< (+ a b) c)'],
    ['a < b == c > d', '(== (< a b) (> c d))'],
    ['a == b && c != d', '(&& (== a b) (!= c d))'],
    ['a && b || c && d', '(|| (&& a b) (&& c d))'],
    ['a || b ? c : d', '(? (|| a b) c d)'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['!a && b', '(&& (! a) b)'],
    ['-a * b', '(* (- a) b)'],
    ['- -a', '(- (- a))'],
    ['!!a', '(! (! a))'],
    ['-a.b[0]', '(- a.b[0])'],
    ['(a + b) * c', '(* (parens (+ a b)) c)'],
    ['a >= 1 || b <= 2', '(|| (>= a 1) (<= b 2))'],
  ];
  it.each(cases)('%s', (source, expected) => {
    expect(sexpr(expr(source))).toBe(expected);
  });
});

describe('expression terms', () => {
  const cases: [string, string, string][] = [
    ['number keeps its text', '1.50e3', '1.50e3'],
    ['bool', 'true', 'true'],
    ['null', 'null', 'null'],
    ['root reference', 'count', 'count'],
    ['attribute traversal', 'iam_group.ops.id', 'iam_group.ops.id'],
    ['literal index joins the traversal', 'var.users[0]["name"]', 'var.users[0]["name"]'],
    ['legacy index', 'a.0.b', 'a[0].b'],
    ['dynamic index', 'a[var.i]', '(index a var.i)'],
    ['attribute after dynamic index', 'a[var.i].id', '(getattr (index a var.i) id)'],
    ['attribute of a call result', 'f(x).id', '(getattr (call f x) id)'],
    ['index of a tuple', '[1, 2][0]', '(index [1 2] 0)'],
    ['call', 'lower("A")', '(call lower (tpl "A"))'],
    ['call without arguments', 'f()', '(call f)'],
    ['call with trailing comma', 'f(1, 2,)', '(call f 1 2)'],
    ['call expanding its final argument', 'concat(a, b...)', '(call concat a b ...)'],
    ['namespaced call', 'provider::iam::normalize(x)', '(call provider::iam::normalize x)'],
    ['call arguments across lines', 'f(\n  1,\n  2\n)', '(call f 1 2)'],
    ['tuple', '[1, "a", true]', '[1 (tpl "a") true]'],
    ['empty tuple', '[]', '[]'],
    ['tuple across lines with trailing comma', '[\n  1,\n  2,\n]', '[1 2]'],
    ['object with = and :', '{ a = 1, "b": 2 }', '{bare:a=1 (tpl "b"):2}'],
    ['object with newlines as separators', '{\n  a = 1\n  b = 2\n}', '{bare:a=1 bare:b=2}'],
    ['object key in parentheses is an expression', '{ (var.k) = 1 }', '{(parens var.k)=1}'],
    ['object key that is a traversal', '{ a.b = 1 }', '{a.b=1}'],
    ['empty object', '{}', '{}'],
    ['tuple for', '[for u in var.users : upper(u)]', '(for-tuple u var.users (call upper u))'],
    ['tuple for with key and filter', '[for i, u in xs : u if i < 2]', '(for-tuple i,u xs u if (< i 2))'],
    ['object for', '{for k, v in m : k => v}', '(for-object k,v m k => v)'],
    ['object for with grouping', '{for u in us : u.team => u.name...}', '(for-object u us u.team => u.name...)'],
    ['object for with grouping and filter', '{for u in us : u.t => u... if u.on}', '(for-object u us u.t => u... if u.on)'],
    ['for across lines', '[\n  for x in xs :\n  x\n]', '(for-tuple x xs x)'],
    ['full splat', 'var.users[*].id', '(splat-full var.users .id)'],
    ['full splat with index steps', 'a[*].b[0].c', '(splat-full a .b [0] .c)'],
    ['attribute splat', 'var.users.*.id', '(splat-attr var.users .id)'],
    ['index after attribute splat applies to the result', 'a.*.b[0]', '(index (splat-attr a .b) 0)'],
    ['bare splat', 'a[*]', '(splat-full a)'],
    ['splat of a call', 'f()[*].x', '(splat-full (call f) .x)'],
    ['conditional', 'a ? "x" : "y"', '(? a (tpl "x") (tpl "y"))'],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(sexpr(expr(source))).toBe(expected);
  });
});

describe('expression node shapes', () => {
  it('number literal keeps exact text and a JS number', () => {
    expect(shape(expr('12345678901234567890123'))).toEqual({ kind: 'number', text: '12345678901234567890123', value: Number('12345678901234567890123') });
  });

  it('object item records bare keys and separators', () => {
    expect(shape(expr('{ name: 1 }'))).toEqual({
      kind: 'object',
      items: [
        {
          kind: 'object-item',
          key: { kind: 'scope-traversal', root: 'name', steps: [] },
          bareKey: true,
          separator: ':',
          value: { kind: 'number', text: '1', value: 1 },
        },
      ],
    });
  });

  it('for expression without optional parts has no such fields', () => {
    const node = expr('[for x in xs : x]');
    expect(Object.keys(node).sort()).toEqual(['collection', 'grouping', 'kind', 'result', 'valueExpr', 'valueVar']);
  });
});

describe('expression ranges', () => {
  it('gives every node its exact source range', () => {
    const e = expr('f(a.b, [1, 2]...)');
    if (e.kind !== 'call') throw new Error('not a call');
    expect(span(e.range)).toEqual([1, 1, 1, 18]);
    expect(span(e.nameRange)).toEqual([1, 1, 1, 2]);
    expect(span(e.openParenRange)).toEqual([1, 2, 1, 3]);
    expect(span(e.closeParenRange)).toEqual([1, 17, 1, 18]);
    expect(e.args.map((a) => span(a.range))).toEqual([
      [1, 3, 1, 6],
      [1, 8, 1, 14],
    ]);
  });

  it('ranges of traversal steps and binary operators', () => {
    const e = expr('x.y["k"] + 10');
    if (e.kind !== 'binary' || e.left.kind !== 'scope-traversal') throw new Error('unexpected shape');
    expect(span(e.opRange)).toEqual([1, 10, 1, 11]);
    expect(span(e.left.rootRange)).toEqual([1, 1, 1, 2]);
    expect(e.left.steps.map((s) => span(s.range))).toEqual([
      [1, 2, 1, 4],
      [1, 4, 1, 9],
    ]);
    expect(span(e.right.range)).toEqual([1, 12, 1, 14]);
  });

  it('source text is recoverable from ranges', () => {
    const source = 'merge(local.a, { b = [for x in xs : x * 2] })';
    const e = expr(source);
    if (e.kind !== 'call') throw new Error('not a call');
    const texts = e.args.map((a) => source.slice(a.range.start.offset, a.range.end.offset));
    expect(texts).toEqual(['local.a', '{ b = [for x in xs : x * 2] }']);
  });

  it('shifts ranges by a start position', () => {
    const result = parseExpression('a +\nb', 'main.hcl', { line: 10, column: 5, offset: 200 });
    expect(result.diagnostics).toEqual([]);
    expect(span(result.expr.range)).toEqual([10, 5, 11, 2]);
    expect(result.expr.range.start.offset).toBe(200);
  });

  it('reports extra characters after a standalone expression', () => {
    const result = parseExpression('a b', 'x.hcl');
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.column])).toEqual([['hcl.invalid-expression', 3]]);
  });
});
