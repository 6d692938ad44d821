/**
 * Every syntax diagnostic of `src/hcl`: stable codes and HCL-style wording. Codes are part of
 * the public contract (tests and tools match on them); wording may improve.
 */
import { errorDiag } from '../diag/index.js';
import type { Diagnostic, SourceRange } from '../diag/index.js';

export const codes = {
  invalidChar: 'hcl.invalid-character',
  unterminatedComment: 'hcl.unterminated-comment',
  unterminatedString: 'hcl.unterminated-string',
  invalidEscape: 'hcl.invalid-escape',
  invalidHeredoc: 'hcl.invalid-heredoc',
  unclosedHeredoc: 'hcl.unclosed-heredoc',
  bodyItemRequired: 'hcl.argument-or-block-required',
  quotedArgumentName: 'hcl.quoted-argument-name',
  missingNewlineAfterArgument: 'hcl.missing-newline-after-argument',
  missingNewlineAfterBlock: 'hcl.missing-newline-after-block',
  invalidBlockDefinition: 'hcl.invalid-block-definition',
  invalidSingleLineBlock: 'hcl.invalid-single-line-block',
  unclosedBlock: 'hcl.unclosed-block',
  unexpectedCloseBrace: 'hcl.unexpected-closing-brace',
  attributeRedefined: 'hcl.attribute-redefined',
  invalidLabel: 'hcl.invalid-block-label',
  missingExpression: 'hcl.missing-expression',
  invalidExpression: 'hcl.invalid-expression',
  unbalancedParens: 'hcl.unbalanced-parentheses',
  missingItemSeparator: 'hcl.missing-item-separator',
  unclosedTuple: 'hcl.unclosed-tuple',
  missingAttributeSeparator: 'hcl.missing-attribute-separator',
  missingKeyValueSeparator: 'hcl.missing-key-value-separator',
  unclosedObject: 'hcl.unclosed-object',
  missingArgumentSeparator: 'hcl.missing-argument-separator',
  unclosedCall: 'hcl.unclosed-function-call',
  invalidFunctionName: 'hcl.invalid-function-name',
  missingCloseBracket: 'hcl.missing-close-bracket',
  invalidAttributeName: 'hcl.invalid-attribute-name',
  invalidLegacyIndex: 'hcl.invalid-legacy-index',
  missingFalseExpression: 'hcl.missing-false-expression',
  invalidFor: 'hcl.invalid-for-expression',
  unclosedInterpolation: 'hcl.unclosed-template-interpolation',
  extraAfterInterpolation: 'hcl.extra-characters-after-interpolation',
  invalidDirective: 'hcl.invalid-template-directive',
  unexpectedDirective: 'hcl.unexpected-template-directive',
  unclosedDirective: 'hcl.unclosed-template-directive',
  invalidStringLiteral: 'hcl.template-not-allowed',
  nestingTooDeep: 'hcl.nesting-too-deep',
  jsonSyntax: 'hcl.json-syntax',
  jsonRootNotObject: 'hcl.json-root-not-object',
  jsonBlockNotObject: 'hcl.json-block-not-object',
  jsonDuplicateProperty: 'hcl.json-duplicate-property',
} as const;

export type HclCode = (typeof codes)[keyof typeof codes];

export function syntaxError(code: HclCode, summary: string, detail: string, range: SourceRange): Diagnostic {
  return errorDiag(code, summary, { detail, range });
}

/** `main.hcl:3,3-7`, as HCL writes a range inside a message. */
export function describeRange(range: SourceRange): string {
  const { start, end } = range;
  if (start.line === end.line) return `${range.file}:${start.line},${start.column}-${end.column}`;
  return `${range.file}:${start.line},${start.column}-${end.line},${end.column}`;
}
