import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { IamService } from '../backend/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';

/** Where the embedded IAM backend lives when the config does not say: under the config directory. */
export const defaultBackendPath = join('.iamform', 'iam.db');

export interface BackendLocation {
  /** Absolute path of the database file. */
  readonly path: string;
  /** The config file that named it, when one did. */
  readonly source?: string;
}

/**
 * Finds the `path` of the `provider "iam"` block in the config directory's `*.hcl`,
 * `*.hcl.json` and `*.tf.json` files; relative paths resolve against the config directory.
 * Only a literal string is understood here (the config evaluator is not needed to locate a
 * file); anything else is a diagnostic.
 */
export function locateBackend(dir: string): { location?: BackendLocation; diagnostics: Diagnostic[] } {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.hcl') || f.endsWith('.hcl.json') || f.endsWith('.tf.json')).sort();
  } catch {
    files = [];
  }
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const found = file.endsWith('.json') ? providerPathInJson(text) : providerPathInHcl(text);
    if (found === undefined) continue;
    if (found.kind === 'not_literal') {
      return {
        diagnostics: [
          errorDiag('backend.path_not_literal', `The provider "iam" path in ${file} is not a plain string`, {
            detail: 'iamform can and iamform access read the backend path as a literal string, e.g. path = "state/iam.db".',
          }),
        ],
      };
    }
    return { location: { path: isAbsolute(found.path) ? found.path : resolve(dir, found.path), source: file }, diagnostics: [] };
  }
  return { location: { path: resolve(dir, defaultBackendPath) }, diagnostics: [] };
}

type Found = { kind: 'literal'; path: string } | { kind: 'not_literal' };

function providerPathInJson(text: string): Found | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const providers = (doc as { provider?: unknown }).provider;
  const blocks = Array.isArray(providers) ? providers : [providers];
  for (const block of blocks) {
    const iam = (block as { iam?: unknown } | undefined)?.iam;
    for (const body of Array.isArray(iam) ? iam : [iam]) {
      const path = (body as { path?: unknown } | undefined)?.path;
      if (path === undefined) continue;
      return typeof path === 'string' && !path.includes('${') ? { kind: 'literal', path } : { kind: 'not_literal' };
    }
  }
  return undefined;
}

/** Comments and strings stripped to spaces so that braces and names inside them do not count. */
function blankCommentsAndStrings(text: string): { code: string; strings: Map<number, string> } {
  let code = '';
  const strings = new Map<number, string>();
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '#' || (c === '/' && next === '/')) {
      while (i < text.length && text[i] !== '\n') {
        code += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      code += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') {
        if (text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1] === 'n' ? '\n' : (text[j + 1] as string);
          j += 2;
        } else {
          value += text[j];
          j++;
        }
      }
      strings.set(code.length, value);
      code += '"' + ' '.repeat(Math.max(0, j - i - 1)) + '"';
      i = j + 1;
    } else {
      code += c;
      i++;
    }
  }
  return { code, strings };
}

function providerPathInHcl(text: string): Found | undefined {
  const { code, strings } = blankCommentsAndStrings(text);
  const header = /(^|\n)\s*provider\s+"\s*"\s*\{/g;
  for (const match of code.matchAll(header)) {
    const quoteAt = code.indexOf('"', match.index);
    if (strings.get(quoteAt) !== 'iam') continue;
    const open = (match.index ?? 0) + match[0].length - 1;
    let depth = 0;
    let end = open;
    for (let k = open; k < code.length; k++) {
      if (code[k] === '{') depth++;
      else if (code[k] === '}' && --depth === 0) {
        end = k;
        break;
      }
    }
    const body = code.slice(open + 1, end);
    const attr = /(^|\n)\s*path\s*=\s*(.*)/.exec(body);
    if (!attr) return undefined;
    const valueAt = open + 1 + attr.index + attr[0].length - (attr[2] ?? '').length;
    const literal = strings.get(valueAt);
    const rest = (attr[2] ?? '').trim();
    if (literal !== undefined && /^"\s*"$/.test(rest) && !literal.includes('${')) return { kind: 'literal', path: literal };
    return { kind: 'not_literal' };
  }
  return undefined;
}

/**
 * Opens the backend database the config directory points at; a missing file is a diagnostic
 * (never created here: only apply creates a backend).
 */
export function openLocatedBackend(dir: string): { service?: IamService; location?: BackendLocation; diagnostics: Diagnostic[] } {
  const located = locateBackend(dir);
  if (!located.location) return { diagnostics: located.diagnostics };
  const { path } = located.location;
  if (!existsSync(path)) {
    return {
      location: located.location,
      diagnostics: [
        errorDiag('backend.missing', `No IAM backend database at ${path}: run iamform apply first, or set provider "iam" { path = … }`),
      ],
    };
  }
  try {
    return { service: IamService.open({ path }), location: located.location, diagnostics: [] };
  } catch (error) {
    return {
      location: located.location,
      diagnostics: [errorDiag('backend.unreadable', `Cannot open the IAM backend database at ${path}`, { detail: (error as Error).message })],
    };
  }
}
