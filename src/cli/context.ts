import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { renderDiagnostics, sortDiagnostics, type Diagnostic } from '../diag/index.js';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  /** The config directory, absolute. */
  readonly dir: string;
  /** Colour on stdout/stderr: off under `--no-color`, `NO_COLOR`, or when not a TTY. */
  readonly colorStdout: boolean;
  readonly colorStderr: boolean;
}

export function resolveGlobals(io: CliIo, raw: { chdir?: string | undefined; color?: boolean | undefined }): GlobalOptions {
  const allowed = raw.color !== false && !(io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '');
  return {
    dir: resolve(io.cwd, raw.chdir ?? '.'),
    colorStdout: allowed && io.stdout.isTTY,
    colorStderr: allowed && io.stderr.isTTY,
  };
}

/**
 * Prints diagnostics to stderr, errors and warnings sorted by place. Sources are read from
 * disk on demand (relative paths resolve against the config directory) unless supplied.
 */
export function printDiagnostics(
  io: CliIo,
  globals: GlobalOptions,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string> = new Map(),
): void {
  if (diagnostics.length === 0) return;
  const lookup = (file: string): string | undefined => {
    const known = sources.get(file);
    if (known !== undefined) return known;
    try {
      return readFileSync(resolve(globals.dir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  io.stderr.write('\n' + renderDiagnostics(sortDiagnostics(diagnostics), { color: globals.colorStderr, sources: lookup }));
}
