import { resolve } from 'node:path';

/** Where state lives when `iamform { state "local" { path } }` does not say: relative to the config directory. */
export const DEFAULT_STATE_PATH = 'state/default.iamstate.json';

/**
 * The absolute path of the state file for the config directory `dir`. A configured path is
 * relative to `dir` unless absolute; without one, the default path under `dir` is used.
 */
export function resolveStatePath(dir: string, configuredPath?: string): string {
  return resolve(dir, configuredPath === undefined || configuredPath === '' ? DEFAULT_STATE_PATH : configuredPath);
}

export function backupPathOf(statePath: string): string {
  return `${statePath}.backup`;
}

export function lockPathOf(statePath: string): string {
  return `${statePath}.lock`;
}
