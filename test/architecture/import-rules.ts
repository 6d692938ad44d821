/**
 * The module map of design/architecture.md as data, and a checker that finds every import
 * edge it forbids. Kept beside its test so that the rules are read in one place.
 */

/** Which of our modules each module may import (besides itself). */
export const allowedModuleImports: Record<string, readonly string[]> = {
  diag: [],
  addr: ['diag'],
  hcl: ['diag'],
  schema: ['addr', 'diag'],
  config: ['hcl', 'schema', 'addr', 'diag'],
  graph: ['addr', 'diag'],
  state: ['addr', 'diag'],
  plan: ['config', 'graph', 'state', 'backend/policy', 'schema', 'addr', 'diag'],
  render: ['plan', 'graph', 'state', 'schema', 'addr', 'diag'],
  apply: ['plan', 'graph', 'state', 'provider', 'schema', 'addr', 'diag'],
  provider: ['backend', 'schema', 'state', 'addr', 'diag'],
  backend: ['diag'],
  // The library API behind src/index.ts: it orchestrates every module but never the CLI,
  // which is a shell over it (rendering, prompts, exit codes).
  engine: ['diag', 'addr', 'hcl', 'schema', 'config', 'graph', 'state', 'plan', 'render', 'apply', 'provider', 'backend', 'backend/policy'],
  cli: ['*'],
  index: ['*'],
};

/**
 * Modules that stay pure: no `node:*`, `pg`, `ink`/`react`, and no `process`. `render/ink` is
 * the one impure corner of `render` (it is a view).
 */
const pureModules = new Set(['diag', 'addr', 'hcl', 'schema', 'config', 'graph', 'plan', 'render', 'backend/policy']);
const impureExceptions = ['render/ink/'];
const forbiddenInPure = [/^node:/, /^pg$/, /^ink($|\/)/, /^react($|\/)/, /^fs$/, /^path$/, /^child_process$/];

export interface SourceFile {
  /** Path relative to `src/`, with forward slashes, e.g. `plan/diff.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly reason: string;
}

const importPattern = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const match of withoutComments.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier) found.push(specifier);
  }
  return found;
}

/** `plan/diff.ts` → `plan`; `backend/policy/x.ts` → `backend/policy` for purity, `backend` for edges. */
function moduleOf(path: string): string {
  if (!path.includes('/')) return path.replace(/\.tsx?$/, '');
  return path.split('/')[0] ?? path;
}

function purityModuleOf(path: string): string {
  if (path.startsWith('backend/policy/')) return 'backend/policy';
  return moduleOf(path);
}

function resolveRelative(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

function edgeAllowed(fromModule: string, target: string): boolean {
  const targetModule = moduleOf(target);
  if (targetModule === fromModule) return true;
  const allowed = allowedModuleImports[fromModule];
  if (!allowed) return false;
  if (allowed.includes('*')) return true;
  if (allowed.includes(targetModule)) return true;
  // `backend/policy` may be named alone: the pure part of the backend.
  return allowed.some((entry) => entry.includes('/') && (target === entry || target.startsWith(entry + '/')));
}

export function checkImports(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const fromModule = moduleOf(file.path);
    const pure = pureModules.has(purityModuleOf(file.path)) && !impureExceptions.some((prefix) => file.path.startsWith(prefix));
    if (!(fromModule in allowedModuleImports)) {
      violations.push({ file: file.path, specifier: '', reason: `module "${fromModule}" is not in the module map` });
      continue;
    }
    for (const specifier of importsOf(file.text)) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file.path, specifier);
        if (target.startsWith('..')) {
          violations.push({ file: file.path, specifier, reason: 'imports from outside src/' });
        } else if (!edgeAllowed(fromModule, target)) {
          violations.push({ file: file.path, specifier, reason: `${fromModule} may not import ${moduleOf(target)}` });
        }
      } else if (pure && forbiddenInPure.some((pattern) => pattern.test(specifier))) {
        violations.push({ file: file.path, specifier, reason: `${purityModuleOf(file.path)} is pure and may not import ${specifier}` });
      }
    }
    if (pure && /(^|[^.\w$])process\s*\.\s*\w/.test(file.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) {
      violations.push({ file: file.path, specifier: 'process', reason: `${purityModuleOf(file.path)} is pure and may not read process` });
    }
  }
  return violations;
}
