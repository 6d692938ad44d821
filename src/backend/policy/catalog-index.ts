import type { Catalog, CatalogAction } from './types.js';

/** The catalog action named `name` (resource type and operation case-insensitive). */
export function findCatalogAction(catalog: Catalog, name: string): CatalogAction | undefined {
  void catalog;
  void name;
  throw new Error('not implemented');
}

/** Whether `pattern` (of a document of `version`) matches the action `name`, aliases not considered. */
export function actionMatches(pattern: string, name: string, version: '1.0' | '1.1' = '1.1'): boolean {
  void pattern;
  void name;
  void version;
  throw new Error('not implemented');
}

/** The catalog actions a pattern matches, directly or through an alias. */
export function matchingActions(catalog: Catalog, pattern: string, version: '1.0' | '1.1' = '1.1'): CatalogAction[] {
  void catalog;
  void pattern;
  void version;
  throw new Error('not implemented');
}
