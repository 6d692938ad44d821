import type { CompiledGrants, Decision, DecisionRequest } from './types.js';

/** Deny overrides allow; default deny. */
export function decide(request: DecisionRequest, compiled: CompiledGrants): Decision {
  void request;
  void compiled;
  throw new Error('not implemented');
}
