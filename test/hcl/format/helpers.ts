import { readdirSync, readFileSync } from 'node:fs';
import { hasErrors, type Diagnostic } from '../../../src/diag/index.js';
import { parseHcl, type HclFile } from '../../../src/hcl/index.js';

export const corpusDir = new URL('../corpus/', import.meta.url);

/** Every corpus file: name and source text, sorted by name. */
export function corpusFiles(): { name: string; source: string }[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.hcl'))
    .sort()
    .map((name) => ({ name, source: readFileSync(new URL(name, corpusDir), 'utf8') }));
}

/** The parse of `source`, or the error diagnostics when it has any. */
export function parse(source: string, path = 'test.hcl'): { ok: true; file: HclFile } | { ok: false; errors: Diagnostic[] } {
  const result = parseHcl(source, path);
  if (hasErrors(result.diagnostics)) return { ok: false, errors: result.diagnostics.filter((d) => d.severity === 'error') };
  return { ok: true, file: result.file };
}

export function parseOrFail(source: string, path = 'test.hcl'): HclFile {
  const result = parse(source, path);
  if (!result.ok) throw new Error(`${path} does not parse: ${result.errors.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.summary}`).join('; ')}`);
  return result.file;
}

/**
 * The syntax tree without positions: what must survive formatting. Ranges, the source and the
 * path go; comments keep their style and text (line comments without trailing blanks).
 */
export function shapeOf(file: HclFile): unknown {
  return {
    body: stripPositions(file.body),
    comments: file.comments.map((c) => ({ style: c.style, text: c.style === 'block' ? c.text : c.text.replace(/[ \t\r]+$/, '') })),
  };
}

function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'range' || key.endsWith('Range')) continue;
    out[key] = stripPositions(field);
  }
  return out;
}
