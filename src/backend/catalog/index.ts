/**
 * Loads the committed system catalog (`catalog/actions.json`, `catalog/system-policies.json`
 * at the package root). Read once per process; the returned value is shared and frozen.
 */
import type { Catalog } from '../policy/types.js';

export type { Catalog } from '../policy/types.js';

/** The catalog of registered actions and system permissions. */
export function loadCatalog(): Catalog {
  throw new Error('not implemented');
}
