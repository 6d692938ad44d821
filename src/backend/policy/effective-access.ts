import type { Catalog, CompiledGrants, ScopeAccess } from './types.js';

/** Per granted scope, the catalog actions allowed and denied, with their sources. */
export function effectiveAccess(compiled: CompiledGrants, catalog: Catalog): ScopeAccess[] {
  void compiled;
  void catalog;
  throw new Error('not implemented');
}
