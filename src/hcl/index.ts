/**
 * HCL: native-syntax lexer and parser, JSON-syntax reader, and the syntax tree they share.
 * Pure: no IO; every user error is a Diagnostic value.
 */
export * from './ast.js';
