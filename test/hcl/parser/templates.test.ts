import { describe, expect, it } from 'vitest';
import { parseHcl, parseTemplate } from '../../../src/hcl/index.js';
import type { Expression } from '../../../src/hcl/index.js';
import { expr, sexpr, span } from './helpers.js';

describe('quoted templates', () => {
  const cases: [string, string, string][] = [
    ['plain string', '"hello"', '(tpl "hello")'],
    ['empty string', '""', '(tpl )'],
    ['newline escape', '"a\\nb"', '(tpl "a\\nb")'],
    ['all simple escapes', '"\\n\\r\\t\\"\\\\"', '(tpl "\\n\\r\\t\\"\\\\")'],
    ['unicode BMP escape', '"\\u00e9"', '(tpl "é")'],
    ['unicode supplementary escape', '"\\U0001F600"', '(tpl "😀")'],
    ['escaped interpolation', '"$${x}"', '(tpl "${x}")'],
    ['escaped directive', '"%%{if}"', '(tpl "%{if}")'],
    ['dollar without brace', '"$5 and 100%"', '(tpl "$5 and 100%")'],
    ['interpolation', '"a-${var.x}-b"', '(tpl "a-" ${var.x} "-b")'],
    ['single interpolation', '"${x}"', '(tpl ${x})'],
    ['nested string in interpolation', '"${upper("a")}"', '(tpl ${(call upper (tpl "a"))})'],
    ['object inside interpolation', '"${ {a = 1}.a }"', '(tpl ${(getattr {bare:a=1} a)})'],
    ['strip markers trim adjacent literals', '"a ${~ x ~} b"', '(tpl "a" ${~x~} "b")'],
    ['strip only trims literals, not values', '"${"x" ~} ${"y"}"', '(tpl ${(tpl "x")~} ${(tpl "y")})'],
    ['if directive', '"%{if a}yes%{endif}"', '(tpl %{if a}"yes"%{endif})'],
    ['if else directive', '"%{if a}y%{else}n%{endif}"', '(tpl %{if a}"y"%{else}"n"%{endif})'],
    ['for directive', '"%{for x in xs}${x},%{endfor}"', '(tpl %{for x in xs}${x} ","%{endfor})'],
    ['for directive with key', '"%{for k, v in m}${k}%{endfor}"', '(tpl %{for k,v in m}${k}%{endfor})'],
    ['directive strip markers', '"%{ if true ~} hello %{~ endif }"', '(tpl %{if true}"hello"%{endif})'],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(sexpr(expr(source))).toBe(expected);
  });

  it('records strip markers on directives', () => {
    const e = expr('"%{~if a~}x%{~else~}y%{~endif~}"');
    if (e.kind !== 'template' || e.parts[0]?.kind !== 'template-if') throw new Error('unexpected shape');
    const part = e.parts[0];
    expect([part.ifMarker.stripLeft, part.ifMarker.stripRight, part.elseMarker?.stripLeft, part.endifMarker.stripRight]).toEqual([true, true, true, true]);
    expect(span(part.ifMarker.range)).toEqual([1, 2, 1, 11]);
  });

  it('gives literal and interpolation parts their ranges', () => {
    const e = expr('"ab${c}d"');
    if (e.kind !== 'template') throw new Error('not a template');
    expect(e.parts.map((p) => span(p.range))).toEqual([
      [1, 2, 1, 4],
      [1, 4, 1, 8],
      [1, 8, 1, 9],
    ]);
    expect(span(e.range)).toEqual([1, 1, 1, 10]);
  });
});

function heredoc(source: string): Expression {
  const result = parseHcl(`x = ${source}\n`, 'h.hcl');
  expect(result.diagnostics).toEqual([]);
  const item = result.file.body.items[0];
  if (item?.kind !== 'attribute') throw new Error('no attribute');
  return item.expr;
}

describe('heredocs', () => {
  const cases: [string, string, string][] = [
    ['plain heredoc keeps indentation and the final newline', '<<EOT\n  a\n    b\nEOT', '(heredoc EOT "  a\\n    b\\n")'],
    ['indented heredoc strips the common indentation', '<<-EOT\n    a\n      b\n    EOT', '(heredoc EOT indented "a\\n  b\\n")'],
    ['blank lines do not count for the indentation', '<<-EOT\n    a\n\n    b\n  EOT', '(heredoc EOT indented "a\\n\\nb\\n")'],
    ['a line starting with an interpolation stops stripping', '<<-EOT\n  a\n${x}\nEOT', '(heredoc EOT indented "  a\\n" ${x} "\\n")'],
    ['interpolation inside a line', '<<EOT\nhello ${name}!\nEOT', '(heredoc EOT "hello " ${name} "!\\n")'],
    ['escapes are not processed', '<<EOT\na\\nb $${x}\nEOT', '(heredoc EOT "a\\\\nb ${x}\\n")'],
    ['empty heredoc', '<<EOT\nEOT', '(heredoc EOT )'],
    ['marker text inside a line does not end it', '<<EOT\nEOT is here\nEOT', '(heredoc EOT "EOT is here\\n")'],
    ['directives in heredocs', '<<EOT\n%{for u in us}${u}\n%{endfor}\nEOT', '(heredoc EOT %{for u in us}${u} "\\n"%{endfor} "\\n")'],
  ];
  it.each(cases)('%s', (_name, source, expected) => {
    expect(sexpr(heredoc(source))).toBe(expected);
  });

  it('ranges span from the introduction to the closing marker', () => {
    const e = heredoc('<<-EOT\n  hi\n  EOT');
    if (e.kind !== 'heredoc') throw new Error('not a heredoc');
    expect(span(e.range)).toEqual([1, 5, 3, 6]);
    expect(span(e.template.range)).toEqual([2, 1, 3, 1]);
  });
});

describe('standalone templates', () => {
  it('reads a whole text with newlines and no escapes', () => {
    const result = parseTemplate('Hello ${name},\n%{for r in roles}- ${r}\n%{endfor}\\n', 'greeting.tpl');
    expect(result.diagnostics).toEqual([]);
    expect(sexpr(result.template)).toBe('(tpl "Hello " ${name} ",\\n" %{for r in roles}"- " ${r} "\\n"%{endfor} "\\\\n")');
  });

  it('reports an unmatched endfor', () => {
    const result = parseTemplate('a %{endfor}', 't.tpl');
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.column])).toEqual([['hcl.unexpected-template-directive', 3]]);
  });
});
