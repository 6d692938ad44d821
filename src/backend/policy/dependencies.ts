import type { Catalog, DependencyProblem, Grant } from './types.js';

/** Roles whose dependencies are not granted in the same scope. */
export function checkRoleDependencies(grants: readonly Grant[], catalog: Catalog): DependencyProblem[] {
  void grants;
  void catalog;
  throw new Error('not implemented');
}
