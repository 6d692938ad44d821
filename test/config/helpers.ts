import { loadConfig, type LoadOptions, type LoadResult } from '../../src/config/index.js';
import { evaluate, isolatedContext, type Bindings } from '../../src/config/index.js';
import { builtinFunctions } from '../../src/config/functions/index.js';
import { parseExpression } from '../../src/hcl/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import type { Value } from '../../src/config/value.js';

/** A config directory held in memory: file name → text. */
export function memoryReader(files: Record<string, string>): LoadOptions['reader'] {
  return {
    listFiles: () => Object.keys(files).filter((f) => !f.includes('/')),
    readFile: (path) => (Object.hasOwn(files, path) ? { text: files[path] as string } : { error: 'no such file' }),
    fileExists: (path) => Object.hasOwn(files, path),
  };
}

export function load(files: Record<string, string>, options: Omit<LoadOptions, 'reader'> = {}): LoadResult {
  return loadConfig({ reader: memoryReader(files), ...options });
}

export function errors(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.severity === 'error');
}

const files: Record<string, string> = { 'greeting.tpl': 'Hello, ${name}!%{ for n in list } ${n}%{ endfor }' };
const reader = memoryReader(files);

/** Evaluates one expression with the built-in functions and the given names bound. */
export function evalText(text: string, names: Record<string, Value> = {}): { value: Value; diagnostics: Diagnostic[] } {
  const parsed = parseExpression(text, 'expr.hcl');
  if (parsed.diagnostics.length > 0) throw new Error(`test expression does not parse: ${text}: ${parsed.diagnostics[0]?.summary}`);
  let bindings: Bindings | undefined;
  for (const [name, value] of Object.entries(names)) bindings = { name, value, parent: bindings };
  const ctx = isolatedContext(builtinFunctions, {
    readFile: (p) => reader.readFile(p),
    fileExists: (p) => reader.fileExists(p),
    renderTemplate: () => ({ error: 'not here' }),
  }, 'tests');
  return evaluate(parsed.expr, ctx, bindings);
}
