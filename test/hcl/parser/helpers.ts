/**
 * Test helpers for the HCL parser: plain shapes without ranges, compact S-expressions of
 * expressions, and `[line, column, endLine, endColumn]` tuples for ranges.
 */
import type { SourceRange } from '../../../src/diag/index.js';
import type { Expression, TemplatePart } from '../../../src/hcl/index.js';
import { parseExpression } from '../../../src/hcl/index.js';

/** The node as plain data without any range, for `toEqual` against expected shapes. */
export function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'range' || key.endsWith('Range') ? undefined : value)));
}

export function span(range: SourceRange): [number, number, number, number] {
  return [range.start.line, range.start.column, range.end.line, range.end.column];
}

/** Parses one expression and fails the test on any diagnostic. */
export function expr(source: string): Expression {
  const result = parseExpression(source, 'expr.hcl');
  if (result.diagnostics.length > 0) throw new Error(`${source}: ${result.diagnostics.map((d) => `${d.code} ${d.detail ?? ''}`).join('; ')}`);
  return result.expr;
}

function parts(list: readonly TemplatePart[]): string {
  return list
    .map((part) => {
      switch (part.kind) {
        case 'template-literal':
          return JSON.stringify(part.value);
        case 'interpolation':
          return `\${${part.stripLeft ? '~' : ''}${sexpr(part.expr)}${part.stripRight ? '~' : ''}}`;
        case 'template-if':
          return `%{if ${sexpr(part.condition)}}${parts(part.thenParts)}${part.elseParts ? `%{else}${parts(part.elseParts)}` : ''}%{endif}`;
        case 'template-for':
          return `%{for ${part.keyVar ? part.keyVar.name + ',' : ''}${part.valueVar.name} in ${sexpr(part.collection)}}${parts(part.bodyParts)}%{endfor}`;
        default: {
          const never: never = part;
          return never;
        }
      }
    })
    .join(' ');
}

/** A compact, unambiguous rendering of an expression tree. */
export function sexpr(e: Expression): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'bool':
      return String(e.value);
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(e.value);
    case 'template':
      return `(tpl ${parts(e.parts)})`;
    case 'heredoc':
      return `(heredoc ${e.marker}${e.indented ? ' indented' : ''} ${parts(e.template.parts)})`;
    case 'scope-traversal':
      return [e.root, ...e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${sexpr(s.key)}]`))].join('');
    case 'call':
      return `(call ${e.name}${e.args.map((a) => ' ' + sexpr(a)).join('')}${e.expandFinal ? ' ...' : ''})`;
    case 'conditional':
      return `(? ${sexpr(e.condition)} ${sexpr(e.trueResult)} ${sexpr(e.falseResult)})`;
    case 'binary':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'unary':
      return `(${e.op} ${sexpr(e.operand)})`;
    case 'parens':
      return `(parens ${sexpr(e.expr)})`;
    case 'tuple':
      return `[${e.items.map(sexpr).join(' ')}]`;
    case 'object':
      return `{${e.items.map((i) => `${i.bareKey ? 'bare:' : ''}${sexpr(i.key)}${i.separator}${sexpr(i.value)}`).join(' ')}}`;
    case 'for':
      return `(for-${e.result} ${e.keyVar ? e.keyVar.name + ',' : ''}${e.valueVar.name} ${sexpr(e.collection)}${e.keyExpr ? ' ' + sexpr(e.keyExpr) + ' =>' : ''} ${sexpr(e.valueExpr)}${e.grouping ? '...' : ''}${e.condition ? ' if ' + sexpr(e.condition) : ''})`;
    case 'index':
      return `(index ${sexpr(e.collection)} ${sexpr(e.key)})`;
    case 'get-attr':
      return `(getattr ${sexpr(e.object)} ${e.name})`;
    case 'splat':
      return `(splat-${e.style} ${sexpr(e.source)}${e.each.map((s) => (s.kind === 'attr' ? ` .${s.name}` : ` [${sexpr(s.key)}]`)).join('')})`;
    case 'invalid':
      return '(invalid)';
    default: {
      const never: never = e;
      return never;
    }
  }
}
