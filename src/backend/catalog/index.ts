/**
 * Loads the committed system catalog (`catalog/actions.json` and `catalog/system-policies.json`
 * at the package root, built by `scripts/build-catalog.ts`). Read once per process; the returned
 * value is deeply frozen and shared, so the policy engine's per-catalog indexes are built once.
 * A missing or malformed catalog is a packaging bug, so it throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, CatalogAction, CatalogService, SystemPermission } from '../policy/types.js';

export type { Catalog } from '../policy/types.js';

/**
 * The folder of the committed catalog files: the nearest `catalog/` holding `actions.json`
 * above this module, so that the sources, `dist/` and any other compiled copy (benchmarks)
 * all find the package's catalog.
 */
export const catalogDir: string = findCatalogDir(dirname(fileURLToPath(import.meta.url)));

function findCatalogDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'catalog');
    if (existsSync(join(candidate, 'actions.json'))) return candidate;
    if (dirname(dir) === dir) return fileURLToPath(new URL('../../../catalog/', import.meta.url));
  }
}

let cached: Catalog | undefined;

/** The catalog of registered actions and system permissions. */
export function loadCatalog(): Catalog {
  cached ??= readCatalog(catalogDir);
  return cached;
}

/** Reads a catalog from `dir` without caching (tests and tools). */
export function readCatalog(dir: string): Catalog {
  const actionsFile = readJson(join(dir, 'actions.json')) as {
    formatVersion?: unknown;
    services?: CatalogService[];
    actions?: CatalogAction[];
    legacyRoleActions?: Record<string, string[]>;
  };
  const systemFile = readJson(join(dir, 'system-policies.json')) as {
    formatVersion?: unknown;
    permissions?: SystemPermission[];
  };
  if (actionsFile.formatVersion !== 1 || systemFile.formatVersion !== 1) throw new Error(`catalog in ${dir} has an unknown format version`);
  if (!Array.isArray(actionsFile.actions) || !Array.isArray(actionsFile.services) || !Array.isArray(systemFile.permissions)) {
    throw new Error(`catalog in ${dir} is malformed`);
  }
  return deepFreeze({
    formatVersion: 1,
    services: actionsFile.services,
    actions: actionsFile.actions,
    legacyRoleActions: actionsFile.legacyRoleActions ?? {},
    systemPermissions: systemFile.permissions,
  });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
