import { toJs, type JsValue } from '../../src/config/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { Diagnostic, SourceRange } from '../../src/diag/index.js';
import { bodySchemaHookFor, UNKNOWN, validateInstance, type PlainObject, type SchemaMode } from '../../src/schema/index.js';

const prelude = 'resource "iam_group" "other" {\n  name = "other"\n}\n';

export interface Checked {
  /** Diagnostics of the evaluator (with the schema hook) and of validateInstance. */
  readonly diagnostics: Diagnostic[];
  readonly values: PlainObject;
  /** The source text a range covers. */
  text(range: SourceRange | undefined): string;
}

/**
 * Evaluates `resource "<type>" "x" { <body> }` (or a data block) with the schema hook, then
 * validates the instance. `iam_group.other.id` is available as an unknown value.
 */
export function check(type: string, body: string, mode: SchemaMode = 'managed'): Checked {
  const block = `${mode === 'data' ? 'data' : 'resource'} "${type}" "x" {\n${body}\n}\n`;
  const source = prelude + block;
  const reader = {
    listFiles: () => ['main.hcl'],
    readFile: (path: string) => (path === 'main.hcl' ? { text: source } : { error: 'no such file' }),
    fileExists: (path: string) => path === 'main.hcl',
  };
  const result = loadConfig({ reader, schemaFor: bodySchemaHookFor });
  const instance = result.evaluated.instances.find((i) => i.address.name === 'x');
  if (instance === undefined) throw new Error(`no instance: ${result.diagnostics.map((d) => d.summary).join('; ')}`);
  const values = toJs(instance.values, { unknown: () => UNKNOWN as unknown as JsValue }) as PlainObject;
  const diagnostics = [
    ...result.diagnostics,
    ...validateInstance(type, mode, values, instance.ranges, { range: instance.declRange, context: `${mode === 'data' ? 'data' : 'resource'} "${type}" "x"` }),
  ];
  return { diagnostics, values, text: (range) => (range === undefined ? '<none>' : source.slice(range.start.offset, range.end.offset)) };
}

/** `[code, severity, text at range]` of each diagnostic, for compact table assertions. */
export function summarize(c: Checked): [string, string, string][] {
  return c.diagnostics.map((d) => [d.code, d.severity, c.text(d.range)]);
}
