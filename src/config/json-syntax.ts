import type { Diagnostic } from '../diag/index.js';
import { parseExpression, type Expression, type JsonBodySchema } from '../hcl/index.js';

const resourceBody: JsonBodySchema = {
  blocks: {
    lifecycle: { labels: 0 },
    dynamic: { labels: 1, body: { blocks: { content: { labels: 0, body: 'any' } } } },
  },
};

/**
 * Which properties of a JSON-syntax config file are blocks. Nested blocks of resource bodies
 * other than `lifecycle` and `dynamic` cannot be told from attributes in JSON without the
 * resource's schema: they are read as attributes holding objects (or lists of objects).
 */
export const configJsonSchema: JsonBodySchema = {
  blocks: {
    iamform: { labels: 0, body: { blocks: { state: { labels: 1 } } } },
    provider: { labels: 1 },
    variable: { labels: 1, body: { blocks: { validation: { labels: 0 } } } },
    locals: { labels: 0 },
    resource: { labels: 2, body: resourceBody },
    data: { labels: 2, body: resourceBody },
    output: { labels: 1 },
    import: { labels: 0 },
    moved: { labels: 0 },
  },
};

/**
 * In JSON syntax, places that hold a reference or a type (`depends_on`, `to`, `type`, …)
 * hold it as a string: this reads such a string as the expression it spells, positioned
 * inside the JSON string. Other expressions are returned as they are.
 */
export function staticExpression(expr: Expression, diags: Diagnostic[]): Expression {
  if (!expr.range.file.endsWith('.json')) return expr;
  if (expr.kind !== 'template' || !expr.quoted || expr.parts.length !== 1) return expr;
  const part = expr.parts[0];
  if (part?.kind !== 'template-literal') return expr;
  const parsed = parseExpression(part.value, part.range.file, part.range.start);
  diags.push(...parsed.diagnostics);
  return parsed.expr;
}
