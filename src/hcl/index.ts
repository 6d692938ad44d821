/**
 * HCL: native-syntax lexer and parser, JSON-syntax reader, and the syntax tree they share.
 * Pure: no IO; every user error is a Diagnostic value with a stable `hcl.*` code.
 */
export * from './ast.js';
export { parseHcl, parseExpression, parseTemplate } from './parse.js';
export type { ParseResult, ExpressionResult, TemplateResult } from './parse.js';
export { parseHclJson } from './json-reader.js';
export type { JsonBodySchema, JsonBlockSchema, JsonParseResult } from './json-reader.js';
export { codes as hclCodes } from './messages.js';
export type { HclCode } from './messages.js';
export { formatHcl } from './format.js';
