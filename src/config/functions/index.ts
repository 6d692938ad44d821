import { collectionFunctions } from './collection.js';
import { combineFunctions } from './combine.js';
import { conversionFunctions } from './type-conversion.js';
import { cryptoFunctions } from './crypto.js';
import { encodingFunctions } from './encoding.js';
import { filesystemFunctions } from './filesystem.js';
import { formatFunctions } from './format.js';
import { numericFunctions } from './numeric.js';
import { sequenceFunctions } from './sequence.js';
import { stringFunctions } from './string.js';
import type { FunctionDef } from './types.js';

/**
 * Every built-in function by name. Deterministic only: nothing reads a clock, randomness or
 * the environment, so a plan is reproducible. `try` and `can` are evaluator forms, not here.
 */
export const builtinFunctions: ReadonlyMap<string, FunctionDef> = new Map(
  Object.entries({
    ...stringFunctions,
    ...formatFunctions,
    ...collectionFunctions,
    ...sequenceFunctions,
    ...combineFunctions,
    ...numericFunctions,
    ...encodingFunctions,
    ...cryptoFunctions,
    ...filesystemFunctions,
    ...conversionFunctions,
  }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

export { callFunction } from './call.js';
export { confinementError, confinePath } from './filesystem.js';
export { isFunctionError } from './types.js';
export type { FunctionContext, FunctionDef, FunctionError, FunctionResult, ParamSpec } from './types.js';
