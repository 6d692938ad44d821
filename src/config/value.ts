/**
 * The value model of config expressions: types, values (null, unknown, marked), numbers,
 * conversion, unification, equality, and plain-data interchange. Everything that computes
 * with config values (the evaluator, the built-in functions, the planner) imports from here.
 */
export * from './values/types.js';
export * from './values/number.js';
export * from './values/value.js';
export * from './values/marks.js';
export * from './values/unify.js';
export * from './values/convert.js';
export * from './values/equality.js';
export * from './values/js.js';
