import type { Catalog, PolicyProblem, ValidateOptions } from './types.js';

/** Every problem of a policy document against the §2.2 limits; empty when valid. */
export function validatePolicyDocument(doc: unknown, options: ValidateOptions): PolicyProblem[] {
  void doc;
  void options;
  throw new Error('not implemented');
}

/** A custom policy: Version 1.1 only, no Depends, NotAction only with Deny. */
export function validateCustomPolicy(doc: unknown, catalog: Catalog): PolicyProblem[] {
  return validatePolicyDocument(doc, { version: '1.1', catalog, custom: true });
}
