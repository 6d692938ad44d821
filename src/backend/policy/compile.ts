import type { Catalog, CompiledGrants, Grant } from './types.js';

/** Prepares grants for `decide` and `effectiveAccess`. */
export function compileGrants(grants: readonly Grant[], catalog: Catalog): CompiledGrants {
  void grants;
  void catalog;
  throw new Error('not implemented');
}
