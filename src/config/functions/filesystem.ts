import { boolVal, mappingEntries, stringVal, type Value } from '../value.js';
import { isFunctionError, type FunctionContext, type FunctionDef, type FunctionResult } from './types.js';
import { any, bool, fail, fixed, param, s, str } from './util.js';

/**
 * `file`, `fileexists`, `templatefile`: paths are relative to the config directory and may
 * not leave it. These checks are the first fence; the `FunctionContext` implementation is
 * the second, and the one that knows about symlinks.
 */

/** An error message when `path` is absolute or climbs out of the config directory. */
export function confinementError(path: string): string | undefined {
  const r = confinePath(path);
  return 'error' in r ? r.error : undefined;
}

/**
 * The path relative to the config directory with `.` and `..` resolved and `/` separators
 * (backslashes count as separators too), or why it is not allowed. The context receives
 * only such normalised paths.
 */
export function confinePath(path: string): { path: string } | { error: string } {
  if (path === '') return { error: 'path must not be empty' };
  if (path.includes('\u0000')) return { error: 'path must not contain a NUL character' };
  if (/^(?:[/\\]|[A-Za-z]:)/.test(path) || path.startsWith('~')) {
    return { error: `absolute path ${JSON.stringify(path)} is not allowed; file functions read files relative to the configuration directory` };
  }
  const parts: string[] = [];
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '..') {
      if (parts.pop() === undefined) return { error: `path ${JSON.stringify(path)} leads outside the configuration directory; file functions may only read files within it` };
    } else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return { path: parts.length === 0 ? '.' : parts.join('/') };
}

function readFile(path: string, ctx: FunctionContext): { text: string } | { error: string; argIndex: number } {
  const confined = confinePath(path);
  if ('error' in confined) return { error: confined.error, argIndex: 0 };
  const r = ctx.readFile(confined.path);
  return 'error' in r ? { error: r.error, argIndex: 0 } : r;
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

function templatefile(args: readonly Value[], ctx: FunctionContext): FunctionResult {
  const path = s(args[0]);
  const vars = args[1] as Value;
  if (vars.kind !== 'map' && vars.kind !== 'object' && vars.kind !== 'unknown') return fail('invalid vars value: must be a map', 1);
  if (vars.kind === 'map' || vars.kind === 'object') {
    for (const name of mappingEntries(vars).keys()) {
      if (!IDENTIFIER.test(name)) {
        return fail(`invalid template variable name ${JSON.stringify(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`, 1);
      }
    }
  }
  const file = readFile(path, ctx);
  if ('error' in file) return file;
  const r = ctx.renderTemplate(file.text, vars, path);
  return isFunctionError(r) ? fail(r.error) : r;
}

export const filesystemFunctions: Record<string, FunctionDef> = {
  file: fixed('The contents of a file in the configuration directory, as UTF-8 text.', [param('path', str)], str, (a, ctx) => {
    const r = readFile(s(a[0]), ctx);
    return 'error' in r ? r : stringVal(r.text);
  }),
  fileexists: fixed('Whether a file exists in the configuration directory.', [param('path', str)], bool, (a, ctx) => {
    const confined = confinePath(s(a[0]));
    if ('error' in confined) return fail(confined.error, 0);
    const r = ctx.fileExists(confined.path);
    return typeof r === 'boolean' ? boolVal(r) : fail(r.error, 0);
  }),
  templatefile: {
    description: 'Renders a template file with the given variables.',
    params: [param('path', str), param('vars', any, { allowUnknown: true })],
    returnType: () => any,
    call: templatefile,
  },
};
