import { existsSync } from 'node:fs';
import { IamService, type Result } from '../backend/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import { loadWorkspace } from '../engine/index.js';
import { printDiagnostics, type GlobalOptions } from './context.js';
import { backendPathOf, nodeEngineHost } from './engine-host.js';
import type { CliIo } from './io.js';

export interface BackendLocation {
  /** Absolute path of the database file. */
  readonly path: string;
  /** The config file that named it, when one did. */
  readonly source?: string;
}

/**
 * Finds the embedded backend the config directory's `provider "iam"` block names, by
 * evaluating the config exactly as plan and apply do (variables from the environment and
 * `*.auto.iamvars`). Errors elsewhere in the config do not stop it; errors in the provider
 * block do.
 */
export function locateBackend(dir: string, env: Readonly<Record<string, string | undefined>> = {}): { location?: BackendLocation; diagnostics: Diagnostic[] } {
  const workspace = loadWorkspace(nodeEngineHost(dir, env), [], true);
  const settings = workspace.provider;
  const range = settings.range;
  const inProvider = workspace.diagnostics.filter(
    (d) => d.severity === 'error' && (d.code.startsWith('engine.provider') || (range !== undefined && d.range?.file === range.file && d.range.start.offset >= range.start.offset && d.range.end.offset <= range.end.offset)),
  );
  if (inProvider.length > 0) return { diagnostics: inProvider };
  if (settings.backend === 'http') {
    return { diagnostics: [errorDiag('backend.http', 'can and access read the embedded backend; this config names an http backend', { ...(range ? { range } : {}) })] };
  }
  return { location: { path: backendPathOf(dir, settings), ...(range ? { source: range.file } : {}) }, diagnostics: [] };
}

/**
 * Opens the backend database the config directory points at; a missing file is a diagnostic
 * (never created here: only apply creates a backend).
 */
function openLocatedBackend(dir: string, env: Readonly<Record<string, string | undefined>> = {}): { service?: IamService; location?: BackendLocation; diagnostics: Diagnostic[] } {
  const located = locateBackend(dir, env);
  if (!located.location) return { diagnostics: located.diagnostics };
  const { path } = located.location;
  if (!existsSync(path)) {
    return {
      location: located.location,
      diagnostics: [errorDiag('backend.missing', `No IAM backend database at ${path}: run iamform apply first, or set provider "iam" { path = … }`)],
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

/**
 * Answers one query (`can`, `access`) from the backend the config directory points at, and
 * closes it. What stood in the way (no backend, an error of the query) is printed, and the
 * answer is then undefined.
 */
export function queryLocatedBackend<T>(io: CliIo, globals: GlobalOptions, query: (service: IamService) => Result<T>): { value: T } | undefined {
  const opened = openLocatedBackend(globals.dir, io.env);
  if (!opened.service) {
    printDiagnostics(io, globals, opened.diagnostics);
    return undefined;
  }
  try {
    const result = query(opened.service);
    if (!result.ok) {
      printDiagnostics(io, globals, [errorDiag(result.error.code, result.error.message)]);
      return undefined;
    }
    return { value: result.value };
  } finally {
    opened.service.close();
  }
}
